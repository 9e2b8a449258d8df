import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router'
import { queryClient } from '@/lib/query-client'
import { fetchSession, sessionKey } from '@/lib/session'
import { AppShell } from '@/components/layout/app-shell'
import { ProblemAlert } from '@/components/states'
import { listSearch, str } from '@/lib/search'

const rootRoute = createRootRoute({
  component: Outlet,
  errorComponent: ({ error }) => (
    <div className="p-8">
      <ProblemAlert error={error} />
    </div>
  ),
  notFoundComponent: () => (
    <div className="p-8">
      <ProblemAlert error={new Error('There is no page at this address.')} title="Page not found" />
    </div>
  ),
})

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>) => ({ redirect: str(search.redirect) }),
  component: lazyRouteComponent(() => import('@/pages/sign-in')),
})

const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'shell',
  // the session is checked before any page loads: signed out -> sign-in, restricted -> account
  beforeLoad: async ({ location }) => {
    const session = await queryClient.fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 })
    if (!session || session.status !== 'signedIn') {
      throw redirect({ to: '/sign-in', search: { redirect: location.href } })
    }
    if (session.restriction && location.pathname !== '/account') throw redirect({ to: '/account' })
  },
  component: () => (
    <AppShell>
      <Outlet />
    </AppShell>
  ),
})

export const ideaSearch = listSearch(['namespace', 'phase', 'schedule', 'q', 'sort', 'order'] as const)
export const renderSearch = listSearch(['namespace', 'phase', 'mode', 'idea'] as const)
export const publicationSearch = listSearch(['namespace', 'phase', 'platform', 'idea'] as const)
export const auditSearch = listSearch(['eventType', 'subjectKind', 'subjectName', 'actor', 'from', 'to'] as const)
export const qcSearch = listSearch(['namespace', 'outcome'] as const)

const dashboardRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/',
  component: lazyRouteComponent(() => import('@/pages/dashboard')),
})
const ideasRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/ideas',
  validateSearch: ideaSearch,
  component: lazyRouteComponent(() => import('@/pages/ideas')),
})
const ideaRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/ideas/$namespace/$name',
  component: lazyRouteComponent(() => import('@/pages/idea')),
})
const gateRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/gate',
  component: lazyRouteComponent(() => import('@/pages/gate')),
})
const rendersRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/renders',
  validateSearch: renderSearch,
  component: lazyRouteComponent(() => import('@/pages/renders')),
})
const renderRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/renders/$namespace/$name',
  component: lazyRouteComponent(() => import('@/pages/render')),
})
const qcQueueRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/qc',
  validateSearch: qcSearch,
  component: lazyRouteComponent(() => import('@/pages/qc-queue')),
})
const qcReviewRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/qc/$namespace/$name',
  component: lazyRouteComponent(() => import('@/pages/qc-review')),
})
const publicationsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/publications',
  validateSearch: publicationSearch,
  component: lazyRouteComponent(() => import('@/pages/publications')),
})
const publicationRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/publications/$namespace/$name',
  component: lazyRouteComponent(() => import('@/pages/publication')),
})
const auditRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/audit',
  validateSearch: auditSearch,
  component: lazyRouteComponent(() => import('@/pages/audit')),
})
const opsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/ops',
  component: lazyRouteComponent(() => import('@/pages/ops')),
})
const usersRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/users',
  component: lazyRouteComponent(() => import('@/pages/users')),
})
const accountRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('@/pages/account')),
})

const routeTree = rootRoute.addChildren([
  signInRoute,
  shellRoute.addChildren([
    dashboardRoute,
    ideasRoute,
    ideaRoute,
    gateRoute,
    rendersRoute,
    renderRoute,
    qcQueueRoute,
    qcReviewRoute,
    publicationsRoute,
    publicationRoute,
    auditRoute,
    opsRoute,
    usersRoute,
    accountRoute,
  ]),
])

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true })

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router
  }
}
