import { useEffect, type ReactNode } from 'react'
import { Link, useLocation, useNavigate } from '@tanstack/react-router'
import { useQueryClient } from '@tanstack/react-query'
import {
  ActivityIcon,
  ClapperboardIcon,
  ClipboardCheckIcon,
  DoorOpenIcon,
  LayoutDashboardIcon,
  LightbulbIcon,
  LogOutIcon,
  ScrollTextIcon,
  SendIcon,
  ServerIcon,
  UserCogIcon,
  UsersIcon,
} from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Badge } from '@/components/ui/badge'
import { Loading, ProblemAlert } from '@/components/states'
import { del, unauthorizedEvent } from '@/lib/api'
import { useEventStream } from '@/lib/events'
import { hasRole, sessionKey, useSession } from '@/lib/session'
import { timeZoneName } from '@/lib/format'
import type { Role } from '@/lib/types'
import { ThemeToggle } from './theme-toggle'

interface NavItem {
  to: string
  label: string
  icon: ReactNode
  role?: Role
}

const nav: NavItem[] = [
  { to: '/', label: 'Dashboard', icon: <LayoutDashboardIcon /> },
  { to: '/ideas', label: 'Ideas', icon: <LightbulbIcon /> },
  { to: '/gate', label: 'Idea Gate', icon: <DoorOpenIcon /> },
  { to: '/renders', label: 'Renders', icon: <ClapperboardIcon /> },
  { to: '/qc', label: 'QC', icon: <ClipboardCheckIcon /> },
  { to: '/publications', label: 'Publications', icon: <SendIcon /> },
  { to: '/audit', label: 'Audit log', icon: <ScrollTextIcon /> },
  { to: '/ops', label: 'Ops', icon: <ServerIcon /> },
  { to: '/users', label: 'Users', icon: <UsersIcon />, role: 'admin' },
]

/** Sidebar, header and the live stream around every signed-in page; sends the signed-out to the sign-in page. */
export function AppShell({ children }: { children: ReactNode }) {
  const session = useSession()
  const client = useQueryClient()
  const navigate = useNavigate()
  const location = useLocation()
  const signedIn = session.data?.status === 'signedIn' && !session.data.restriction
  const stream = useEventStream(client, signedIn)

  // a session that ended while the page was open (sign-out elsewhere, expiry, revocation)
  const signedOut = !session.isPending && !session.error && (!session.data || session.data.status !== 'signedIn')
  // not again once on the way there: the shell stays mounted while the sign-in page loads, and each redirect would
  // wrap the last one until the address is too long for the server (HTTP 414)
  useEffect(() => {
    if (signedOut && location.pathname !== '/sign-in') {
      navigate({ to: '/sign-in', search: { redirect: location.href }, replace: true })
    }
  }, [signedOut, navigate, location.pathname, location.href])

  useEffect(() => {
    const onUnauthorized = () => client.invalidateQueries({ queryKey: sessionKey })
    window.addEventListener(unauthorizedEvent, onUnauthorized)
    return () => window.removeEventListener(unauthorizedEvent, onUnauthorized)
  }, [client])

  if (session.isPending) {
    return (
      <div className="p-8">
        <Loading label="Checking the session…" />
      </div>
    )
  }
  if (session.error) {
    return (
      <div className="p-8">
        <ProblemAlert error={session.error} title="The session could not be read" />
      </div>
    )
  }
  if (!session.data || signedOut) return null

  const signOut = async () => {
    await del('/api/v1/session').catch(() => undefined)
    client.clear()
    navigate({ to: '/sign-in', search: { redirect: undefined } })
  }

  return (
    <div className="flex min-h-svh">
      {/* the aside stretches to the page's full height (its background and border); its content stays in view */}
      <aside className="bg-sidebar text-sidebar-foreground border-sidebar-border hidden w-56 shrink-0 border-r md:block">
        <div data-testid="sidebar-content" className="sticky top-0 flex h-svh flex-col">
          <div className="flex h-14 items-center gap-2 px-4 font-semibold">
            <img src="/favicon.svg" alt="" className="size-6" /> AnimOps
          </div>
          <nav aria-label="Main" className="flex flex-1 flex-col gap-0.5 px-2">
            {nav
              .filter((item) => !item.role || hasRole(session.data, item.role))
              .map((item) => (
                <Link
                  key={item.to}
                  to={item.to}
                  activeOptions={{ exact: item.to === '/' }}
                  className="hover:bg-sidebar-accent flex items-center gap-2 rounded-md px-3 py-2 text-sm [&_svg]:size-4 data-[status=active]:bg-sidebar-accent data-[status=active]:font-medium"
                >
                  {item.icon}
                  {item.label}
                </Link>
              ))}
          </nav>
          <div className="text-muted-foreground px-4 py-3 text-xs">Times in {timeZoneName()}</div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="bg-background/95 sticky top-0 z-10 flex h-14 items-center gap-2 border-b px-4 backdrop-blur">
          <nav aria-label="Main (compact)" className="flex gap-1 overflow-x-auto md:hidden">
            {nav.slice(0, 6).map((item) => (
              <Link key={item.to} to={item.to} className="px-2 text-sm">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="flex-1" />
          <Badge variant={stream === 'open' ? 'success' : 'warning'} title="Live updates from the event stream">
            <ActivityIcon aria-hidden /> {stream === 'open' ? 'Live' : 'Reconnecting'}
          </Badge>
          <ThemeToggle />
          <Button variant="ghost" size="sm" asChild>
            <Link to="/account" aria-label="Account">
              <UserCogIcon /> <span data-testid="current-user">{session.data.user}</span>
              <span className="text-muted-foreground">({session.data.role})</span>
            </Link>
          </Button>
          <Button variant="ghost" size="icon" aria-label="Sign out" onClick={signOut}>
            <LogOutIcon />
          </Button>
        </header>
        <main className="flex-1 space-y-4 p-4 md:p-6">{children}</main>
      </div>
    </div>
  )
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-2">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {description && <p className="text-muted-foreground text-sm">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  )
}
