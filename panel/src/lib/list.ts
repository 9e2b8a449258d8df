import { useNavigate } from '@tanstack/react-router'
import type { Pager } from '@/components/data-table'

/**
 * Continue-token paging kept in the URL: `cursors` holds the token of each page walked through, so Back, a reload
 * or a shared link show the same page.
 */
export function usePager(cursors: string[] | undefined, nextToken: string | undefined): Pager {
  const navigate = useNavigate()
  const stack = cursors ?? []
  return {
    page: stack.length + 1,
    hasPrevious: stack.length > 0,
    hasNext: !!nextToken,
    previous: () =>
      navigate({ to: '.', search: (s: Record<string, unknown>) => ({ ...s, cursors: stack.length > 1 ? stack.slice(0, -1) : undefined }) }),
    next: () => navigate({ to: '.', search: (s: Record<string, unknown>) => ({ ...s, cursors: [...stack, nextToken!] }) }),
  }
}

/** The token of the page shown now. */
export function currentToken(cursors: string[] | undefined) {
  return cursors?.length ? cursors[cursors.length - 1] : undefined
}

/** Changes one filter and goes back to the first page. */
export function useFilter() {
  const navigate = useNavigate()
  return (key: string, value: string | undefined) =>
    navigate({ to: '.', search: (s: Record<string, unknown>) => ({ ...s, [key]: value || undefined, cursors: undefined }) })
}
