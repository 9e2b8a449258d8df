import { useEffect, useState, type FormEvent } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import QRCode from 'qrcode'
import { CopyIcon, ShieldCheckIcon } from 'lucide-react'
import { toast } from 'sonner'
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { PageHeader } from '@/components/layout/app-shell'
import { ProblemAlert } from '@/components/states'
import { post, setCsrfToken } from '@/lib/api'
import { sessionKey, useSession } from '@/lib/session'
import type { SessionState } from '@/lib/types'

interface Enrolment {
  secret: string
  otpauthUri: string
}

/** The QR code is drawn here from the otpauth URI, so no markup from the server is injected into the page. */
export function QrCode({ text }: { text: string }) {
  const [url, setUrl] = useState<string>()
  useEffect(() => {
    QRCode.toDataURL(text, { margin: 1, width: 220 }).then(setUrl, () => setUrl(undefined))
  }, [text])
  return url ? (
    <img src={url} alt="QR code of the TOTP secret" className="rounded bg-white p-2" width={220} height={220} />
  ) : null
}

function ChangePassword() {
  const client = useQueryClient()
  const [error, setError] = useState<unknown>(null)
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    if (form.get('newPassword') !== form.get('repeat')) {
      setError(new Error('The two new passwords differ.'))
      return
    }
    try {
      const session = await post<SessionState>('/api/v1/session/password', {
        currentPassword: form.get('currentPassword'),
        newPassword: form.get('newPassword'),
      })
      setCsrfToken(session.csrfToken)
      client.setQueryData(sessionKey, session)
      setError(null)
      ;(event.target as HTMLFormElement).reset()
      toast.success('Password changed; other sessions were ended.')
    } catch (e) {
      setError(e)
    }
  }
  return (
    <Card>
      <CardHeader className="flex-col">
        <CardTitle>Password</CardTitle>
        <CardDescription>12 to 1024 characters. Changing it ends every other session.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="grid max-w-sm gap-3" aria-label="Change password">
          {error ? <ProblemAlert error={error} title="Password not changed" /> : null}
          <Label htmlFor="currentPassword">Current password</Label>
          <Input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
          <Label htmlFor="newPassword">New password</Label>
          <Input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={12} required />
          <Label htmlFor="repeat">New password again</Label>
          <Input id="repeat" name="repeat" type="password" autoComplete="new-password" minLength={12} required />
          <Button type="submit" className="w-fit">
            Change password
          </Button>
        </form>
      </CardContent>
    </Card>
  )
}

function TotpEnrolment() {
  const client = useQueryClient()
  const [enrolment, setEnrolment] = useState<Enrolment>()
  const [codes, setCodes] = useState<string[]>()
  const [error, setError] = useState<unknown>(null)
  const start = async () => {
    try {
      setEnrolment(await post<Enrolment>('/api/v1/session/totp/enrolment'))
      setCodes(undefined)
      setError(null)
    } catch (e) {
      setError(e)
    }
  }
  const confirm = async (event: FormEvent) => {
    event.preventDefault()
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '').trim()
    try {
      const answer = await post<{ recoveryCodes: string[] }>('/api/v1/session/totp/enrolment/confirm', { code })
      setCodes(answer.recoveryCodes)
      setEnrolment(undefined)
      setError(null)
      client.invalidateQueries({ queryKey: sessionKey })
    } catch (e) {
      setError(e)
    }
  }
  return (
    <Card>
      <CardHeader className="flex-col">
        <CardTitle>Two-factor sign-in (TOTP)</CardTitle>
        <CardDescription>Scan the code with an authenticator app, then type the code it shows.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {error ? <ProblemAlert error={error} title="Enrolment failed" /> : null}
        {codes ? (
          <Alert>
            <ShieldCheckIcon />
            <AlertTitle>TOTP is on. Keep these recovery codes somewhere safe: they are shown only once.</AlertTitle>
            <AlertDescription>
              <ul className="grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
                {codes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
              <Button
                variant="outline"
                size="sm"
                onClick={() => navigator.clipboard?.writeText(codes.join('\n')).then(() => toast.success('Copied'))}
              >
                <CopyIcon /> Copy
              </Button>
            </AlertDescription>
          </Alert>
        ) : null}
        {enrolment ? (
          <div className="flex flex-wrap gap-6">
            <QrCode text={enrolment.otpauthUri} />
            <form onSubmit={confirm} className="grid content-start gap-3" aria-label="Confirm TOTP">
              <p className="text-sm">
                Secret (to type by hand): <code data-testid="totp-secret">{enrolment.secret}</code>
              </p>
              <Label htmlFor="enrol-code">Code from the app</Label>
              <Input id="enrol-code" name="code" inputMode="numeric" pattern="[0-9]{6}" autoComplete="one-time-code" required />
              <Button type="submit" className="w-fit">
                Turn on TOTP
              </Button>
            </form>
          </div>
        ) : (
          <Button onClick={start}>{codes ? 'Enrol a new device' : 'Set up TOTP'}</Button>
        )}
      </CardContent>
    </Card>
  )
}

export default function AccountPage() {
  const session = useSession()
  const navigate = useNavigate()
  const restriction = session.data?.restriction
  return (
    <div className="space-y-4">
      <PageHeader title="Account" description={session.data ? `Signed in as ${session.data.user} (${session.data.role})` : undefined} />
      {restriction ? (
        <Alert variant="warning">
          <AlertTitle>One step before the panel opens</AlertTitle>
          <AlertDescription>{restriction}</AlertDescription>
        </Alert>
      ) : session.data ? (
        <Button variant="outline" onClick={() => navigate({ to: '/' })} className="w-fit">
          Go to the dashboard
        </Button>
      ) : null}
      <ChangePassword />
      <TotpEnrolment />
    </div>
  )
}
