import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { api, qs } from '@/lib/api'
import { formatTime } from '@/lib/format'
import type { AuditEntry, Page } from '@/lib/types'
import { Empty, QueryState } from './states'

/** What happened to one resource, oldest first, from the audit log. */
export function Timeline({ kind, name, namespace }: { kind: string; name: string; namespace?: string }) {
  const query = useQuery({
    queryKey: ['audit', 'timeline', kind, namespace, name],
    queryFn: ({ signal }) =>
      api<Page<AuditEntry>>('/api/v1/audit' + qs({ subjectKind: kind, subjectName: name, limit: 200 }), { signal }),
  })
  return (
    <QueryState query={query}>
      {(page) => {
        const entries = page.items
          .filter((e) => !namespace || !e.subjectNamespace || e.subjectNamespace === namespace)
          .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id)
        if (!entries.length) return <Empty>No audit record yet.</Empty>
        return (
          <ol className="border-muted relative space-y-3 border-l pl-4" aria-label="Timeline">
            {entries.map((e) => (
              <li key={e.id} className="relative text-sm">
                <span className="bg-primary absolute top-1.5 -left-[21.5px] size-2.5 rounded-full" aria-hidden />
                <div className="font-medium">{e.eventType}</div>
                <div className="text-muted-foreground text-xs">
                  {formatTime(e.occurredAt)} · {e.actor}
                  {' · '}
                  <Link to="/audit" search={{ subjectKind: kind, subjectName: name }} className="underline">
                    details
                  </Link>
                </div>
              </li>
            ))}
          </ol>
        )
      }}
    </QueryState>
  )
}
