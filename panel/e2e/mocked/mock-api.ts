import type { Page, Route } from '@playwright/test'

/** A small in-memory stand-in for the REST API, so that the browser specs run without the operator. */
export interface MockState {
  role: 'viewer' | 'operator' | 'admin'
  signedIn: boolean
  totpPending: boolean
  proposals: { namespace: string; name: string; title: string; phase: string; similarityScore: number; nearest: { name: string; title: string; score: number }[] }[]
  csrfSeen: (string | null)[]
  events: string[]
  /** Resolved once the page has read a render job: the stream sends its events after that. */
  renderRead: Promise<void>
  markRenderRead: () => void
}

export function mockState(role: MockState['role'] = 'operator'): MockState {
  return {
    role,
    signedIn: false,
    totpPending: false,
    proposals: [
      {
        namespace: 'default',
        name: 'domino-spiral',
        title: 'Domino spiral',
        phase: 'Proposed',
        similarityScore: 0.41,
        nearest: [{ name: 'domino-line', title: 'Domino line', score: 0.41 }],
      },
      {
        namespace: 'default',
        name: 'pendulum-wave',
        title: 'Pendulum wave',
        phase: 'Proposed',
        similarityScore: 0.2,
        nearest: [],
      },
    ],
    csrfSeen: [],
    events: [],
    ...(() => {
      let markRenderRead = () => {}
      const renderRead = new Promise<void>((resolve) => (markRenderRead = resolve))
      return { renderRead, markRenderRead }
    })(),
  }
}

const json = (route: Route, status: number, body: unknown, type = 'application/json') =>
  route.fulfill({ status, contentType: type, body: JSON.stringify(body) })

const problem = (route: Route, status: number, title: string, detail: string) =>
  json(route, status, { title, status, detail }, 'application/problem+json')

export async function installMockApi(page: Page, state: MockState) {
  await page.route('**/api/v1/**', async (route) => {
    const request = route.request()
    const url = new URL(request.url())
    const path = url.pathname
    const method = request.method()
    if (method !== 'GET') state.csrfSeen.push(request.headers()['x-csrf-token'] ?? null)
    const session = { status: 'signedIn', user: 'ada', role: state.role, csrfToken: 'csrf-1', restriction: null }

    if (path === '/api/v1/session' && method === 'POST') {
      const body = request.postDataJSON()
      if (body.password !== 'correct horse battery') return problem(route, 401, 'Unauthorized', 'wrong user name or password')
      state.totpPending = true
      return json(route, 200, { status: 'totpRequired', user: 'ada', role: state.role, csrfToken: 'csrf-0' })
    }
    if (path === '/api/v1/session/totp' && method === 'POST') {
      if (!state.totpPending) return problem(route, 401, 'Unauthorized', 'no half session')
      if (request.postDataJSON().code !== '123456') return problem(route, 401, 'Unauthorized', 'wrong code')
      state.signedIn = true
      return json(route, 200, session)
    }
    if (!state.signedIn) return problem(route, 401, 'Unauthorized', 'sign in first')
    if (path === '/api/v1/session') return json(route, 200, session)
    if (path === '/api/v1/events') {
      if (state.events.length) await state.renderRead
      return route.fulfill({ status: 200, contentType: 'text/event-stream', body: 'retry: 600000\n\n' + state.events.join('') })
    }
    if (path === '/api/v1/ideas' && method === 'GET') {
      const phase = url.searchParams.get('phase')
      const items = state.proposals.filter((p) => !phase || p.phase === phase).map((p) => ({ uid: p.name, ...p }))
      return json(route, 200, { items, limit: 100 })
    }
    const decision = path.match(/^\/api\/v1\/ideas\/([^/]+)\/([^/]+)\/(approve|reject)$/)
    if (decision && method === 'POST') {
      if (state.role === 'viewer') return problem(route, 403, 'Forbidden', 'role viewer may not POST here')
      const idea = state.proposals.find((p) => p.name === decision[2])
      if (!idea) return problem(route, 404, 'Not Found', 'no such idea')
      idea.phase = decision[3] === 'approve' ? 'Accepted' : 'Rejected'
      return json(route, 200, { action: decision[3], kind: 'AnimationIdea', namespace: 'default', name: idea.name, outcome: 'done' })
    }
    const render = path.match(/^\/api\/v1\/renders\/([^/]+)\/([^/]+)$/)
    if (render) {
      setTimeout(state.markRenderRead, 200)
      return json(route, 200, {
        namespace: render[1],
        name: render[2],
        live: true,
        idea: 'domino-spiral',
        spec: { mode: 'Preview' },
        phase: 'Rendering',
        agent: 'standin-a',
        progress: { percent: 10, frames: 30, totalFrames: 300 },
        conditions: [],
        errors: [],
      })
    }
    return problem(route, 404, 'Not Found', `no mock for ${method} ${path}`)
  })
}
