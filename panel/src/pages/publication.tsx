import { useState, type FormEvent } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from '@tanstack/react-router'
import { BanIcon, CopyIcon, DownloadIcon, RotateCcwIcon, SendIcon } from 'lucide-react'
import { toast } from 'sonner'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { PageHeader } from '@/components/layout/app-shell'
import { ActionButton } from '@/components/action-button'
import { Facts } from '@/components/facts'
import { Conditions } from '@/components/nearest-ideas'
import { PhaseBadge } from '@/components/phase-badge'
import { ProblemAlert, QueryState } from '@/components/states'
import { Timeline } from '@/components/timeline'
import { api, post } from '@/lib/api'
import { formatTime } from '@/lib/format'
import { useCan } from '@/lib/session'
import type { ActionResult, PublicationDetail } from '@/lib/types'

const finished = new Set(['Published', 'Failed'])

/** Manual posting: download the MP4, copy the caption, post it by hand, then paste the post's URL here. */
function ManualPost({ publication }: { publication: PublicationDetail }) {
  const canAct = useCan('operator')
  const client = useQueryClient()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const manual = publication.manualPost!
  const caption = manual.caption ?? [manual.title, manual.description].filter(Boolean).join('\n\n')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(caption)
      toast.success('Caption copied')
    } catch {
      toast.error('The browser refused the clipboard: select the caption and copy it by hand.')
    }
  }
  const confirm = async (event: FormEvent) => {
    event.preventDefault()
    const url = String(new FormData(event.target as HTMLFormElement).get('url') ?? '').trim()
    setBusy(true)
    setError(null)
    try {
      await post(`/api/v1/publications/${publication.namespace}/${publication.name}/confirm`, { url })
      toast.success('Post confirmed')
      client.invalidateQueries({ queryKey: ['publication', publication.namespace, publication.name] })
      client.invalidateQueries({ queryKey: ['publications'] })
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Post by hand on {publication.platform}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <ol className="list-decimal space-y-4 pl-5 text-sm">
          <li>
            <Button variant="outline" size="sm" asChild>
              <a href={manual.videoLink} download>
                <DownloadIcon /> Download the MP4
              </a>
            </Button>
          </li>
          <li className="space-y-2">
            <div className="flex items-center gap-2">
              <span>Copy the caption</span>
              <Button variant="outline" size="sm" onClick={copy}>
                <CopyIcon /> Copy caption
              </Button>
            </div>
            <pre className="bg-muted/40 rounded-md border p-3 text-xs whitespace-pre-wrap" data-testid="caption">
              {caption}
              {manual.tags?.length ? `\n\n${manual.tags.map((t) => `#${t}`).join(' ')}` : ''}
            </pre>
          </li>
          <li>Post the video with the caption in the {publication.platform} app.</li>
          <li>
            {canAct ? (
              <form onSubmit={confirm} className="flex flex-wrap items-end gap-2" aria-label="Confirm the post">
                <div className="grid gap-1.5">
                  <Label htmlFor="post-url">Post URL</Label>
                  <Input id="post-url" name="url" type="url" required className="w-96 max-w-full" placeholder="https://…" />
                </div>
                <Button type="submit" disabled={busy}>
                  <SendIcon /> Confirm post
                </Button>
              </form>
            ) : (
              <span className="text-muted-foreground">An operator pastes the post URL here to confirm.</span>
            )}
          </li>
        </ol>
        {error ? <ProblemAlert error={error} title="Not confirmed" /> : null}
      </CardContent>
    </Card>
  )
}

export default function PublicationPage() {
  const { namespace, name } = useParams({ from: '/shell/publications/$namespace/$name' })
  const query = useQuery({
    queryKey: ['publication', namespace, name],
    queryFn: ({ signal }) => api<PublicationDetail>(`/api/v1/publications/${namespace}/${name}`, { signal }),
  })
  const base = `/api/v1/publications/${namespace}/${name}`
  return (
    <QueryState query={query}>
      {(publication) => (
        <div className="space-y-4">
          <PageHeader
            title={publication.name}
            description={
              <span className="flex flex-wrap items-center gap-2">
                <PhaseBadge phase={publication.phase} /> {publication.platform} · {publication.mode}
                {!publication.live && <Badge variant="outline">deleted (from the database)</Badge>}
              </span>
            }
            actions={
              publication.live && (
                <>
                  {publication.phase === 'Failed' || publication.phase === 'Blocked' ? (
                    <ActionButton label="Retry" icon={<RotateCcwIcon />} invalidates={['publication']} run={(reason) => post<ActionResult>(`${base}/retry`, { reason })} />
                  ) : null}
                  {!finished.has(publication.phase ?? '') && (
                    <ActionButton
                      label="Cancel"
                      variant="destructive"
                      icon={<BanIcon />}
                      invalidates={['publication']}
                      confirm={{ title: 'Cancel this publication?', description: `Nothing more is posted to ${publication.platform} for it.` }}
                      run={(reason) => post<ActionResult>(`${base}/cancel`, { reason })}
                    />
                  )}
                </>
              )
            }
          />
          {publication.phase === 'AwaitingManualPost' && publication.manualPost ? <ManualPost publication={publication} /> : null}
          <div className="grid gap-4 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>Target</CardTitle>
              </CardHeader>
              <CardContent>
                <Facts
                  items={[
                    ['Platform', publication.platform],
                    ['Mode', publication.mode],
                    ['State', <PhaseBadge phase={publication.phase} />],
                    [
                      'Link',
                      publication.url && (
                        <a href={publication.url} target="_blank" rel="noreferrer noopener" className="underline" data-testid="post-url">
                          {publication.url}
                        </a>
                      ),
                    ],
                    ['Video id', publication.externalId],
                    ['Account', publication.accountSecret],
                    ['Published', formatTime(publication.publishedAt)],
                    ['Confirmed by', publication.confirmedBy],
                    ['Confirmed', formatTime(publication.confirmedAt)],
                    [
                      'Idea',
                      publication.idea && (
                        <Link to="/ideas/$namespace/$name" params={{ namespace, name: publication.idea }} className="underline">
                          {publication.idea}
                        </Link>
                      ),
                    ],
                    [
                      'Render job',
                      publication.renderJob && (
                        <Link to="/renders/$namespace/$name" params={{ namespace, name: publication.renderJob }} className="underline">
                          {publication.renderJob}
                        </Link>
                      ),
                    ],
                  ]}
                />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>History</CardTitle>
              </CardHeader>
              <CardContent className="space-y-4">
                <Timeline kind="Publication" namespace={namespace} name={name} />
                <Conditions conditions={publication.conditions} />
              </CardContent>
            </Card>
          </div>
        </div>
      )}
    </QueryState>
  )
}
