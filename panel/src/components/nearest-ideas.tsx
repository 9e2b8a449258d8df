import { Link } from '@tanstack/react-router'
import { Badge } from '@/components/ui/badge'
import { Empty } from '@/components/states'
import type { Condition, SimilarIdea } from '@/lib/types'

export function Conditions({ conditions }: { conditions?: Condition[] }) {
  if (!conditions?.length) return <Empty>No conditions.</Empty>
  return (
    <ul className="space-y-2 text-sm">
      {conditions.map((c) => (
        <li key={c.type}>
          <Badge variant={c.status === 'True' ? 'success' : 'secondary'}>{c.type}</Badge>{' '}
          <span className="font-medium">{c.reason}</span> <span className="text-muted-foreground">{c.message}</span>
        </li>
      ))}
    </ul>
  )
}

export function NearestIdeas({ namespace, nearest }: { namespace: string; nearest?: SimilarIdea[] }) {
  if (!nearest?.length) return <Empty>No past idea to compare with.</Empty>
  return (
    <ol className="space-y-1 text-sm" aria-label="Nearest past ideas">
      {nearest.slice(0, 5).map((n) => (
        <li key={n.name} className="flex justify-between gap-2">
          <Link to="/ideas/$namespace/$name" params={{ namespace, name: n.name }} className="truncate underline-offset-4 hover:underline">
            {n.title || n.name}
          </Link>
          <span className="tabular-nums">{n.score?.toFixed(3) ?? '—'}</span>
        </li>
      ))}
    </ol>
  )
}

