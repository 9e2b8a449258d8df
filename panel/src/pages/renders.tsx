import { useQuery } from '@tanstack/react-query'
import { useSearch } from '@tanstack/react-router'
import { PageHeader } from '@/components/layout/app-shell'
import { DataTable } from '@/components/data-table'
import { FilterBar, SelectFilter, TextFilter } from '@/components/filters'
import { renderColumns } from '@/components/render-table'
import { Empty, QueryState } from '@/components/states'
import { api, qs } from '@/lib/api'
import { currentToken, useFilter, usePager } from '@/lib/list'
import { renderModes, renderPhases } from '@/lib/phases'
import type { Page, RenderRow } from '@/lib/types'

export default function RendersPage() {
  const search = useSearch({ from: '/shell/renders' })
  const setFilter = useFilter()
  const query = useQuery({
    queryKey: ['renders', search],
    queryFn: ({ signal }) =>
      api<Page<RenderRow>>(
        '/api/v1/renders' +
          qs({
            namespace: search.namespace,
            phase: search.phase,
            mode: search.mode,
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
      <PageHeader title="Renders" description="Render jobs, newest first; running ones move live." />
      <FilterBar>
        <SelectFilter label="Phase" value={search.phase} options={renderPhases} onChange={(v) => setFilter('phase', v)} />
        <SelectFilter label="Mode" value={search.mode} options={renderModes} onChange={(v) => setFilter('mode', v)} />
        <TextFilter label="Idea" value={search.idea} onChange={(v) => setFilter('idea', v)} />
        <TextFilter label="Namespace" value={search.namespace} onChange={(v) => setFilter('namespace', v)} />
      </FilterBar>
      <QueryState query={query}>
        {(page) => (
          <DataTable
            caption="Render jobs"
            columns={renderColumns}
            data={page.items}
            rowId={(r) => r.uid ?? `${r.namespace}/${r.name}`}
            pager={pager}
            empty={<Empty>No render job matches these filters.</Empty>}
          />
        )}
      </QueryState>
    </div>
  )
}
