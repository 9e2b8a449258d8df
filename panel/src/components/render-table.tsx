import { Link } from '@tanstack/react-router'
import { createColumnHelper } from '@tanstack/react-table'
import { PhaseBadge } from '@/components/phase-badge'
import { LiveProgress } from '@/components/render-progress'
import { formatTime } from '@/lib/format'
import { liveRenderPhases } from '@/lib/phases'
import type { RenderRow } from '@/lib/types'

const column = createColumnHelper<RenderRow>()
const live = new Set<string>(liveRenderPhases)

export const renderColumns = [
  column.accessor('name', {
    header: 'Job',
    cell: (c) => (
      <Link
        to="/renders/$namespace/$name"
        params={{ namespace: c.row.original.namespace, name: c.getValue() }}
        className="font-medium underline-offset-4 hover:underline"
      >
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor('mode', { header: 'Mode' }),
  column.accessor('phase', { header: 'Phase', cell: (c) => <PhaseBadge phase={c.getValue()} /> }),
  column.display({
    id: 'progress',
    header: 'Progress',
    cell: (c) => {
      const row = c.row.original
      return live.has(row.phase ?? '') || row.phase === 'Succeeded' ? (
        <LiveProgress namespace={row.namespace} name={row.name} phase={row.phase} progress={row.progress} />
      ) : (
        '—'
      )
    },
  }),
  column.accessor('agent', { header: 'Agent', cell: (c) => c.getValue() ?? '—' }),
  column.accessor((r) => (r.width && r.height ? `${r.width}×${r.height}@${r.fps ?? '?'}` : '—'), { id: 'format', header: 'Format' }),
  column.accessor('createdAt', { header: 'Created', cell: (c) => formatTime(c.getValue()) }),
]
