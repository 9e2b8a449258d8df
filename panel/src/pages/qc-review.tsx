import { useEffect, useRef, useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from '@tanstack/react-router'
import { CheckIcon, KeyboardIcon, XIcon } from 'lucide-react'
import { toast } from 'sonner'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Label } from '@/components/ui/label'
import { Textarea } from '@/components/ui/textarea'
import { PageHeader } from '@/components/layout/app-shell'
import { PhaseBadge } from '@/components/phase-badge'
import { ProblemAlert, QueryState } from '@/components/states'
import { VideoPlayer } from '@/components/video-player'
import { api, post } from '@/lib/api'
import { formatTime } from '@/lib/format'
import { useCan } from '@/lib/session'
import { cn } from '@/lib/utils'
import type { QcItemResult, QcResult } from '@/lib/types'
import { MediaCard, useRender } from './render'

const qcKey = (namespace: string, name: string) => ['qc', 'result', namespace, name]

function AutomaticItem({ item }: { item: QcItemResult }) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 border-b py-2 text-sm last:border-0" data-item={item.id}>
      <div>
        <div className="font-medium">{item.title ?? item.id}</div>
        <div className="text-muted-foreground text-xs">
          expected {item.expected ?? '—'} · observed <span className="text-foreground font-medium">{item.observed ?? '—'}</span>
          {item.message ? ` · ${item.message}` : ''}
        </div>
      </div>
      <PhaseBadge phase={item.outcome} />
    </li>
  )
}

interface ManualItemProps {
  item: QcItemResult
  active: boolean
  decided: boolean
  onFocus: () => void
  onTick: (passed: boolean, comment: string) => Promise<void>
}

export function ManualItem({ item, active, decided, onFocus, onTick }: ManualItemProps) {
  const canAct = useCan('operator')
  const [comment, setComment] = useState(item.comment ?? '')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const commentRef = useRef<HTMLTextAreaElement>(null)
  const id = `comment-${item.id}`
  const tick = async (passed: boolean) => {
    if (!passed && !comment.trim()) {
      setError(new Error('A comment is required to fail an item: say what is wrong.'))
      commentRef.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      await onTick(passed, comment.trim())
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  // the page's shortcuts reach the active item through these data attributes
  return (
    <li
      className={cn('space-y-2 rounded-md border p-3', active && 'ring-ring ring-2')}
      data-item={item.id}
      data-active={active || undefined}
      onFocus={onFocus}
      onClick={onFocus}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <div className="font-medium">{item.title ?? item.id}</div>
          {item.tickedBy && (
            <div className="text-muted-foreground text-xs">
              {item.outcome === 'Passed' ? 'passed' : 'failed'} by {item.tickedBy} · {formatTime(item.tickedAt)}
            </div>
          )}
        </div>
        <PhaseBadge phase={item.outcome} />
      </div>
      {canAct && !decided && item.outcome === 'Pending' ? (
        <>
          <Label htmlFor={id}>Comment (required to fail)</Label>
          <Textarea id={id} ref={commentRef} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} />
          {error ? <ProblemAlert error={error} title="Not ticked" /> : null}
          <div className="flex gap-2">
            <Button size="sm" variant="success" disabled={busy} onClick={() => tick(true)} data-tick="pass">
              <CheckIcon /> Pass
            </Button>
            <Button size="sm" variant="destructive" disabled={busy} onClick={() => tick(false)} data-tick="fail">
              <XIcon /> Fail
            </Button>
          </div>
        </>
      ) : item.comment ? (
        <p className="text-sm">“{item.comment}”</p>
      ) : null}
    </li>
  )
}

export function useQcShortcuts(count: number, setActive: (update: (index: number) => number) => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement
      const typing = target.tagName === 'TEXTAREA' || target.tagName === 'INPUT'
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return
      if (event.key === 'j' || event.key === 'ArrowDown') setActive((i) => Math.min(count - 1, i + 1))
      else if (event.key === 'k' || event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1))
      else if (event.key === 'p' || event.key === 'f') {
        const button = document.querySelector<HTMLButtonElement>(`[data-active] [data-tick="${event.key === 'p' ? 'pass' : 'fail'}"]`)
        button?.click()
      } else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [count, setActive])
}

export default function QcReviewPage() {
  const { namespace, name } = useParams({ from: '/shell/qc/$namespace/$name' })
  const client = useQueryClient()
  const [active, setActive] = useState(0)
  const query = useQuery({
    queryKey: qcKey(namespace, name),
    queryFn: ({ signal }) => api<QcResult>(`/api/v1/qc/results/${namespace}/${name}`, { signal }),
  })
  const render = useRender(namespace, name)
  const manual = query.data?.items.filter((i) => i.kind === 'Manual') ?? []
  useQcShortcuts(manual.length, setActive)

  const tick = (item: QcItemResult) => async (passed: boolean, comment: string) => {
    const result = await post<QcResult>(`/api/v1/qc/results/${namespace}/${name}/items/${encodeURIComponent(item.id)}`, {
      passed,
      comment: comment || undefined,
    })
    client.setQueryData(qcKey(namespace, name), result)
    client.invalidateQueries({ queryKey: ['qc', 'results'] })
    toast.success(`${item.title ?? item.id}: ${passed ? 'passed' : 'failed'}`)
    const next = result.items.filter((i) => i.kind === 'Manual').findIndex((i) => i.outcome === 'Pending')
    if (next >= 0) setActive(next)
  }

  return (
    <QueryState query={query}>
      {(result) => (
        <div className="space-y-4">
          <PageHeader
            title={`QC · ${result.renderJob}`}
            description={
              <span className="flex flex-wrap items-center gap-2">
                <PhaseBadge phase={result.outcome} /> checklist {result.checklistName} v{result.checklistVersion}
                {result.idea && (
                  <Link to="/ideas/$namespace/$name" params={{ namespace, name: result.idea }} className="underline">
                    idea {result.idea}
                  </Link>
                )}
                <Link to="/renders/$namespace/$name" params={{ namespace, name }} className="underline">
                  render job
                </Link>
              </span>
            }
          />
          <div className="grid gap-4 xl:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>Video</CardTitle>
              </CardHeader>
              <CardContent className="space-y-4">
                <QueryState query={render}>
                  {(job) => (
                    <>
                      <VideoPlayer src={job.links?.video} poster={job.links?.thumbnail} label={`Video of ${job.name}`} onExpired={() => render.refetch()} />
                      <MediaCard job={job} />
                    </>
                  )}
                </QueryState>
              </CardContent>
            </Card>
            <div className="space-y-4">
              <Card>
                <CardHeader>
                  <CardTitle>Manual checks</CardTitle>
                  <Badge variant="outline" title="Keyboard shortcuts">
                    <KeyboardIcon aria-hidden /> j/k move · p pass · f fail
                  </Badge>
                </CardHeader>
                <CardContent>
                  <ol className="space-y-2" aria-label="Manual checks">
                    {manual.map((item, index) => (
                      <ManualItem
                        key={item.id}
                        item={item}
                        active={index === active}
                        decided={result.outcome !== 'Pending'}
                        onFocus={() => setActive(index)}
                        onTick={tick(item)}
                      />
                    ))}
                  </ol>
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle>Automatic checks</CardTitle>
                </CardHeader>
                <CardContent>
                  <ul aria-label="Automatic checks">
                    {result.items
                      .filter((i) => i.kind === 'Automatic')
                      .map((item) => (
                        <AutomaticItem key={item.id} item={item} />
                      ))}
                  </ul>
                </CardContent>
              </Card>
            </div>
          </div>
        </div>
      )}
    </QueryState>
  )
}
