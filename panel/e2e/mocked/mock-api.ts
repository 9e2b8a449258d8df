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
    const fixture = fixtures[path] ?? (path.startsWith('/api/v1/kpis/') ? kpis(path.split('/').pop()!) : undefined)
    if (fixture && method === 'GET') return json(route, 200, fixture)
    return problem(route, 404, 'Not Found', `no mock for ${method} ${path}`)
  })
}

const now = Date.now()
const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString()
const schedule = {
  namespace: 'default',
  name: 'daily-shorts',
  cron: '0 9 * * *',
  timeZone: 'Europe/Paris',
  suspended: false,
  lastRunAt: ago(60),
  nextRunAt: new Date(now + 23 * 3600_000).toISOString(),
  todayRuns: [{ at: ago(60), runId: 'r-1', outcome: 'fired' }],
  error: null,
}

function kpis(view: string) {
  if (view === 'video_kpis') {
    return {
      limit: 500,
      items: ['a', 'b', 'c'].flatMap((v, i) => [
        { platform: 'YouTube', external_id: v, publication_name: `video-${v}`, horizon: '72h', views: 800 + i * 300 },
        { platform: 'YouTube', external_id: v, publication_name: `video-${v}`, horizon: '7d', views: 1500 + i * 500 },
      ]),
    }
  }
  return {
    limit: 500,
    items: Array.from({ length: 10 }, (_, d) => ({ platform: 'TikTok', day: `2026-11-${String(20 + d)}`, views_14d: 1000 + d * 150 })),
  }
}

const script = [
  'extends Node2D',
  '',
  '# a ball falls on a seesaw',
  'func _ready() -> void',
  '\tvar ball := RigidBody2D.new()',
  '\tball.mass = 2.5',
  '\tadd_child(ball)',
].join('\n')

const fixtures: Record<string, unknown> = {
  '/api/v1/dashboard': {
    from: ago(7 * 1440),
    to: ago(0),
    schedules: [schedule],
    funnel: { proposed: 12, gated: 10, written: 8, valid: 7, rendered: 6, passedQc: 5, published: 3 },
    scripts: { ideas: 8, firstTryValid: 5, validAfterRepair: 2, firstTrySuccessRate: 0.625, afterRepairSuccessRate: 0.875 },
    llm: { calls: 30, promptTokens: 120000, completionTokens: 40000, totalTokens: 160000, tokensToday: 20000, dailyTokenBudget: 500000, costUsd: 0.4213, unpricedCalls: 0, budgetUsd: null, period: 'day' },
    alerts: [{ kind: 'AgentDown', severity: 'warning', subject: 'mac-1', message: 'render agent mac-1 is not ready: HeartbeatExpired', since: ago(15) }],
  },
  '/api/v1/ops': {
    agents: [
      { name: 'standin-a', phase: 'Ready', ready: true, executor: 'Native', os: 'darwin', arch: 'arm64', godotVersion: '4.6.stable', labels: { 'animops.io/pool': 'fast' }, heartbeatAt: ago(0), heartbeatAgeSeconds: 2, capacity: 1, running: 1, currentJob: 'default/job-1', jobs: [{ namespace: 'default', name: 'job-1', mode: 'Preview', phase: 'Rendering', progress: 42 }] },
      { name: 'mac-1', phase: 'NotReady', ready: false, executor: null, heartbeatAt: ago(15), heartbeatAgeSeconds: 900, capacity: 2, running: 0, jobs: [] },
    ],
    queue: [
      { mode: 'Validate', pending: 0, running: 0, oldestPendingSeconds: null },
      { mode: 'Preview', pending: 2, running: 1, oldestPendingSeconds: 12.5 },
    ],
    schedules: [schedule],
    llm: { providers: [{ namespace: 'default', schedule: 'daily-shorts', name: 'Offline', model: null, offline: true, dailyTokenBudget: null }], tokensToday: 0, dailyTokenBudget: null, costUsd: null, unpricedCalls: 0, budgetUsd: null, period: 'day' },
    storage: { type: 'local', objects: 14, bytes: 1234567, retention: 'previews 14 d, rejected 7 d, checked every 1h' },
    health: [{ name: 'Database connections health check', status: 'UP' }],
  },
  '/api/v1/ideas/default/seesaw': {
    namespace: 'default',
    name: 'seesaw',
    live: true,
    title: 'Seesaw catapult',
    premise: 'A ball drops on a seesaw and launches another into a cup.',
    phase: 'Failed',
    similarity: { score: 0.31, threshold: 0.85, model: 'offline-hash', nearest: [{ name: 'lever', title: 'Lever and weights', score: 0.31 }] },
    conditions: [{ type: 'Ready', status: 'False', reason: 'ScriptAttemptsExhausted', message: 'no valid script after 3 attempts' }],
    currentAttempt: 'seesaw-a1',
    attempts: [{ uid: 'u1', namespace: 'default', name: 'seesaw-a1', idea: 'seesaw', attempt: 1, phase: 'Invalid', errors: [{ line: 4 }], model: 'offline' }],
    renderJobs: [],
    createdAt: ago(90),
  },
  '/api/v1/attempts/default/seesaw-a1': {
    namespace: 'default',
    name: 'seesaw-a1',
    live: true,
    idea: 'seesaw',
    attempt: 1,
    phase: 'Invalid',
    script,
    errors: [{ stage: 'parse', line: 4, column: 24, message: "Expected ':' after function declaration" }],
    llmUsage: { provider: 'Offline', model: 'offline', promptTokens: 1200, completionTokens: 300 },
  },
  '/api/v1/audit': {
    limit: 200,
    items: [{ id: 1, occurredAt: ago(90), actor: 'scheduler', eventType: 'AnimationIdea.Proposed', subjectKind: 'AnimationIdea', subjectNamespace: 'default', subjectName: 'seesaw', payload: { schedule: 'daily-shorts' } }],
  },
}
