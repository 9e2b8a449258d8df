import type { ReactNode } from 'react'
import { AlertTriangleIcon, InboxIcon, Loader2Icon } from 'lucide-react'
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert'
import { Skeleton } from '@/components/ui/skeleton'
import { ApiError } from '@/lib/api'

/** An API problem (title, detail, invalid parameters) or any other error, shown where the content would be. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const problem = error instanceof ApiError ? error.problem : undefined
  const heading = title ?? problem?.title ?? 'Something went wrong'
  const detail = problem ? problem.detail : error instanceof Error ? error.message : String(error)
  return (
    <Alert variant="destructive" data-testid="problem">
      <AlertTriangleIcon />
      <AlertTitle>
        {heading}
        {problem && problem.status > 0 ? ` (${problem.status})` : ''}
      </AlertTitle>
      <AlertDescription>
        {detail && <p>{detail}</p>}
        {problem?.['invalid-params']?.length ? (
          <ul className="list-disc pl-4">
            {problem['invalid-params'].map((p) => (
              <li key={p.name}>
                <code>{p.name}</code>: {p.reason}
              </li>
            ))}
          </ul>
        ) : null}
      </AlertDescription>
    </Alert>
  )
}

export function Loading({ label = 'Loading…', rows = 3 }: { label?: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      <span className="text-muted-foreground flex items-center gap-2 text-sm">
        <Loader2Icon className="size-4 animate-spin" aria-hidden /> {label}
      </span>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-8 w-full" />
      ))}
    </div>
  )
}

export function Empty({ children, icon }: { children: ReactNode; icon?: ReactNode }) {
  return (
    <div className="text-muted-foreground flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed p-8 text-sm">
      {icon ?? <InboxIcon className="size-6" aria-hidden />}
      <div>{children}</div>
    </div>
  )
}

/** The three states of a query in one place: loading, error, or the content. */
export function QueryState<T>({
  query,
  children,
  loadingLabel,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined }
  children: (data: T) => ReactNode
  loadingLabel?: string
}) {
  if (query.error) return <ProblemAlert error={query.error} />
  if (query.isPending || query.data === undefined) return <Loading label={loadingLabel} />
  return <>{children(query.data)}</>
}
