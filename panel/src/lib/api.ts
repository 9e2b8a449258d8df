/**
 * The API client: same-origin relative paths, the session cookie, and the session's CSRF token on every
 * state-changing request (docs/security.md). Errors become ApiError carrying the RFC 7807 problem.
 */
export interface InvalidParam {
  name: string
  reason: string
}

export interface Problem {
  title: string
  status: number
  detail?: string
  'invalid-params'?: InvalidParam[]
}

export class ApiError extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title)
    this.problem = problem
  }

  get status() {
    return this.problem.status
  }
}

let csrfToken: string | null = null

/** Set from the session answer; kept in memory only (never in storage, where a script could read it later). */
export function setCsrfToken(token: string | null) {
  csrfToken = token
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Fired on 401 so the app can send the user to the sign-in page. */
export const unauthorizedEvent = 'animops:unauthorized'

export async function toProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('json')) {
    try {
      const body = await response.json()
      return {
        title: body.title ?? response.statusText ?? 'Error',
        status: body.status ?? response.status,
        detail: body.detail,
        'invalid-params': body['invalid-params'],
      }
    } catch {
      // fall through: a JSON content type with a broken body
    }
  }
  const text = await response.text().catch(() => '')
  return {
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: text.slice(0, 500) || undefined,
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}) {
  const method = init.method ?? 'GET'
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError({ title: 'Network error', status: 0, detail: 'The operator could not be reached: ' + String(e) })
  }
  if (!response.ok) {
    const problem = await toProblem(response)
    if (response.status === 401 && !path.startsWith('/api/v1/session')) {
      window.dispatchEvent(new CustomEvent(unauthorizedEvent))
    }
    throw new ApiError(problem)
  }
  if (response.status === 204) return undefined as T
  const type = response.headers.get('content-type') ?? ''
  return (type.includes('json') ? response.json() : response.text()) as Promise<T>
}

/** Query string from an object, leaving out empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>) {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body })
export const put = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PUT', body })
export const del = <T>(path: string) => api<T>(path, { method: 'DELETE' })
