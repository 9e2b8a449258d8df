/** Search-param readers for validateSearch: the URL is the state, so every value is checked, never trusted. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined
}

export function strList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length ? value : undefined
}

/** Filters of a list page plus its position: `cursors` are the continue tokens of the pages walked through. */
export function listSearch<K extends string>(keys: readonly K[]) {
  return (search: Record<string, unknown>) => {
    const out = { cursors: strList(search.cursors) } as Partial<Record<K, string>> & { cursors?: string[] }
    for (const key of keys) (out as Record<string, unknown>)[key] = str(search[key])
    return out
  }
}
