import { useState, type FormEvent } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { BanIcon, KeyRoundIcon, LogOutIcon, ShieldOffIcon, UserCheckIcon, UserPlusIcon } from 'lucide-react'
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { NativeSelect } from '@/components/ui/native-select'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { PageHeader } from '@/components/layout/app-shell'
import { ActionButton } from '@/components/action-button'
import { Empty, ProblemAlert, QueryState } from '@/components/states'
import { api, del, post } from '@/lib/api'
import { formatTime } from '@/lib/format'
import { useCan } from '@/lib/session'
import type { UserSummary } from '@/lib/types'

interface Credentials {
  name: string
  oneTimePassword: string
}

function OneTimePassword({ credentials }: { credentials: Credentials }) {
  return (
    <Alert>
      <KeyRoundIcon />
      <AlertTitle>One-time password for {credentials.name} (shown once)</AlertTitle>
      <AlertDescription>
        <code className="text-foreground text-base" data-testid="one-time-password">
          {credentials.oneTimePassword}
        </code>
        <span>Give it to them by a safe channel: they must change it at the first sign-in.</span>
      </AlertDescription>
    </Alert>
  )
}

function AddUser({ onAdded }: { onAdded: (c: Credentials) => void }) {
  const [error, setError] = useState<unknown>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    try {
      onAdded(await post<Credentials>('/api/v1/users', { name: form.get('name'), role: form.get('role') }))
      ;(event.target as HTMLFormElement).reset()
      setError(null)
    } catch (e) {
      setError(e)
    }
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Add a user">
      <div className="grid gap-1.5">
        <Label htmlFor="new-user">Name</Label>
        <Input id="new-user" name="name" required className="w-48" autoComplete="off" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="new-role">Role</Label>
        <NativeSelect id="new-role" name="role" defaultValue="viewer">
          <option value="viewer">viewer</option>
          <option value="operator">operator</option>
          <option value="admin">admin</option>
        </NativeSelect>
      </div>
      <Button type="submit">
        <UserPlusIcon /> Add user
      </Button>
      {error ? <ProblemAlert error={error} title="User not added" /> : null}
    </form>
  )
}

export default function UsersPage() {
  const isAdmin = useCan('admin')
  const client = useQueryClient()
  const [credentials, setCredentials] = useState<Credentials>()
  const query = useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => api<UserSummary[]>('/api/v1/users', { signal }),
    enabled: isAdmin,
  })
  if (!isAdmin) return <ProblemAlert error={new Error('Only an admin manages users.')} title="Not allowed" />
  const base = (name: string) => `/api/v1/users/${encodeURIComponent(name)}`
  const shown = (c: Credentials) => {
    setCredentials(c)
    client.invalidateQueries({ queryKey: ['users'] })
    return c
  }
  return (
    <div className="space-y-4">
      <PageHeader title="Users" description="People who sign in to the panel and the API." />
      {credentials && <OneTimePassword credentials={credentials} />}
      <Card>
        <CardHeader>
          <CardTitle>Add a user</CardTitle>
        </CardHeader>
        <CardContent>
          <AddUser onAdded={shown} />
        </CardContent>
      </Card>
      <QueryState query={query}>
        {(users) =>
          users.length === 0 ? (
            <Empty>No user.</Empty>
          ) : (
            <Table aria-label="Users">
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead>State</TableHead>
                  <TableHead>Last sign-in</TableHead>
                  <TableHead>Actions</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {users.map((u) => (
                  <TableRow key={u.name}>
                    <TableCell className="font-medium">{u.name}</TableCell>
                    <TableCell>{u.role}</TableCell>
                    <TableCell className="space-x-1">
                      {u.disabled ? <Badge variant="destructive">disabled</Badge> : <Badge variant="success">active</Badge>}
                      {u.totpEnrolled && <Badge variant="secondary">TOTP</Badge>}
                      {u.mustChangePassword && <Badge variant="warning">one-time password</Badge>}
                    </TableCell>
                    <TableCell>{formatTime(u.lastSignInAt)}</TableCell>
                    <TableCell className="flex flex-wrap gap-1">
                      {u.disabled ? (
                        <ActionButton role="admin" label="Enable" icon={<UserCheckIcon />} invalidates={['users']} run={() => post(`${base(u.name)}/enable`)} />
                      ) : (
                        <ActionButton
                          role="admin"
                          label="Disable"
                          variant="destructive"
                          icon={<BanIcon />}
                          invalidates={['users']}
                          confirm={{ title: `Disable ${u.name}?`, description: 'Their sessions end and they cannot sign in until enabled.' }}
                          run={() => post(`${base(u.name)}/disable`)}
                        />
                      )}
                      <ActionButton
                        role="admin"
                        label="Reset TOTP"
                        icon={<ShieldOffIcon />}
                        invalidates={['users']}
                        disabled={!u.totpEnrolled}
                        confirm={{ title: `Remove ${u.name}’s TOTP?`, description: 'They sign in with the password alone until they enrol again.' }}
                        run={() => post(`${base(u.name)}/totp-reset`)}
                      />
                      <ActionButton
                        role="admin"
                        label="Reset password"
                        icon={<KeyRoundIcon />}
                        invalidates={['users']}
                        confirm={{ title: `Reset ${u.name}’s password?`, description: 'Their sessions end; a one-time password is shown here.' }}
                        run={async () => shown(await post<Credentials>(`${base(u.name)}/password-reset`))}
                      />
                      <ActionButton
                        role="admin"
                        label="Revoke sessions"
                        icon={<LogOutIcon />}
                        variant="destructive"
                        confirm={{ title: `End every session of ${u.name}?`, description: 'They must sign in again.' }}
                        run={() => del(`${base(u.name)}/sessions`)}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </QueryState>
    </div>
  )
}
