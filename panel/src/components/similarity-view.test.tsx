import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/react'
import { SimilarityView, similarityOfRow } from './similarity-view'
import type { Similarity } from '@/lib/types'

// the nearest ideas link to their pages; the router itself is not what is tested here
vi.mock('@tanstack/react-router', () => ({
  Link: ({ children, params }: { children: ReactNode; params: { name: string } }) => (
    <a href={`/ideas/${params.name}`}>{children}</a>
  ),
}))

const reviewed: Similarity = {
  score: 0.6123,
  threshold: 0.94,
  reviewThreshold: 0.36,
  zone: 'Review',
  model: 'all-minilm-l6-v2-q@1.19.0-beta29+tph-1-2-3',
  nearest: [
    { name: 'marble-funnel', title: 'Marble Funnel Race', score: 0.6123 },
    { name: 'galton', title: 'Galton Board Bell Curve', score: 0.41 },
  ],
}

function fact(label: string) {
  const term = screen.getByText(label, { selector: 'dt' })
  return term.nextElementSibling as HTMLElement
}

describe('SimilarityView', () => {
  it('shows the zone, both thresholds with their model and the nearest ideas with scores', () => {
    render(<SimilarityView namespace="default" similarity={reviewed} />)
    expect(fact('Score')).toHaveTextContent('0.612')
    expect(fact('Zone')).toHaveTextContent('Review')
    expect(fact('Thresholds')).toHaveTextContent('review from 0.36, duplicate from 0.94')
    expect(fact('Embedding model')).toHaveTextContent('all-minilm-l6-v2-q@1.19.0-beta29+tph-1-2-3')
    const nearest = within(screen.getByRole('list', { name: 'Nearest past ideas' })).getAllByRole('listitem')
    expect(nearest.map((n) => n.textContent)).toEqual(['Marble Funnel Race0.612', 'Galton Board Bell Curve0.410'])
    // in review with no judge: a person decides
    expect(screen.getByText(/judge was not asked/)).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'LLM judge' })).toBeNull()
  })

  it("shows the judge's verdict, reason, model, prompt version and the call's tokens and cost", () => {
    render(
      <SimilarityView
        namespace="default"
        similarity={{
          ...reviewed,
          judgement: {
            verdict: 'Duplicate',
            comparedWith: 'marble-funnel',
            reason: 'the same funnel race, other colours',
            model: 'OpenAi/gpt-judge',
            promptVersion: 'gate-judge/v1@abc123',
            promptTokens: 420,
            completionTokens: 30,
            costUsd: 0.0012,
          },
        }}
      />,
    )
    const judge = within(screen.getByRole('region', { name: 'LLM judge' }))
    expect(judge.getByText('Same animation')).toBeInTheDocument()
    expect(judge.getByText('the same funnel race, other colours')).toBeInTheDocument()
    expect(judge.getByText('OpenAi/gpt-judge')).toBeInTheDocument()
    expect(judge.getByText('gate-judge/v1@abc123')).toBeInTheDocument()
    expect(judge.getByText('420 prompt + 30 completion')).toBeInTheDocument()
    expect(fact('Cost')).toHaveTextContent('$0.0012')
    expect(screen.queryByText(/judge was not asked/)).toBeNull()
  })

  it("says the cost is unknown when the judge's model has no price, and shows none when no call answered", () => {
    const { unmount } = render(
      <SimilarityView
        namespace="default"
        similarity={{ ...reviewed, judgement: { verdict: 'Distinct', promptTokens: 410, completionTokens: 25 } }}
      />,
    )
    expect(fact('Cost')).toHaveTextContent('unknown: the model has no price (animops.llm.prices)')
    expect(fact('Cost')).not.toHaveTextContent('$')
    unmount()

    render(
      <SimilarityView
        namespace="default"
        similarity={{ ...reviewed, judgement: { verdict: 'Unusable', reason: 'no answer (ProviderError)' } }}
      />,
    )
    expect(fact('Cost')).toHaveTextContent('—')
  })

  it('says when an answer could not be used and when it came from the cache', () => {
    render(
      <SimilarityView
        namespace="default"
        similarity={{
          ...reviewed,
          judgement: { verdict: 'Unusable', reason: 'no answer (ProviderError)', promptTokens: 0, completionTokens: 0 },
        }}
      />,
    )
    expect(screen.getByText('No usable answer: a person decides')).toBeInTheDocument()
    expect(screen.getByText('0 prompt + 0 completion (answered from the cache)')).toBeInTheDocument()
  })

  it('shows a fixed threshold as one with no review zone, and a row of the ideas list the same way', () => {
    render(
      <SimilarityView
        namespace="default"
        similarity={similarityOfRow({
          uid: 'u',
          namespace: 'default',
          name: 'n',
          similarityScore: 0.2,
          similarityThreshold: 0.72,
          reviewThreshold: 0.72,
          zone: 'Novel',
          embeddingModel: 'hash-uni-bigram-512+tph-1-2-3',
          nearest: [],
        })}
      />,
    )
    expect(fact('Zone')).toHaveTextContent('Novel')
    expect(fact('Thresholds')).toHaveTextContent('fixed 0.72 (no review zone)')
    expect(fact('Embedding model')).toHaveTextContent('hash-uni-bigram-512+tph-1-2-3')
    expect(screen.getByText('No past idea to compare with.')).toBeInTheDocument()
    expect(screen.queryByText(/judge was not asked/)).toBeNull()
  })

  it('shows a threshold as it was set, not rounded to two places', () => {
    render(<SimilarityView namespace="default" similarity={{ ...reviewed, threshold: 0.995, reviewThreshold: 0.995 }} />)
    expect(fact('Thresholds')).toHaveTextContent('fixed 0.995 (no review zone)')
  })

  it('says when an idea is not gated yet', () => {
    render(<SimilarityView namespace="default" />)
    expect(screen.getByText('Not gated yet.')).toBeInTheDocument()
  })
})
