/** Times in the viewer's own time zone (the browser's), as the API sends UTC instants. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

export function formatTime(value?: string | null) {
  if (!value) return '—'
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date)
}

export function timeZoneName() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

export function formatAge(value?: string | null, now = Date.now()) {
  if (!value) return '—'
  const seconds = Math.round((new Date(value).getTime() - now) / 1000)
  const abs = Math.abs(seconds)
  if (abs < 60) return relative.format(seconds, 'second')
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute')
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour')
  return relative.format(Math.round(seconds / 86400), 'day')
}

export function formatBytes(bytes?: number | null) {
  if (bytes === undefined || bytes === null) return '—'
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`
}

export function formatPercent(ratio?: number | null) {
  if (ratio === undefined || ratio === null) return '—'
  return `${(ratio * 100).toFixed(1)} %`
}

export function formatNumber(value?: number | null, digits = 0) {
  if (value === undefined || value === null) return '—'
  return value.toLocaleString(undefined, { maximumFractionDigits: digits })
}

/**
 * A model cost in US dollars: unknown (never $0) when calls spent tokens on a model without a price
 * (animops.llm.prices); cents below a dollar get more digits, since one call costs a fraction of a cent.
 */
export function formatCost(llm: { costUsd: number | null; unpricedCalls?: number }) {
  if (llm.costUsd === null) {
    const calls = llm.unpricedCalls ?? 0
    return calls > 0
      ? `unknown: ${calls} call${calls === 1 ? '' : 's'} to models without a price (animops.llm.prices)`
      : 'unknown'
  }
  return `$${llm.costUsd.toFixed(llm.costUsd < 1 ? 4 : 2)}`
}
