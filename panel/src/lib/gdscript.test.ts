import { describe, expect, it } from 'vitest'
import { tokenizeLine } from './gdscript'

const kinds = (line: string) => tokenizeLine(line).filter((t) => t.kind !== 'text').map((t) => [t.kind, t.text])

describe('tokenizeLine', () => {
  it('marks keywords, types, calls, numbers and comments', () => {
    expect(kinds('func _ready() -> void: # start')).toEqual([
      ['keyword', 'func'],
      ['function', '_ready'],
      ['keyword', 'void'],
      ['comment', '# start'],
    ])
    expect(kinds('var ball := RigidBody2D.new()')).toEqual([
      ['keyword', 'var'],
      ['type', 'RigidBody2D'],
      ['function', 'new'],
    ])
    expect(kinds('ball.mass = 2.5')).toEqual([['number', '2.5']])
  })

  it('keeps a # inside a string out of the comment and marks annotations', () => {
    expect(kinds('@export var label = "#1 ball" # note')).toEqual([
      ['annotation', '@export'],
      ['keyword', 'var'],
      ['string', '"#1 ball"'],
      ['comment', '# note'],
    ])
  })

  it('gives back the line unchanged when joined', () => {
    const line = '\tif x > 10 and y < 0.5: print("hit", x)  # done'
    expect(tokenizeLine(line).map((t) => t.text).join('')).toBe(line)
  })
})
