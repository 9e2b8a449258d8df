import { useEffect, useId, useState, type ReactNode } from 'react'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { NativeSelect } from '@/components/ui/native-select'

export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      {children}
    </div>
  )
}

export function SelectFilter(props: {
  label: string
  value?: string
  options: readonly string[]
  onChange: (value: string | undefined) => void
}) {
  const id = useId()
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{props.label}</Label>
      <NativeSelect id={id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || undefined)}>
        <option value="">All</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </NativeSelect>
    </div>
  )
}

/** A text filter applied on Enter or when the field loses focus, not on every key (each change is a request). */
export function TextFilter(props: {
  label: string
  value?: string
  placeholder?: string
  type?: 'text' | 'datetime-local'
  onChange: (value: string | undefined) => void
}) {
  const id = useId()
  const [text, setText] = useState(props.value ?? '')
  useEffect(() => setText(props.value ?? ''), [props.value])
  const apply = () => {
    if ((text || undefined) !== props.value) props.onChange(text.trim() || undefined)
  }
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{props.label}</Label>
      <Input
        id={id}
        type={props.type ?? 'text'}
        className="w-44"
        value={text}
        placeholder={props.placeholder}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
      />
    </div>
  )
}
