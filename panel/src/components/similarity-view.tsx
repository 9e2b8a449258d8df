import { Badge } from '@/components/ui/badge'
import { Facts } from '@/components/facts'
import { NearestIdeas } from '@/components/nearest-ideas'
import { formatCost, formatNumber } from '@/lib/format'
import type { GateJudgement, GateZone, IdeaRow, Similarity } from '@/lib/types'

const zoneVariant: Record<GateZone, 'success' | 'warning' | 'destructive'> = {
  Novel: 'success',
  Review: 'warning',
  Duplicate: 'destructive',
}

type Verdict = NonNullable<GateJudgement['verdict']>

const verdictText: Record<Verdict, string> = {
  Duplicate: 'Same animation',
  Distinct: 'Another animation',
  Unusable: 'No usable answer: a person decides',
}

const verdictVariant: Record<Verdict, 'success' | 'warning' | 'destructive'> = {
  Duplicate: 'destructive',
  Distinct: 'success',
  Unusable: 'warning',
}

/** The tokens the call paid for: none for an answer from the cache. */
function tokens({ promptTokens, completionTokens }: GateJudgement) {
  if (promptTokens === undefined && completionTokens === undefined) return undefined
  const cached = promptTokens === 0 && completionTokens === 0 ? ' (answered from the cache)' : ''
  return `${formatNumber(promptTokens ?? 0)} prompt + ${formatNumber(completionTokens ?? 0)} completion${cached}`
}

/** Their price: unknown (never $0) when the model has none in animops.llm.prices; nothing when no call answered. */
function cost(judgement: GateJudgement) {
  if (judgement.promptTokens === undefined && judgement.completionTokens === undefined) return undefined
  return judgement.costUsd === undefined || judgement.costUsd === null
    ? 'unknown: the model has no price (animops.llm.prices)'
    : formatCost({ costUsd: judgement.costUsd })
}

/** The gate's result of a row of the ideas list, in the shape of an idea's similarity. */
export function similarityOfRow(row: IdeaRow): Similarity {
  return {
    score: row.similarityScore,
    threshold: row.similarityThreshold,
    reviewThreshold: row.reviewThreshold,
    zone: row.zone,
    model: row.embeddingModel,
    nearest: row.nearest,
    judgement: row.judgement,
  }
}

function thresholds({ threshold, reviewThreshold }: Similarity) {
  if (threshold === undefined || threshold === null) return undefined
  // a fixed spec.similarityThreshold has no review zone; thresholds are shown as set (0.995 is not 0.99 or 1.00)
  if (reviewThreshold === undefined || reviewThreshold === null || reviewThreshold === threshold) {
    return <span className="tabular-nums">fixed {String(threshold)} (no review zone)</span>
  }
  return (
    <span className="tabular-nums">
      review from {String(reviewThreshold)}, duplicate from {String(threshold)}
    </span>
  )
}

function Judgement({ zone, judgement }: { zone?: GateZone; judgement?: GateJudgement }) {
  if (!judgement) {
    if (zone !== 'Review') return null
    return <p className="text-muted-foreground text-sm">The LLM judge was not asked: a person decides.</p>
  }
  return (
    <section aria-label="LLM judge" className="space-y-2">
      <h3 className="text-sm font-medium">LLM judge</h3>
      <Facts
        items={[
          [
            'Verdict',
            judgement.verdict && (
              <Badge variant={verdictVariant[judgement.verdict]}>{verdictText[judgement.verdict]}</Badge>
            ),
          ],
          ['Compared with', judgement.comparedWith],
          ['Reason', judgement.reason],
          ['Model', judgement.model],
          ['Prompt', judgement.promptVersion],
          ['Tokens', tokens(judgement)],
          ['Cost', cost(judgement)],
        ]}
      />
    </section>
  )
}

/** The Idea Gate's result for one idea: zone, thresholds and their model, nearest past ideas, the judge's answer. */
export function SimilarityView({ namespace, similarity }: { namespace: string; similarity?: Similarity }) {
  if (!similarity) return <p className="text-muted-foreground text-sm">Not gated yet.</p>
  return (
    <div className="space-y-3">
      <Facts
        items={[
          ['Score', similarity.score?.toFixed(3)],
          ['Zone', similarity.zone && <Badge variant={zoneVariant[similarity.zone]}>{similarity.zone}</Badge>],
          ['Thresholds', thresholds(similarity)],
          ['Embedding model', similarity.model],
        ]}
      />
      <div>
        <h3 className="mb-2 text-sm font-medium">Nearest past ideas</h3>
        <NearestIdeas namespace={namespace} nearest={similarity.nearest} />
      </div>
      <Judgement zone={similarity.zone} judgement={similarity.judgement} />
    </div>
  )
}
