import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ApiError } from '@/lib/api'
import { renderAs } from '@/test/render'
import { ActionButton } from './action-button'

describe('ActionButton', () => {
  it('is not shown to a viewer', () => {
    renderAs('viewer', <ActionButton label="Approve" run={vi.fn()} />)
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull()
  })

  it('is shown to an operator and runs at once when not destructive', async () => {
    const run = vi.fn().mockResolvedValue({ action: 'approve', outcome: 'done' })
    renderAs('operator', <ActionButton label="Approve" run={run} />)
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }))
    expect(run).toHaveBeenCalledWith(undefined)
  })

  it('needs an admin when it says so', () => {
    renderAs('operator', <ActionButton label="Disable" role="admin" run={vi.fn()} />)
    expect(screen.queryByRole('button', { name: 'Disable' })).toBeNull()
  })

  it('asks for confirmation, passes the reason, and shows the problem when refused', async () => {
    const run = vi.fn().mockRejectedValue(new ApiError({ title: 'Conflict', status: 409, detail: 'the idea is Accepted' }))
    renderAs(
      'operator',
      <ActionButton label="Reject" variant="destructive" confirm={{ title: 'Reject it?', description: 'sure?' }} run={run} />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }))
    expect(run).not.toHaveBeenCalled()
    const dialog = await screen.findByRole('dialog')
    await userEvent.type(screen.getByLabelText(/Reason/), 'duplicate')
    await userEvent.click(dialog.querySelector('button.bg-destructive, [data-slot="button"].bg-destructive') ?? screen.getAllByRole('button', { name: 'Reject' }).at(-1)!)
    await waitFor(() => expect(run).toHaveBeenCalledWith('duplicate'))
    expect(await screen.findByText('the idea is Accepted')).toBeInTheDocument()
    expect(screen.getByText(/Conflict \(409\)/)).toBeInTheDocument()
  })
})
