import { describe, expect, it, vi } from 'vitest'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { renderAs } from '@/test/render'
import type { QcItemResult } from '@/lib/types'
import { ManualItem, useQcShortcuts } from './qc-review'

const item: QcItemResult = { id: 'hook', title: 'The hook reads in the first second', kind: 'Manual', outcome: 'Pending' }

function Item(props: { onTick: (passed: boolean, comment: string) => Promise<void>; active?: boolean }) {
  return <ManualItem item={item} active={props.active ?? true} decided={false} onFocus={() => {}} onTick={props.onTick} />
}

describe('ManualItem', () => {
  it('refuses to fail without a comment and does not call the API', async () => {
    const onTick = vi.fn().mockResolvedValue(undefined)
    renderAs('operator', <Item onTick={onTick} />)
    await userEvent.click(screen.getByRole('button', { name: 'Fail' }))
    expect(onTick).not.toHaveBeenCalled()
    expect(screen.getByRole('alert')).toHaveTextContent('A comment is required')
    expect(screen.getByLabelText('Comment (required to fail)')).toHaveFocus()
  })

  it('fails with the comment typed', async () => {
    const onTick = vi.fn().mockResolvedValue(undefined)
    renderAs('operator', <Item onTick={onTick} />)
    await userEvent.type(screen.getByLabelText('Comment (required to fail)'), 'text under the safe margin')
    await userEvent.click(screen.getByRole('button', { name: 'Fail' }))
    expect(onTick).toHaveBeenCalledWith(false, 'text under the safe margin')
  })

  it('shows no tick buttons to a viewer', () => {
    renderAs('viewer', <Item onTick={vi.fn()} />)
    expect(screen.queryByRole('button', { name: 'Pass' })).toBeNull()
    expect(screen.queryByLabelText('Comment (required to fail)')).toBeNull()
  })

  it('passes the active item with the p key', async () => {
    const onTick = vi.fn().mockResolvedValue(undefined)
    function WithShortcuts() {
      useQcShortcuts(1, () => {})
      return <Item onTick={onTick} />
    }
    renderAs('operator', <WithShortcuts />)
    fireEvent.keyDown(window, { key: 'p' })
    await waitFor(() => expect(onTick).toHaveBeenCalledWith(true, ''))
  })
})
