import { expect, request, type APIRequestContext } from '@playwright/test'
import { totp } from '../support'

/** A signed-in API session of its own (not the browser's), for what a spec prepares or checks beside the page. */
export interface ApiSession {
  context: APIRequestContext
  csrf: string
}

async function csrfOf(context: APIRequestContext) {
  const session = await context.get('/api/v1/session')
  expect(session.status(), await session.text()).toBe(200)
  return (await session.json()).csrfToken as string
}

export async function signedIn(baseURL: string, name: string, password: string): Promise<ApiSession> {
  // no cookie: in a test, a new context inherits the project's storageState (the admin's session), and a sign-in
  // presenting a session ends it
  const context = await request.newContext({ baseURL, storageState: { cookies: [], origins: [] } })
  const answer = await context.post('/api/v1/session', { data: { name, password } })
  expect(answer.status(), await answer.text()).toBe(200)
  return { context, csrf: await csrfOf(context) }
}

export async function call(api: ApiSession, method: 'POST' | 'DELETE', path: string, data: object = {}) {
  const answer = await api.context.fetch(path, { method, data, headers: { 'X-CSRF-Token': api.csrf } })
  expect(answer.ok(), `${method} ${path}: ${answer.status()} ${await answer.text()}`).toBeTruthy()
  return answer.status() === 204 ? undefined : answer.json()
}

/** A new user's first steps by the API: the one-time password changed, TOTP enrolled; returns its TOTP secret. */
export async function enrol(api: ApiSession, oneTimePassword: string, newPassword: string) {
  await call(api, 'POST', '/api/v1/session/password', { currentPassword: oneTimePassword, newPassword })
  api.csrf = await csrfOf(api.context)
  const { secret } = await call(api, 'POST', '/api/v1/session/totp/enrolment')
  await call(api, 'POST', '/api/v1/session/totp/enrolment/confirm', { code: totp(secret) })
  return secret as string
}

/** The audit log's rows of one subject under one actor, through the page's filters. */
export const auditUrl = (subject: string, actor: string) =>
  `/audit?subjectName=${encodeURIComponent(subject)}&actor=${encodeURIComponent(actor)}`
