import { useState, type FormEvent } from 'react'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useQueryClient } from '@tanstack/react-query'
import { Loader2Icon } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { ProblemAlert } from '@/components/states'
import { ThemeToggle } from '@/components/layout/theme-toggle'
import { post, setCsrfToken } from '@/lib/api'
import { sessionKey } from '@/lib/session'
import type { SessionState } from '@/lib/types'

/** Password first; then, for a user with TOTP, a code from the app or one of the recovery codes. */
export default function SignInPage() {
  const { redirect } = useSearch({ from: '/sign-in' })
  const navigate = useNavigate()
  const client = useQueryClient()
  const [step, setStep] = useState<'password' | 'totp'>('password')
  const [useRecovery, setUseRecovery] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const finish = (session: SessionState) => {
    setCsrfToken(session.csrfToken)
    if (session.status === 'totpRequired') {
      setStep('totp')
      return
    }
    client.setQueryData(sessionKey, session)
    const target = session.restriction ? '/account' : redirect && redirect.startsWith('/') ? redirect : '/'
    navigate({ to: target, replace: true })
  }

  const submit = (call: () => Promise<SessionState>) => async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      finish(await call())
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const fields = (event: FormEvent) => new FormData(event.target as HTMLFormElement)
  const onPassword = (event: FormEvent) => {
    const form = fields(event)
    return submit(() => post<SessionState>('/api/v1/session', { name: form.get('name'), password: form.get('password') }))(event)
  }
  const onTotp = (event: FormEvent) => {
    const value = String(fields(event).get('code') ?? '').trim()
    return submit(() =>
      post<SessionState>('/api/v1/session/totp', useRecovery ? { recoveryCode: value } : { code: value }),
    )(event)
  }

  return (
    <div className="bg-muted/40 flex min-h-svh items-center justify-center p-4">
      <div className="absolute top-4 right-4">
        <ThemeToggle />
      </div>
      <Card className="w-full max-w-sm">
        <CardHeader className="flex-col">
          <CardTitle className="flex items-center gap-2 text-xl">
            <img src="/favicon.svg" alt="" className="size-6" /> AnimOps
          </CardTitle>
          <CardDescription>
            {step === 'password' ? 'Sign in to the operators’ panel' : 'Enter the code from your authenticator app'}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {error ? <ProblemAlert error={error} title="Sign-in failed" /> : null}
          {step === 'password' ? (
            <form onSubmit={onPassword} className="space-y-4" aria-label="Sign in">
              <div className="space-y-2">
                <Label htmlFor="name">User name</Label>
                <Input id="name" name="name" autoComplete="username" required autoFocus />
              </div>
              <div className="space-y-2">
                <Label htmlFor="password">Password</Label>
                <Input id="password" name="password" type="password" autoComplete="current-password" required />
              </div>
              <Button type="submit" className="w-full" disabled={busy}>
                {busy && <Loader2Icon className="animate-spin" />} Sign in
              </Button>
            </form>
          ) : (
            <form onSubmit={onTotp} className="space-y-4" aria-label="Two-factor code">
              <div className="space-y-2">
                <Label htmlFor="code">{useRecovery ? 'Recovery code' : 'Six-digit code'}</Label>
                <Input
                  id="code"
                  name="code"
                  key={useRecovery ? 'recovery' : 'totp'}
                  autoComplete="one-time-code"
                  inputMode={useRecovery ? 'text' : 'numeric'}
                  pattern={useRecovery ? undefined : '[0-9]{6}'}
                  placeholder={useRecovery ? 'abcde-fghjk' : '123456'}
                  required
                  autoFocus
                />
              </div>
              <Button type="submit" className="w-full" disabled={busy}>
                {busy && <Loader2Icon className="animate-spin" />} Verify
              </Button>
              <Button type="button" variant="link" className="w-full" onClick={() => setUseRecovery(!useRecovery)}>
                {useRecovery ? 'Use a code from the app' : 'Use a recovery code instead'}
              </Button>
            </form>
          )}
        </CardContent>
      </Card>
    </div>
  )
}
