import { Fragment } from 'react'
import { cn } from '@/lib/utils'
import { tokenizeLine, type TokenKind } from '@/lib/gdscript'
import type { ScriptError } from '@/lib/types'

const colours: Record<TokenKind, string> = {
  keyword: 'text-fuchsia-600 dark:text-fuchsia-400',
  string: 'text-amber-700 dark:text-amber-300',
  comment: 'text-muted-foreground italic',
  number: 'text-sky-700 dark:text-sky-300',
  annotation: 'text-orange-600 dark:text-orange-300',
  type: 'text-emerald-700 dark:text-emerald-400',
  function: 'text-blue-700 dark:text-blue-300',
  text: '',
}

/** A script with GDScript highlighting, each error shown under its line; errors without a line are listed first. */
export function ScriptView({ script, errors = [] }: { script: string; errors?: ScriptError[] }) {
  const byLine = new Map<number, ScriptError[]>()
  for (const error of errors) {
    if (error.line) byLine.set(error.line, [...(byLine.get(error.line) ?? []), error])
  }
  const unplaced = errors.filter((e) => !e.line || e.line > script.split('\n').length)
  return (
    <div className="space-y-2">
      {unplaced.length > 0 && (
        <ul className="text-destructive space-y-1 text-sm" aria-label="Errors without a line">
          {unplaced.map((e, i) => (
            <li key={i}>
              {e.stage && <span className="font-medium">[{e.stage}] </span>}
              {e.rule && <code>{e.rule}: </code>}
              {e.message}
            </li>
          ))}
        </ul>
      )}
      <pre className="bg-muted/40 overflow-x-auto rounded-md border py-2 font-mono text-xs leading-5" aria-label="Script">
        <code className="grid grid-cols-[auto_1fr]">
          {script.split('\n').map((line, index) => {
            const number = index + 1
            const lineErrors = byLine.get(number)
            return (
              <Fragment key={number}>
                <span
                  className={cn('text-muted-foreground px-3 text-right select-none', lineErrors && 'bg-destructive/15 text-destructive')}
                  aria-hidden
                >
                  {number}
                </span>
                <span className={cn('pr-4 whitespace-pre', lineErrors && 'bg-destructive/15')} data-line={number}>
                  {tokenizeLine(line).map((t, i) =>
                    t.kind === 'text' ? t.text : (
                      <span key={i} className={colours[t.kind]}>
                        {t.text}
                      </span>
                    ),
                  )}
                  {'\n'}
                </span>
                {lineErrors?.map((e, i) => (
                  <Fragment key={`e${i}`}>
                    <span aria-hidden />
                    <span role="note" className="bg-destructive/10 text-destructive border-destructive border-l-2 px-2 py-0.5 font-sans whitespace-pre-wrap" data-error-line={number}>
                      {e.column ? `${number}:${e.column} ` : `line ${number} `}
                      {e.rule && <code>{e.rule} </code>}— {e.message}
                    </span>
                  </Fragment>
                ))}
              </Fragment>
            )
          })}
        </code>
      </pre>
    </div>
  )
}
