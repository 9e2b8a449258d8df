import { afterEach, describe, expect, it, vi } from 'vitest'
import { api, ApiError, post, qs, setCsrfToken } from './api'

function respond(status: number, body: unknown, type = 'application/json') {
  return vi.fn().mockImplementation(async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } }),
  )
}

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('api', () => {
  it('sends the CSRF token on a POST and not on a GET', async () => {
    const fetch = respond(200, { ok: true })
    vi.stubGlobal('fetch', fetch)
    setCsrfToken('token-1')
    await api('/api/v1/ideas')
    await post('/api/v1/ideas/default/a/approve', { reason: 'good' })
    expect(fetch.mock.calls[0][1].headers['X-CSRF-Token']).toBeUndefined()
    expect(fetch.mock.calls[1][1].headers['X-CSRF-Token']).toBe('token-1')
    expect(fetch.mock.calls[1][1].body).toBe('{"reason":"good"}')
    expect(fetch.mock.calls[1][1].credentials).toBe('same-origin')
  })

  it('turns a problem+json answer into an ApiError with its detail and invalid parameters', async () => {
    vi.stubGlobal(
      'fetch',
      respond(
        400,
        { title: 'Bad Request', status: 400, detail: 'limit is wrong', 'invalid-params': [{ name: 'limit', reason: 'at most 500' }] },
        'application/problem+json',
      ),
    )
    const error = (await api('/api/v1/ideas?limit=9999').catch((e) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(400)
    expect(error.message).toBe('limit is wrong')
    expect(error.problem['invalid-params']).toEqual([{ name: 'limit', reason: 'at most 500' }])
  })

  it('keeps a non-JSON error body as the detail', async () => {
    vi.stubGlobal('fetch', respond(502, 'upstream down', 'text/plain'))
    const error = (await api('/api/v1/ops').catch((e) => e)) as ApiError
    expect(error.problem).toMatchObject({ status: 502, detail: 'upstream down' })
  })

  it('reports an unreachable operator as a problem with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const error = (await api('/api/v1/ops').catch((e) => e)) as ApiError
    expect(error.problem.status).toBe(0)
    expect(error.problem.detail).toContain('could not be reached')
  })

  it('announces a 401 outside the session routes so the app can go to the sign-in page', async () => {
    vi.stubGlobal('fetch', respond(401, { title: 'Unauthorized', status: 401 }))
    const listener = vi.fn()
    window.addEventListener('animops:unauthorized', listener)
    await api('/api/v1/ideas').catch(() => undefined)
    await api('/api/v1/session').catch(() => undefined)
    window.removeEventListener('animops:unauthorized', listener)
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('builds query strings without empty values', () => {
    expect(qs({ phase: 'Proposed', schedule: undefined, namespace: '', limit: 50 })).toBe('?phase=Proposed&limit=50')
    expect(qs({})).toBe('')
  })
})
