import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/react'
import { ApiError } from '@/lib/api'
import { ProblemAlert, QueryState } from './states'

describe('ProblemAlert', () => {
  it('shows the title, status, detail and each invalid parameter', () => {
    render(
      <ProblemAlert
        error={
          new ApiError({
            title: 'Bad Request',
            status: 400,
            detail: 'the query is wrong',
            'invalid-params': [{ name: 'phase', reason: "unknown phase 'Done'" }],
          })
        }
      />,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('Bad Request (400)')
    expect(screen.getByText('the query is wrong')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent("phase: unknown phase 'Done'")
  })

  it('shows a plain error message too', () => {
    render(<ProblemAlert error={new Error('boom')} />)
    expect(screen.getByRole('alert')).toHaveTextContent('boom')
  })
})

describe('QueryState', () => {
  it('shows loading, then the error, then the content', () => {
    const { rerender } = render(<QueryState query={{ isPending: true, error: null, data: undefined }}>{() => 'content'}</QueryState>)
    expect(screen.getByRole('status')).toHaveTextContent('Loading')
    rerender(<QueryState query={{ isPending: false, error: new Error('down'), data: undefined }}>{() => 'content'}</QueryState>)
    expect(screen.getByRole('alert')).toHaveTextContent('down')
    rerender(<QueryState query={{ isPending: false, error: null, data: 1 }}>{(n) => `content ${n}`}</QueryState>)
    expect(screen.getByText('content 1')).toBeInTheDocument()
  })
})

describe('ProgressBar', () => {
  it('derives the percentage from frames when the agent sends no percent, and shows 100 once Succeeded', async () => {
    const { ProgressBar } = await import('./render-progress')
    const { rerender } = render(<ProgressBar label="p" progress={{ frames: 75, totalFrames: 300 }} phase="Rendering" />)
    expect(screen.getByTestId('render-progress')).toHaveAttribute('data-value', '25')
    rerender(<ProgressBar label="p" progress={{ frames: 75, totalFrames: 300 }} phase="Succeeded" />)
    expect(screen.getByTestId('render-progress')).toHaveAttribute('data-value', '100')
  })
})
