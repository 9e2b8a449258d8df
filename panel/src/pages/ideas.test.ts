import { describe, expect, it } from 'vitest'
import { ideasPath } from './ideas'

describe('ideasPath', () => {
  it('sends the search, sort, order and the current page token to the server', () => {
    const path = ideasPath({ q: 'pendulum wave', sort: 'title', order: 'asc', phase: 'Published', cursors: ['t1', 't2'] })
    const params = new URL(path, 'http://panel').searchParams
    expect(new URL(path, 'http://panel').pathname).toBe('/api/v1/ideas')
    expect(params.get('q')).toBe('pendulum wave')
    expect(params.get('sort')).toBe('title')
    expect(params.get('order')).toBe('asc')
    expect(params.get('phase')).toBe('Published')
    expect(params.get('continue')).toBe('t2')
    expect(params.get('limit')).toBe('50')
  })

  it('leaves out what is not set', () => {
    expect(ideasPath({})).toBe('/api/v1/ideas?limit=50')
  })
})
