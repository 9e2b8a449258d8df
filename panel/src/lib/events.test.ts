import { describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { applyEvent } from './events'
import type { RenderDetail } from './types'

function clientWith(keys: unknown[][]) {
  const client = new QueryClient()
  for (const key of keys) client.setQueryData(key, { seeded: true })
  return client
}

const stale = (client: QueryClient, key: unknown[]) => client.getQueryState(key)?.isInvalidated

describe('applyEvent', () => {
  it('invalidates the queries of the changed kind only', () => {
    const client = clientWith([['ideas', {}], ['gate'], ['renders', {}], ['audit', {}]])
    applyEvent(client, { id: '1', type: 'change', kind: 'AnimationIdea', namespace: 'default', name: 'a' })
    expect(stale(client, ['ideas', {}])).toBe(true)
    expect(stale(client, ['gate'])).toBe(true)
    expect(stale(client, ['renders', {}])).toBe(false)
    expect(stale(client, ['audit', {}])).toBe(false)
  })

  it('treats audit events as the Audit kind', () => {
    const client = clientWith([['audit', {}], ['ideas', {}]])
    applyEvent(client, { id: '2', type: 'audit', data: { eventType: 'AnimationIdea.Approved' } })
    expect(stale(client, ['audit', {}])).toBe(true)
    expect(stale(client, ['ideas', {}])).toBe(false)
  })

  it('puts a render progress into the cached job and the live progress entry', () => {
    const client = new QueryClient()
    client.setQueryData<Partial<RenderDetail>>(['render', 'default', 'job-1'], { name: 'job-1', phase: 'Claimed', progress: { percent: 0 } })
    applyEvent(client, {
      id: '3',
      type: 'change',
      kind: 'RenderJob',
      namespace: 'default',
      name: 'job-1',
      data: { phase: 'Rendering', progress: { percent: 42, frames: 126, totalFrames: 300 } },
    })
    expect(client.getQueryData<RenderDetail>(['render', 'default', 'job-1'])).toMatchObject({ phase: 'Rendering', progress: { percent: 42 } })
    expect(client.getQueryData(['progress', 'default', 'job-1'])).toEqual({ percent: 42, frames: 126, totalFrames: 300 })
  })

  it('invalidates everything on resync', () => {
    const client = clientWith([['ideas', {}], ['ops']])
    applyEvent(client, { id: '4', type: 'resync' })
    expect(stale(client, ['ideas', {}])).toBe(true)
    expect(stale(client, ['ops'])).toBe(true)
  })
})
