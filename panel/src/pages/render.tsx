import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from '@tanstack/react-router'
import { RefreshCwIcon } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { PageHeader } from '@/components/layout/app-shell'
import { ActionButton } from '@/components/action-button'
import { Facts, Hash } from '@/components/facts'
import { Conditions } from '@/components/nearest-ideas'
import { PhaseBadge } from '@/components/phase-badge'
import { ProgressBar, useLiveProgress } from '@/components/render-progress'
import { Empty, QueryState } from '@/components/states'
import { VideoPlayer } from '@/components/video-player'
import { api, post } from '@/lib/api'
import { formatBytes, formatNumber, formatTime } from '@/lib/format'
import type { ActionResult, Artifact, RenderDetail } from '@/lib/types'

export function useRender(namespace: string, name: string) {
  return useQuery({
    queryKey: ['render', namespace, name],
    queryFn: ({ signal }) => api<RenderDetail>(`/api/v1/renders/${namespace}/${name}`, { signal }),
  })
}

function ArtifactFacts({ name, artifact }: { name: string; artifact?: Artifact }) {
  return (
    <Facts
      items={[
        [`${name} key`, artifact?.key && <code className="text-xs break-all">{artifact.key}</code>],
        [`${name} type`, artifact?.contentType],
        [`${name} size`, formatBytes(artifact?.bytes)],
        [`${name} sha256`, <Hash value={artifact?.sha256} />],
      ]}
    />
  )
}

export function MediaCard({ job }: { job: RenderDetail }) {
  const media = job.media
  return (
    <Facts
      items={[
        ['Duration', media?.durationSeconds !== undefined ? `${formatNumber(media.durationSeconds, 2)} s` : undefined],
        ['Size', media?.width ? `${media.width}×${media.height}` : undefined],
        ['Frame rate', media?.fps !== undefined ? formatNumber(media.fps, 2) : undefined],
        ['Codec', media?.videoCodec],
        ['Pixel format', media?.pixelFormat],
        ['Bit rate', media?.bitRate ? `${formatNumber(media.bitRate / 1000)} kb/s` : undefined],
        ['Bytes', formatBytes(media?.bytes)],
        ['Black segments', media?.blackSegments?.length ?? 0],
        ['Frozen segments', media?.frozenSegments?.length ?? 0],
      ]}
    />
  )
}

export default function RenderPage() {
  const { namespace, name } = useParams({ from: '/shell/renders/$namespace/$name' })
  const query = useRender(namespace, name)
  const progress = useLiveProgress(namespace, name, query.data?.progress)
  return (
    <QueryState query={query}>
      {(job) => {
        const failed = job.phase === 'Failed'
        const godotErrors = (job.errors ?? []).filter((e) => e.stage !== 'author')
        return (
          <div className="space-y-4">
            <PageHeader
              title={job.name}
              description={
                <span className="flex flex-wrap items-center gap-2">
                  <PhaseBadge phase={job.phase} /> {job.spec?.mode} ·
                  {job.idea ? (
                    <Link to="/ideas/$namespace/$name" params={{ namespace, name: job.idea }} className="underline">
                      idea {job.idea}
                    </Link>
                  ) : null}
                  {!job.live && <Badge variant="outline">deleted (from the database)</Badge>}
                </span>
              }
              actions={
                job.live && ['Succeeded', 'Failed'].includes(job.phase ?? '') && job.spec?.mode !== 'Validate' ? (
                  <ActionButton
                    label="Rerender"
                    icon={<RefreshCwIcon />}
                    invalidates={['renders', 'idea']}
                    confirm={{ title: 'Render the same script again?', description: 'A new job is made beside this one.' }}
                    run={(reason) => post<ActionResult>(`/api/v1/renders/${namespace}/${name}/rerender`, { reason })}
                  />
                ) : null
              }
            />
            <Card>
              <CardHeader>
                <CardTitle>Progress</CardTitle>
                <span className="text-muted-foreground text-sm">Agent: {job.agent ?? '—'}</span>
              </CardHeader>
              <CardContent>
                <ProgressBar progress={progress} phase={job.phase} label={`Progress of ${job.name}`} />
              </CardContent>
            </Card>
            <div className="grid gap-4 lg:grid-cols-3">
              <Card className="lg:col-span-2">
                <CardHeader>
                  <CardTitle>Video</CardTitle>
                  {job.links?.video && (
                    <a href={job.links.video} download className="text-sm underline">
                      Download MP4
                    </a>
                  )}
                </CardHeader>
                <CardContent>
                  {job.linksUnavailable ? (
                    <Empty>{job.linksUnavailable}</Empty>
                  ) : (
                    <VideoPlayer src={job.links?.video} poster={job.links?.thumbnail} label={`Video of ${job.name}`} onExpired={() => query.refetch()} />
                  )}
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle>Thumbnail and media</CardTitle>
                </CardHeader>
                <CardContent className="space-y-4">
                  {job.links?.thumbnail ? (
                    <img src={job.links.thumbnail} alt={`Thumbnail of ${job.name}`} className="max-h-60 rounded-md border" />
                  ) : (
                    <Empty>No thumbnail.</Empty>
                  )}
                  <MediaCard job={job} />
                </CardContent>
              </Card>
            </div>
            <div className="grid gap-4 lg:grid-cols-2">
              <Card>
                <CardHeader>
                  <CardTitle>Provenance</CardTitle>
                </CardHeader>
                <CardContent>
                  <Facts
                    items={[
                      ['Godot', job.provenance?.godotVersion],
                      ['Contract', job.provenance?.contractVersion],
                      ['Design system', job.provenance?.designSystemVersion],
                      ['Checklist', job.provenance?.checklistVersion as string | undefined],
                      ['Prompt', job.provenance?.promptVersion as string | undefined],
                      ['FFmpeg', job.provenance?.ffmpegVersion],
                      ['Agent', job.provenance?.agent],
                      ['Wall time', job.provenance?.wallSeconds !== undefined ? `${formatNumber(job.provenance.wallSeconds, 1)} s` : undefined],
                      ['Render speed', job.provenance?.renderFps !== undefined ? `${formatNumber(job.provenance.renderFps, 1)} fps` : undefined],
                      ['Script sha256', <Hash value={job.provenance?.scriptSha256} />],
                      ['Script attempt', job.spec?.scriptAttempt],
                      ['Created', formatTime(job.createdAt)],
                      ['Updated', formatTime(job.updatedAt)],
                    ]}
                  />
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle>Artifacts</CardTitle>
                </CardHeader>
                <CardContent className="space-y-4">
                  <ArtifactFacts name="Video" artifact={job.artifacts?.video} />
                  <ArtifactFacts name="Thumbnail" artifact={job.artifacts?.thumbnail} />
                </CardContent>
              </Card>
            </div>
            <Card>
              <CardHeader>
                <CardTitle>{failed ? 'Godot output and failure' : 'Errors and conditions'}</CardTitle>
              </CardHeader>
              <CardContent className="space-y-4">
                {godotErrors.length ? (
                  <pre className="bg-muted/40 overflow-x-auto rounded-md border p-3 text-xs whitespace-pre-wrap" aria-label="Godot output">
                    {godotErrors
                      .map((e) => `${e.stage ?? ''}${e.line ? ` line ${e.line}${e.column ? `:${e.column}` : ''}` : ''}${e.rule ? ` [${e.rule}]` : ''}: ${e.message ?? ''}`)
                      .join('\n')}
                  </pre>
                ) : (
                  <Empty>No error reported.</Empty>
                )}
                <Conditions conditions={job.conditions} />
              </CardContent>
            </Card>
          </div>
        )
      }}
    </QueryState>
  )
}
