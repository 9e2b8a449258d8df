import type { ReactNode } from 'react'
import { render } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { sessionKey } from '@/lib/session'
import type { Role } from '@/lib/types'

/** Renders with a query client whose session is already known (no request), as a given role. */
export function renderAs(role: Role | null, ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  client.setQueryData(sessionKey, role ? { status: 'signedIn', user: 'ada', role, csrfToken: 't', restriction: null } : null)
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) }
}
