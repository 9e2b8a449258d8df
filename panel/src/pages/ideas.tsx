import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { createColumnHelper } from '@tanstack/react-table'
import { PageHeader } from '@/components/layout/app-shell'
import { DataTable } from '@/components/data-table'
import { FilterBar, SelectFilter, TextFilter } from '@/components/filters'
import { PhaseBadge } from '@/components/phase-badge'
import { Empty, QueryState } from '@/components/states'
import { api, qs } from '@/lib/api'
import { formatTime } from '@/lib/format'
import { currentToken, useFilter, usePager } from '@/lib/list'
import { ideaPhases } from '@/lib/phases'
import type { IdeaRow, Page } from '@/lib/types'

const column = createColumnHelper<IdeaRow>()

export const ideaColumns = [
  column.accessor('name', {
    header: 'Idea',
    cell: (c) => (
      <Link
        to="/ideas/$namespace/$name"
        params={{ namespace: c.row.original.namespace, name: c.getValue() }}
        className="font-medium underline-offset-4 hover:underline"
      >
        {c.row.original.title || c.getValue()}
      </Link>
    ),
  }),
  column.accessor('phase', { header: 'Phase', cell: (c) => <PhaseBadge phase={c.getValue()} /> }),
  column.accessor('schedule', { header: 'Schedule', cell: (c) => c.getValue() ?? '—' }),
  column.accessor('similarityScore', {
    header: 'Similarity',
    cell: (c) => (c.getValue() === undefined || c.getValue() === null ? '—' : c.getValue()!.toFixed(3)),
  }),
  column.accessor('namespace', { header: 'Namespace' }),
  column.accessor('createdAt', { id: 'createdAt', header: 'Created', cell: (c) => formatTime(c.getValue()) }),
]

/** The API request of the table: filters, text search, sort and page are all done by the server. */
export function ideasPath(search: Partial<Record<'namespace' | 'phase' | 'schedule' | 'q' | 'sort' | 'order', string>> & { cursors?: string[] }) {
  return (
    '/api/v1/ideas' +
    qs({
      namespace: search.namespace,
      phase: search.phase,
      schedule: search.schedule,
      q: search.q,
      sort: search.sort,
      order: search.order,
      limit: 50,
      continue: currentToken(search.cursors),
    })
  )
}

export default function IdeasPage() {
  const search = useSearch({ from: '/shell/ideas' })
  const navigate = useNavigate()
  const setFilter = useFilter()
  const query = useQuery({
    queryKey: ['ideas', search],
    queryFn: ({ signal }) => api<Page<IdeaRow>>(ideasPath(search), { signal }),
    placeholderData: (previous) => previous,
  })
  const pager = usePager(search.cursors, query.data?.continue)
  return (
    <div className="space-y-4">
      <PageHeader title="Ideas" description="Every idea, newest first unless sorted; filters, sorting and position are kept in the address." />
      <FilterBar>
        <TextFilter label="Search" value={search.q} placeholder="title, premise, name" onChange={(v) => setFilter('q', v)} />
        <SelectFilter label="Phase" value={search.phase} options={ideaPhases} onChange={(v) => setFilter('phase', v)} />
        <TextFilter label="Schedule" value={search.schedule} onChange={(v) => setFilter('schedule', v)} />
        <TextFilter label="Namespace" value={search.namespace} onChange={(v) => setFilter('namespace', v)} />
      </FilterBar>
      <QueryState query={query}>
        {(page) => (
          <DataTable
            caption="Ideas"
            columns={ideaColumns}
            data={page.items}
            rowId={(r) => r.uid ?? `${r.namespace}/${r.name}`}
            pager={pager}
            sorting={search.sort ? [{ id: search.sort, desc: search.order !== 'asc' }] : []}
            onSortingChange={(sorting) =>
              navigate({
                to: '.',
                search: (s: Record<string, unknown>) => ({
                  ...s,
                  sort: sorting[0]?.id,
                  order: sorting[0] ? (sorting[0].desc ? 'desc' : 'asc') : undefined,
                  cursors: undefined,
                }),
              })
            }
            empty={<Empty>No idea matches these filters.</Empty>}
          />
        )}
      </QueryState>
    </div>
  )
}
