import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { createColumnHelper } from '@tanstack/react-table'
import { CheckIcon, RefreshCwIcon, RotateCcwIcon, XIcon } from 'lucide-react'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { PageHeader } from '@/components/layout/app-shell'
import { ActionButton } from '@/components/action-button'
import { DataTable } from '@/components/data-table'
import { Facts, Hash } from '@/components/facts'
import { PhaseBadge } from '@/components/phase-badge'
import { renderColumns } from '@/components/render-table'
import { ScriptView } from '@/components/script-view'
import { Empty, QueryState } from '@/components/states'
import { Timeline } from '@/components/timeline'
import { Conditions } from '@/components/nearest-ideas'
import { SimilarityView } from '@/components/similarity-view'
import { api, post } from '@/lib/api'
import { formatNumber, formatTime } from '@/lib/format'
import type { ActionResult, AttemptDetail, AttemptRow, IdeaDetail } from '@/lib/types'

const attemptColumn = createColumnHelper<AttemptRow>()

function AttemptScript({ namespace, name }: { namespace: string; name: string }) {
  const query = useQuery({
    queryKey: ['attempt', namespace, name],
    queryFn: ({ signal }) => api<AttemptDetail>(`/api/v1/attempts/${namespace}/${name}`, { signal }),
  })
  return (
    <QueryState query={query} loadingLabel="Loading the script…">
      {(attempt) => (
        <div className="space-y-3">
          <Facts
            items={[
              ['Attempt', `${attempt.attempt} · ${attempt.name}`],
              ['Phase', <PhaseBadge phase={attempt.phase} />],
              ['Model', attempt.llmUsage ? `${attempt.llmUsage.provider ?? ''} ${attempt.llmUsage.model ?? ''}` : undefined],
              ['Prompt version', attempt.llmUsage?.promptVersion],
              ['Tokens', attempt.llmUsage ? `${formatNumber(attempt.llmUsage.promptTokens)} in / ${formatNumber(attempt.llmUsage.completionTokens)} out` : undefined],
              ['Contract', attempt.contractVersion],
              ['Script sha256', <Hash value={attempt.scriptSha256} />],
            ]}
          />
          {attempt.script ? <ScriptView script={attempt.script} errors={attempt.errors} /> : <Empty>No script in this attempt.</Empty>}
        </div>
      )}
    </QueryState>
  )
}

function Actions({ idea }: { idea: IdeaDetail }) {
  const base = `/api/v1/ideas/${idea.namespace}/${idea.name}`
  const job = idea.renderJobs?.find((r) => r.name === idea.currentRenderJob)
  return (
    <>
      {idea.phase === 'Proposed' && (
        <>
          <ActionButton label="Approve" variant="success" icon={<CheckIcon />} invalidates={['idea']} run={(reason) => post<ActionResult>(`${base}/approve`, { reason })} />
          <ActionButton
            label="Reject"
            variant="destructive"
            icon={<XIcon />}
            invalidates={['idea']}
            confirm={{ title: `Reject “${idea.title ?? idea.name}”?`, description: 'The idea will not be scripted.' }}
            run={(reason) => post<ActionResult>(`${base}/reject`, { reason })}
          />
        </>
      )}
      {['Rejected', 'Failed', 'AwaitingQc'].includes(idea.phase ?? '') && (
        <ActionButton
          label="Rerun attempt"
          icon={<RotateCcwIcon />}
          invalidates={['idea']}
          confirm={{ title: 'Ask for one more script attempt?', description: 'The model gets the last errors and writes a new script (tokens are spent).' }}
          run={(reason) => post<ActionResult>(`${base}/rerun-attempt`, { reason })}
        />
      )}
      {job && ['AwaitingQc', 'Failed'].includes(idea.phase ?? '') && (
        <ActionButton
          label="Rerender"
          icon={<RefreshCwIcon />}
          invalidates={['idea', 'renders']}
          confirm={{ title: 'Render the same script again?', description: `A new job is made beside ${job.name}.` }}
          run={(reason) => post<ActionResult>(`/api/v1/renders/${job.namespace}/${job.name}/rerender`, { reason })}
        />
      )}
    </>
  )
}

export default function IdeaPage() {
  const { namespace, name } = useParams({ from: '/shell/ideas/$namespace/$name' })
  const [attempt, setAttempt] = useState<string>()
  const query = useQuery({
    queryKey: ['idea', namespace, name],
    queryFn: ({ signal }) => api<IdeaDetail>(`/api/v1/ideas/${namespace}/${name}`, { signal }),
  })
  return (
    <QueryState query={query}>
      {(idea) => {
        const shown = attempt ?? idea.currentAttempt ?? idea.attempts?.at(-1)?.name
        return (
          <div className="space-y-4">
            <PageHeader
              title={idea.title ?? idea.name}
              description={
                <span className="flex flex-wrap items-center gap-2">
                  <PhaseBadge phase={idea.phase} /> {namespace}/{name}
                  {!idea.live && <Badge variant="outline">deleted (from the database)</Badge>}
                </span>
              }
              actions={<Actions idea={idea} />}
            />
            <div className="grid gap-4 lg:grid-cols-3">
              <Card className="lg:col-span-2">
                <CardHeader>
                  <CardTitle>Idea</CardTitle>
                </CardHeader>
                <CardContent>
                  <Facts
                    items={[
                      ['Premise', idea.premise],
                      ['Physics hook', idea.physicsHook],
                      ['Hook', idea.hook],
                      ['Source', idea.source],
                      ['Schedule', idea.schedule],
                      ['Run', idea.runId],
                      ['Approved', idea.approved === null || idea.approved === undefined ? undefined : String(idea.approved)],
                      ['Created', formatTime(idea.createdAt)],
                      ['Updated', formatTime(idea.updatedAt)],
                    ]}
                  />
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle>Similarity</CardTitle>
                </CardHeader>
                <CardContent>
                  <SimilarityView namespace={namespace} similarity={idea.similarity} />
                </CardContent>
              </Card>
            </div>
            <div className="grid gap-4 lg:grid-cols-3">
              <Card className="lg:col-span-2">
                <CardHeader>
                  <CardTitle>Script attempts</CardTitle>
                </CardHeader>
                <CardContent className="space-y-4">
                  <DataTable
                    caption="Script attempts"
                    data={idea.attempts ?? []}
                    rowId={(r) => r.name}
                    empty={<Empty>No attempt yet.</Empty>}
                    columns={[
                      attemptColumn.accessor('attempt', { header: '#' }),
                      attemptColumn.accessor('name', {
                        header: 'Attempt',
                        cell: (c) => (
                          <Button variant="link" className="h-auto p-0" onClick={() => setAttempt(c.getValue())} aria-pressed={c.getValue() === shown}>
                            {c.getValue()}
                          </Button>
                        ),
                      }),
                      attemptColumn.accessor('phase', { header: 'Phase', cell: (c) => <PhaseBadge phase={c.getValue()} /> }),
                      attemptColumn.accessor((r) => r.errors?.length ?? 0, { id: 'errors', header: 'Errors' }),
                      attemptColumn.accessor('model', { header: 'Model', cell: (c) => c.getValue() ?? '—' }),
                      attemptColumn.accessor('createdAt', { header: 'Created', cell: (c) => formatTime(c.getValue()) }),
                    ]}
                  />
                  {shown ? <AttemptScript namespace={namespace} name={shown} /> : null}
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle>Timeline</CardTitle>
                </CardHeader>
                <CardContent className="space-y-4">
                  <Timeline kind="AnimationIdea" namespace={namespace} name={name} />
                  <Conditions conditions={idea.conditions} />
                </CardContent>
              </Card>
            </div>
            <Card>
              <CardHeader>
                <CardTitle>Render jobs</CardTitle>
              </CardHeader>
              <CardContent>
                <DataTable caption="Render jobs" columns={renderColumns} data={idea.renderJobs ?? []} rowId={(r) => r.name} empty={<Empty>No render job yet.</Empty>} />
              </CardContent>
            </Card>
          </div>
        )
      }}
    </QueryState>
  )
}
