import type { ReactNode } from 'react'

/** A definition list of label/value pairs; empty values show as a dash. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0 break-words">{value === undefined || value === null || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  )
}

export function Hash({ value }: { value?: string }) {
  return value ? (
    <code className="text-xs break-all" title={value}>
      {value}
    </code>
  ) : (
    <>—</>
  )
}
