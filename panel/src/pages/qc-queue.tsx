import { useQuery } from '@tanstack/react-query'
import { Link, useSearch } from '@tanstack/react-router'
import { createColumnHelper } from '@tanstack/react-table'
import { PageHeader } from '@/components/layout/app-shell'
import { DataTable } from '@/components/data-table'
import { FilterBar, SelectFilter } from '@/components/filters'
import { PhaseBadge } from '@/components/phase-badge'
import { Empty, QueryState } from '@/components/states'
import { api, qs } from '@/lib/api'
import { formatTime } from '@/lib/format'
import { currentToken, useFilter, usePager } from '@/lib/list'
import { qcOutcomes } from '@/lib/phases'
import type { Page, QcResult } from '@/lib/types'

const column = createColumnHelper<QcResult>()
const columns = [
  column.accessor('renderJob', {
    header: 'Render job',
    cell: (c) => (
      <Link
        to="/qc/$namespace/$name"
        params={{ namespace: c.row.original.namespace, name: c.getValue() }}
        className="font-medium underline-offset-4 hover:underline"
      >
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor('idea', { header: 'Idea', cell: (c) => c.getValue() ?? '—' }),
  column.accessor((r) => `${r.checklistName ?? '—'} v${r.checklistVersion ?? '?'}`, { id: 'checklist', header: 'Checklist' }),
  column.accessor('outcome', { header: 'Outcome', cell: (c) => <PhaseBadge phase={c.getValue()} /> }),
  column.accessor((r) => r.items.filter((i) => i.kind === 'Manual' && i.outcome === 'Pending').length, {
    id: 'toTick',
    header: 'Items to tick',
  }),
  column.accessor('createdAt', { header: 'Created', cell: (c) => formatTime(c.getValue()) }),
]

export default function QcQueuePage() {
  const search = useSearch({ from: '/shell/qc' })
  const setFilter = useFilter()
  const outcome = search.outcome ?? 'Pending'
  const query = useQuery({
    queryKey: ['qc', 'results', search],
    queryFn: ({ signal }) =>
      api<Page<QcResult>>(
        '/api/v1/qc/results' + qs({ namespace: search.namespace, outcome, limit: 50, continue: currentToken(search.cursors) }),
        { signal },
      ),
    placeholderData: (previous) => previous,
  })
  const pager = usePager(search.cursors, query.data?.continue)
  return (
    <div className="space-y-4">
      <PageHeader title="QC" description="Renders waiting for a review, and past decisions." />
      <FilterBar>
        <SelectFilter label="Outcome" value={outcome} options={qcOutcomes} onChange={(v) => setFilter('outcome', v ?? 'Pending')} />
      </FilterBar>
      <QueryState query={query}>
        {(page) => (
          <DataTable
            caption="QC results"
            columns={columns}
            data={page.items}
            rowId={(r) => `${r.namespace}/${r.renderJob}`}
            pager={pager}
            empty={<Empty>{outcome === 'Pending' ? 'Nothing waiting for review.' : 'No result.'}</Empty>}
          />
        )}
      </QueryState>
    </div>
  )
}
