import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/react'
import { ScriptView } from './script-view'

const script = ['extends Node2D', '', 'func _ready()', '\tvar x = 1'].join('\n')

describe('ScriptView', () => {
  it('shows each error under its line with its message', () => {
    const { container } = render(
      <ScriptView
        script={script}
        errors={[
          { stage: 'parse', line: 3, column: 14, message: "Expected ':' after function declaration" },
          { stage: 'contract', rule: 'contract.duration', message: 'the scene never ends' },
        ]}
      />,
    )
    const note = container.querySelector('[data-error-line="3"]')
    expect(note).toHaveTextContent("3:14 — Expected ':' after function declaration")
    expect(container.querySelector('[data-line="3"]')).toHaveTextContent('func _ready()')
    // an error without a line is listed above the script
    expect(screen.getByRole('list', { name: 'Errors without a line' })).toHaveTextContent('contract.duration')
    expect(container.querySelectorAll('[data-line]')).toHaveLength(4)
  })

  it('highlights GDScript keywords', () => {
    const { container } = render(<ScriptView script={'func go():\n\treturn 1'} />)
    const keywords = [...container.querySelectorAll('span.text-fuchsia-600')].map((e) => e.textContent)
    expect(keywords).toEqual(['func', 'return'])
  })
})
