import { QueryClient } from '@tanstack/react-query'
import { ApiError } from './api'

export function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // the event stream invalidates what changed, so nothing is refetched on a timer or on focus
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  })
}

export const queryClient = newQueryClient()
