import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { Badge } from '@/components/ui/badge'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { PageHeader } from '@/components/layout/app-shell'
import { Facts } from '@/components/facts'
import { PhaseBadge } from '@/components/phase-badge'
import { SchedulesTable } from '@/components/schedules'
import { Empty, QueryState } from '@/components/states'
import { api } from '@/lib/api'
import { formatBytes, formatCost, formatNumber, formatTime } from '@/lib/format'
import type { AgentSummary, Ops } from '@/lib/types'

function heartbeat(agent: AgentSummary) {
  const age = agent.heartbeatAgeSeconds
  if (age === undefined || age === null) return '—'
  return age < 90 ? `${Math.round(age)} s ago` : age < 5400 ? `${Math.round(age / 60)} min ago` : `${Math.round(age / 3600)} h ago`
}

function Agents({ agents }: { agents: AgentSummary[] }) {
  if (!agents.length) return <Empty>No render agent has registered.</Empty>
  return (
    <Table aria-label="Render agents">
      <TableHeader>
        <TableRow>
          <TableHead>Agent</TableHead>
          <TableHead>Executor</TableHead>
          <TableHead>Heartbeat</TableHead>
          <TableHead>Current jobs</TableHead>
          <TableHead>Capacity</TableHead>
          <TableHead>Godot</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {agents.map((a) => (
          <TableRow key={a.name}>
            <TableCell className="font-medium">
              {a.name} <Badge variant={a.ready ? 'success' : 'destructive'}>{a.phase ?? (a.ready ? 'Ready' : 'NotReady')}</Badge>
              <div className="text-muted-foreground text-xs">
                {Object.entries(a.labels ?? {})
                  .map(([k, v]) => `${k}=${v}`)
                  .join(' ')}
              </div>
            </TableCell>
            <TableCell>
              {a.executor ?? '—'} <span className="text-muted-foreground text-xs">{[a.os, a.arch].filter(Boolean).join('/')}</span>
            </TableCell>
            <TableCell title={formatTime(a.heartbeatAt)}>{heartbeat(a)}</TableCell>
            <TableCell>
              {a.jobs?.length
                ? a.jobs.map((j) => (
                    <div key={j.name}>
                      <Link to="/renders/$namespace/$name" params={{ namespace: j.namespace, name: j.name }} className="underline">
                        {j.name}
                      </Link>{' '}
                      {j.mode} <PhaseBadge phase={j.phase} /> {j.progress !== undefined && j.progress !== null ? `${j.progress} %` : ''}
                    </div>
                  ))
                : '—'}
            </TableCell>
            <TableCell className="tabular-nums">
              {a.running ?? 0} / {a.capacity ?? '—'}
            </TableCell>
            <TableCell>{a.godotVersion ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

function HealthList({ health }: { health?: { name: string; status: string }[] }) {
  if (!health?.length) return <Empty>No health check reported.</Empty>
  return (
    <ul className="space-y-1 text-sm" aria-label="Health checks">
      {health.map((c) => (
        <li key={c.name} className="flex justify-between gap-2">
          <span>{c.name}</span> <PhaseBadge phase={c.status} />
        </li>
      ))}
    </ul>
  )
}

export default function OpsPage() {
  const query = useQuery({ queryKey: ['ops'], queryFn: ({ signal }) => api<Ops>('/api/v1/ops', { signal }) })
  return (
    <div className="space-y-4">
      <PageHeader title="Ops" description="Agents, queues, schedules, LLM budgets, storage and health." />
      <QueryState query={query}>
        {(ops) => (
          <>
            <Card>
              <CardHeader>
                <CardTitle>Render agents</CardTitle>
              </CardHeader>
              <CardContent>
                <Agents agents={ops.agents} />
              </CardContent>
            </Card>
            <div className="grid gap-4 lg:grid-cols-3">
              <Card>
                <CardHeader>
                  <CardTitle>Queue per render mode</CardTitle>
                </CardHeader>
                <CardContent>
                  {ops.queue.length ? (
                    <Table aria-label="Queue depth">
                      <TableHeader>
                        <TableRow>
                          <TableHead>Mode</TableHead>
                          <TableHead>Pending</TableHead>
                          <TableHead>Running</TableHead>
                          <TableHead>Oldest waiting</TableHead>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {ops.queue.map((q) => (
                          <TableRow key={q.mode}>
                            <TableCell>{q.mode}</TableCell>
                            <TableCell className="tabular-nums">{q.pending}</TableCell>
                            <TableCell className="tabular-nums">{q.running}</TableCell>
                            <TableCell>{q.oldestPendingSeconds ? `${Math.round(q.oldestPendingSeconds)} s` : '—'}</TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  ) : (
                    <Empty>The queue is empty.</Empty>
                  )}
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle>Storage</CardTitle>
                </CardHeader>
                <CardContent>
                  <Facts
                    items={[
                      ['Type', ops.storage?.type],
                      ['Objects', formatNumber(ops.storage?.objects)],
                      ['Size', formatBytes(ops.storage?.bytes)],
                      ['Retention', ops.storage?.retention],
                    ]}
                  />
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle>Health</CardTitle>
                </CardHeader>
                <CardContent>
                  <HealthList health={ops.health} />
                </CardContent>
              </Card>
            </div>
            <Card>
              <CardHeader>
                <CardTitle>Schedules</CardTitle>
              </CardHeader>
              <CardContent>
                <SchedulesTable schedules={ops.schedules} actions />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>LLM providers and budgets</CardTitle>
              </CardHeader>
              <CardContent>
                <p className="mb-3 text-sm">
                  Tokens today: <span className="font-medium tabular-nums">{formatNumber(ops.llm.tokensToday)}</span>
                  {' / '}
                  {ops.llm.dailyTokenBudget ? `${formatNumber(ops.llm.dailyTokenBudget)} a day` : 'no daily budget'}
                  {' · cost today: '}
                  {formatCost(ops.llm)}
                </p>
                {ops.llm.providers.length ? (
                  <Table aria-label="LLM providers">
                    <TableHeader>
                      <TableRow>
                        <TableHead>Schedule</TableHead>
                        <TableHead>Provider</TableHead>
                        <TableHead>Model</TableHead>
                        <TableHead>Daily budget</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {ops.llm.providers.map((l) => (
                        <TableRow key={`${l.namespace}/${l.schedule}`}>
                          <TableCell>{l.schedule}</TableCell>
                          <TableCell>
                            {l.name ?? '—'} {l.offline && <Badge variant="outline">offline</Badge>}
                          </TableCell>
                          <TableCell>{l.model ?? '—'}</TableCell>
                          <TableCell className="tabular-nums">{l.dailyTokenBudget ? formatNumber(l.dailyTokenBudget) : 'none'}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                ) : (
                  <Empty>No schedule uses an LLM.</Empty>
                )}
              </CardContent>
            </Card>
          </>
        )}
      </QueryState>
    </div>
  )
}
