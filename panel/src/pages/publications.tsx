import { useQuery } from '@tanstack/react-query'
import { Link, useSearch } from '@tanstack/react-router'
import { createColumnHelper } from '@tanstack/react-table'
import { PageHeader } from '@/components/layout/app-shell'
import { DataTable } from '@/components/data-table'
import { FilterBar, SelectFilter, TextFilter } from '@/components/filters'
import { PhaseBadge } from '@/components/phase-badge'
import { Empty, QueryState } from '@/components/states'
import { api, qs } from '@/lib/api'
import { formatTime } from '@/lib/format'
import { currentToken, useFilter, usePager } from '@/lib/list'
import { platforms, publicationPhases } from '@/lib/phases'
import type { Page, PublicationRow } from '@/lib/types'

const column = createColumnHelper<PublicationRow>()
const columns = [
  column.accessor('name', {
    header: 'Publication',
    cell: (c) => (
      <Link
        to="/publications/$namespace/$name"
        params={{ namespace: c.row.original.namespace, name: c.getValue() }}
        className="font-medium underline-offset-4 hover:underline"
      >
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor('platform', { header: 'Target' }),
  column.accessor('mode', { header: 'Mode' }),
  column.accessor('phase', { header: 'State', cell: (c) => <PhaseBadge phase={c.getValue()} /> }),
  column.accessor('url', {
    header: 'Link',
    cell: (c) =>
      c.getValue() ? (
        <a href={c.getValue()} target="_blank" rel="noreferrer noopener" className="underline">
          open post
        </a>
      ) : (
        '—'
      ),
  }),
  column.accessor('idea', { header: 'Idea', cell: (c) => c.getValue() ?? '—' }),
  column.accessor('publishedAt', { header: 'Published', cell: (c) => formatTime(c.getValue()) }),
]

export default function PublicationsPage() {
  const search = useSearch({ from: '/shell/publications' })
  const setFilter = useFilter()
  const query = useQuery({
    queryKey: ['publications', search],
    queryFn: ({ signal }) =>
      api<Page<PublicationRow>>(
        '/api/v1/publications' +
          qs({
            namespace: search.namespace,
            phase: search.phase,
            platform: search.platform,
            idea: search.idea,
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
      <PageHeader title="Publications" description="One per video and target, with its state and link." />
      <FilterBar>
        <SelectFilter label="State" value={search.phase} options={publicationPhases} onChange={(v) => setFilter('phase', v)} />
        <SelectFilter label="Target" value={search.platform} options={platforms} onChange={(v) => setFilter('platform', v)} />
        <TextFilter label="Idea" value={search.idea} onChange={(v) => setFilter('idea', v)} />
      </FilterBar>
      <QueryState query={query}>
        {(page) => (
          <DataTable
            caption="Publications"
            columns={columns}
            data={page.items}
            rowId={(r) => r.uid ?? `${r.namespace}/${r.name}`}
            pager={pager}
            empty={<Empty>No publication matches these filters.</Empty>}
          />
        )}
      </QueryState>
    </div>
  )
}
