import { Badge } from '@/components/ui/badge'

const good = new Set(['Succeeded', 'Published', 'Passed', 'Valid', 'Accepted', 'Ready', 'UP', 'done'])
const bad = new Set(['Failed', 'Rejected', 'Invalid', 'Blocked', 'DOWN', 'critical'])
const waiting = new Set(['Proposed', 'AwaitingQc', 'AwaitingManualPost', 'Pending', 'PartiallyPublished', 'warning'])

export function PhaseBadge({ phase }: { phase?: string | null }) {
  if (!phase) return <Badge variant="outline">—</Badge>
  const variant = good.has(phase) ? 'success' : bad.has(phase) ? 'destructive' : waiting.has(phase) ? 'warning' : 'secondary'
  return (
    <Badge variant={variant} data-testid="phase">
      {phase}
    </Badge>
  )
}
