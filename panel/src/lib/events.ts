import { useEffect, useState } from 'react'
import type { QueryClient } from '@tanstack/react-query'
import type { RenderDetail, StreamEvent } from './types'

/** Which cached queries (by the first element of their key) an event of a kind makes stale. */
export const keysByKind: Record<string, string[]> = {
  AnimationIdea: ['ideas', 'idea', 'gate', 'dashboard'],
  ScriptAttempt: ['attempts', 'attempt', 'idea', 'dashboard'],
  RenderJob: ['renders', 'render', 'qc', 'idea', 'dashboard'],
  Publication: ['publications', 'publication', 'idea', 'dashboard'],
  RenderAgent: ['ops', 'dashboard'],
  ContentSchedule: ['ops', 'dashboard'],
  Audit: ['audit', 'qc', 'users'],
}

/** Applies one stream event to the cache: progress straight into the cached job, then invalidation by kind. */
export function applyEvent(client: QueryClient, event: StreamEvent) {
  if (event.type === 'resync') {
    client.invalidateQueries()
    return
  }
  const kind = event.type === 'audit' ? 'Audit' : event.kind
  if (!kind) return
  if (kind === 'RenderJob' && event.namespace && event.name && event.data) {
    const { progress, phase } = event.data as Pick<RenderDetail, 'progress' | 'phase'>
    client.setQueryData<RenderDetail>(['render', event.namespace, event.name], (job) =>
      job ? { ...job, progress: progress ?? job.progress, phase: phase ?? job.phase } : job,
    )
    if (progress) client.setQueryData(['progress', event.namespace, event.name], progress)
  }
  const keys = keysByKind[kind] ?? []
  client.invalidateQueries({ predicate: (query) => keys.includes(String(query.queryKey[0])) })
}

export type StreamState = 'connecting' | 'open' | 'closed'

/** One EventSource for the whole app; the browser reconnects by itself with Last-Event-ID. */
export function useEventStream(client: QueryClient, enabled: boolean) {
  const [state, setState] = useState<StreamState>('closed')
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return
    const source = new EventSource('/api/v1/events', { withCredentials: true })
    setState('connecting')
    const handle = (message: MessageEvent) => {
      try {
        applyEvent(client, JSON.parse(message.data) as StreamEvent)
      } catch {
        // a malformed event is skipped; the next one still applies
      }
    }
    source.onopen = () => setState('open')
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting')
    for (const name of ['change', 'audit', 'resync', 'message']) source.addEventListener(name, handle)
    return () => {
      source.close()
      setState('closed')
    }
  }, [client, enabled])
  return state
}
