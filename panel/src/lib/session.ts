import { useQuery } from '@tanstack/react-query'
import { api, ApiError, setCsrfToken } from './api'
import type { Role, SessionState } from './types'

export const sessionKey = ['session'] as const

/** The signed-in session, or null when there is none (401). */
export async function fetchSession(): Promise<SessionState | null> {
  try {
    const session = await api<SessionState>('/api/v1/session')
    setCsrfToken(session.csrfToken)
    return session
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null)
      return null
    }
    throw e
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: false })
}

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 }

/** Mirrors AccessPolicy: operators act on the pipeline, admins also manage users and schedules. */
export function hasRole(session: SessionState | null | undefined, needed: Role) {
  return !!session && session.status === 'signedIn' && rank[session.role] >= rank[needed]
}

export function useCan(needed: Role) {
  const { data } = useSession()
  return hasRole(data, needed)
}
