import { describe, expect, it } from 'vitest'
import { formatCost } from './format'

describe('formatCost', () => {
  it('shows a known cost, with more digits below a dollar', () => {
    expect(formatCost({ costUsd: 12.345, unpricedCalls: 0 })).toBe('$12.35')
    expect(formatCost({ costUsd: 0.0425, unpricedCalls: 0 })).toBe('$0.0425')
    expect(formatCost({ costUsd: 0, unpricedCalls: 0 })).toBe('$0.0000')
  })

  it('says unknown, never $0, when a model has no price', () => {
    expect(formatCost({ costUsd: null, unpricedCalls: 3 })).toBe(
      'unknown: 3 calls to models without a price (animops.llm.prices)',
    )
    expect(formatCost({ costUsd: null, unpricedCalls: 1 })).toContain('1 call to')
    expect(formatCost({ costUsd: null })).toBe('unknown')
  })
})
