import { useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { CheckIcon, XIcon } from 'lucide-react'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Checkbox } from '@/components/ui/checkbox'
import { Label } from '@/components/ui/label'
import { PageHeader } from '@/components/layout/app-shell'
import { ActionButton } from '@/components/action-button'
import { Facts } from '@/components/facts'
import { Empty, QueryState } from '@/components/states'
import { api, ApiError, post } from '@/lib/api'
import { formatTime } from '@/lib/format'
import { useCan } from '@/lib/session'
import type { ActionResult, IdeaRow, Page } from '@/lib/types'
import { SimilarityView, similarityOfRow } from '@/components/similarity-view'

type Decision = 'approve' | 'reject'

const decide = (idea: IdeaRow, decision: Decision, reason?: string) =>
  post<ActionResult>(`/api/v1/ideas/${idea.namespace}/${idea.name}/${decision}`, { reason })

/** Decides many ideas one after another and says which failed, so one refusal does not hide the others. */
async function decideAll(ideas: IdeaRow[], decision: Decision, reason?: string) {
  const failures: string[] = []
  for (const idea of ideas) {
    try {
      await decide(idea, decision, reason)
    } catch (e) {
      failures.push(`${idea.name}: ${e instanceof ApiError ? e.problem.detail ?? e.problem.title : String(e)}`)
    }
  }
  if (failures.length) throw new Error(`${failures.length} of ${ideas.length} not done — ${failures.join('; ')}`)
  return { action: decision, outcome: 'done', detail: `${ideas.length} idea(s)` }
}

function Proposal({ idea, selected, onSelect }: { idea: IdeaRow; selected: boolean; onSelect: (on: boolean) => void }) {
  const canAct = useCan('operator')
  const id = `select-${idea.namespace}-${idea.name}`
  return (
    <Card data-testid="proposal" data-idea={idea.name}>
      <CardHeader>
        <div className="flex items-start gap-3">
          {canAct && <Checkbox id={id} checked={selected} onCheckedChange={(v) => onSelect(v === true)} aria-label={`Select ${idea.title ?? idea.name}`} />}
          <div>
            <CardTitle>
              <Link to="/ideas/$namespace/$name" params={{ namespace: idea.namespace, name: idea.name }} className="underline-offset-4 hover:underline">
                {idea.title ?? idea.name}
              </Link>
            </CardTitle>
            <Label htmlFor={id} className="text-muted-foreground mt-1 text-xs font-normal">
              {idea.namespace}/{idea.name} · {formatTime(idea.createdAt)}
            </Label>
          </div>
        </div>
        <div className="flex gap-2">
          <ActionButton label="Approve" variant="success" icon={<CheckIcon />} invalidates={['gate', 'ideas']} run={(reason) => decide(idea, 'approve', reason)} />
          <ActionButton
            label="Reject"
            variant="destructive"
            icon={<XIcon />}
            invalidates={['gate', 'ideas']}
            confirm={{ title: `Reject “${idea.title ?? idea.name}”?`, description: 'The idea will not be scripted.' }}
            run={(reason) => decide(idea, 'reject', reason)}
          />
        </div>
      </CardHeader>
      <CardContent className="grid gap-4 md:grid-cols-2">
        <Facts
          items={[
            ['Premise', idea.premise],
            ['Physics hook', idea.physicsHook],
            ['Hook', idea.hook],
            ['Schedule', idea.schedule],
          ]}
        />
        <SimilarityView namespace={idea.namespace} similarity={similarityOfRow(idea)} />
      </CardContent>
    </Card>
  )
}

export default function GatePage() {
  const client = useQueryClient()
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const query = useQuery({
    queryKey: ['gate'],
    queryFn: ({ signal }) => api<Page<IdeaRow>>('/api/v1/ideas?phase=Proposed&limit=100', { signal }),
  })
  const ideas = query.data?.items ?? []
  const chosen = ideas.filter((i) => selected.has(`${i.namespace}/${i.name}`))
  const bulk = (decision: Decision) => async (reason?: string) => {
    try {
      return await decideAll(chosen, decision, reason)
    } finally {
      setSelected(new Set())
      client.invalidateQueries({ queryKey: ['gate'] })
    }
  }
  return (
    <div className="space-y-4">
      <PageHeader
        title="Idea Gate"
        description="Proposals waiting for a decision, beside the past ideas they resemble most."
        actions={
          chosen.length > 0 && (
            <>
              <ActionButton
                label={`Approve ${chosen.length} selected`}
                variant="success"
                icon={<CheckIcon />}
                confirm={{ title: `Approve ${chosen.length} idea(s)?`, description: chosen.map((i) => i.title ?? i.name).join(', ') }}
                run={bulk('approve')}
              />
              <ActionButton
                label={`Reject ${chosen.length} selected`}
                variant="destructive"
                icon={<XIcon />}
                confirm={{ title: `Reject ${chosen.length} idea(s)?`, description: chosen.map((i) => i.title ?? i.name).join(', ') }}
                run={bulk('reject')}
              />
            </>
          )
        }
      />
      <QueryState query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No proposal is waiting. New ones appear here as schedules run.</Empty>
          ) : (
            <div className="space-y-4">
              {page.items.map((idea) => {
                const key = `${idea.namespace}/${idea.name}`
                return (
                  <Proposal
                    key={key}
                    idea={idea}
                    selected={selected.has(key)}
                    onSelect={(on) => {
                      const next = new Set(selected)
                      if (on) next.add(key)
                      else next.delete(key)
                      setSelected(next)
                    }}
                  />
                )
              })}
              {page.continue && <p className="text-muted-foreground text-sm">More than 100 proposals: decide these first.</p>}
            </div>
          )
        }
      </QueryState>
    </div>
  )
}
