import { useQuery } from '@tanstack/react-query'
import { useSearch } from '@tanstack/react-router'
import { createColumnHelper } from '@tanstack/react-table'
import { PageHeader } from '@/components/layout/app-shell'
import { DataTable } from '@/components/data-table'
import { FilterBar, SelectFilter, TextFilter } from '@/components/filters'
import { Empty, QueryState } from '@/components/states'
import { api, qs } from '@/lib/api'
import { formatTime } from '@/lib/format'
import { currentToken, useFilter, usePager } from '@/lib/list'
import type { AuditEntry, Page } from '@/lib/types'

const subjectKinds = ['AnimationIdea', 'ScriptAttempt', 'RenderJob', 'Publication', 'ContentSchedule', 'RenderAgent', 'User'] as const

const column = createColumnHelper<AuditEntry>()
const columns = [
  column.accessor('occurredAt', { header: 'When', cell: (c) => <span className="whitespace-nowrap">{formatTime(c.getValue())}</span> }),
  column.accessor('actor', { header: 'Actor', cell: (c) => <span data-testid="actor">{c.getValue()}</span> }),
  column.accessor('eventType', { header: 'Event', cell: (c) => <code className="text-xs">{c.getValue()}</code> }),
  column.accessor((r) => [r.subjectKind, r.subjectNamespace, r.subjectName].filter(Boolean).join(' '), { id: 'subject', header: 'Subject' }),
  column.accessor('payload', {
    header: 'Payload',
    enableSorting: false,
    cell: (c) =>
      c.getValue() === undefined || c.getValue() === null ? (
        '—'
      ) : (
        <details>
          <summary className="cursor-pointer text-xs underline">show</summary>
          <pre className="bg-muted/40 mt-1 max-w-xl overflow-x-auto rounded p-2 text-xs">{JSON.stringify(c.getValue(), null, 2)}</pre>
        </details>
      ),
  }),
]

/** A datetime-local value (the viewer's zone) as the instant the API expects. */
export function toInstant(local?: string) {
  if (!local) return undefined
  const date = new Date(local)
  return Number.isNaN(date.getTime()) ? local : date.toISOString()
}

export default function AuditPage() {
  const search = useSearch({ from: '/shell/audit' })
  const setFilter = useFilter()
  const query = useQuery({
    queryKey: ['audit', search],
    queryFn: ({ signal }) =>
      api<Page<AuditEntry>>(
        '/api/v1/audit' +
          qs({
            eventType: search.eventType,
            subjectKind: search.subjectKind,
            subjectName: search.subjectName,
            actor: search.actor,
            from: toInstant(search.from),
            to: toInstant(search.to),
            limit: 50,
            continue: currentToken(search.cursors),
          }),
        { signal },
      ),
    placeholderData: (previous) => previous,
  })
  const pager = usePager(search.cursors, query.data?.continue)
  return (
    <div className="space-y-4">
      <PageHeader title="Audit log" description="Every action, by whom and when, newest first." />
      <FilterBar>
        <TextFilter label="Event type" value={search.eventType} placeholder="AnimationIdea.Approved" onChange={(v) => setFilter('eventType', v)} />
        <SelectFilter label="Subject kind" value={search.subjectKind} options={subjectKinds} onChange={(v) => setFilter('subjectKind', v)} />
        <TextFilter label="Subject name" value={search.subjectName} onChange={(v) => setFilter('subjectName', v)} />
        <TextFilter label="Actor" value={search.actor} onChange={(v) => setFilter('actor', v)} />
        <TextFilter label="From" type="datetime-local" value={search.from} onChange={(v) => setFilter('from', v)} />
        <TextFilter label="To" type="datetime-local" value={search.to} onChange={(v) => setFilter('to', v)} />
      </FilterBar>
      <QueryState query={query}>
        {(page) => (
          <DataTable
            caption="Audit log"
            columns={columns}
            data={page.items}
            rowId={(r) => String(r.id)}
            pager={pager}
            empty={<Empty>No audit record matches these filters.</Empty>}
          />
        )}
      </QueryState>
    </div>
  )
}
