import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { AlertTriangleIcon, CheckCircle2Icon } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Progress } from '@/components/ui/progress'
import { PageHeader } from '@/components/layout/app-shell'
import { SelectFilter } from '@/components/filters'
import { SchedulesTable } from '@/components/schedules'
import { Empty, Loading, QueryState } from '@/components/states'
import { api, qs } from '@/lib/api'
import { formatCost, formatNumber, formatPercent, formatTime } from '@/lib/format'
import type { Alert, Dashboard } from '@/lib/types'

// the charting library is the largest part of the page: it loads beside the numbers, not before them
const FunnelChart = lazy(() => import('@/components/kpi-charts').then((m) => ({ default: m.FunnelChart })))
const VideoViewsChart = lazy(() => import('@/components/kpi-charts').then((m) => ({ default: m.VideoViewsChart })))
const ChannelViewsChart = lazy(() => import('@/components/kpi-charts').then((m) => ({ default: m.ChannelViewsChart })))

function Chart({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading label="Loading the chart…" rows={1} />}>{children}</Suspense>
}

const periods: Record<string, number> = { '24 hours': 1, '7 days': 7, '30 days': 30, '90 days': 90 }

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card className="gap-1 py-4">
      <CardContent>
        <div className="text-muted-foreground text-sm">{label}</div>
        <div className="text-2xl font-bold tabular-nums">{value}</div>
        {hint && <div className="text-muted-foreground text-xs">{hint}</div>}
      </CardContent>
    </Card>
  )
}

export function Alerts({ alerts }: { alerts: Alert[] }) {
  if (!alerts.length)
    return (
      <Empty icon={<CheckCircle2Icon className="text-success size-6" aria-hidden />}>No alert: agents up, budgets and quotas fine.</Empty>
    )
  return (
    <ul className="space-y-2" aria-label="Alerts">
      {alerts.map((a, i) => (
        <li key={i} className="flex items-start gap-2 text-sm">
          <AlertTriangleIcon className={a.severity === 'critical' ? 'text-destructive size-4' : 'text-warning size-4'} aria-hidden />
          <div>
            <Badge variant={a.severity === 'critical' ? 'destructive' : 'warning'}>{a.kind}</Badge>{' '}
            {a.subject && <span className="font-medium">{a.subject}</span>} {a.message}
            {a.since && <span className="text-muted-foreground text-xs"> · since {formatTime(a.since)}</span>}
          </div>
        </li>
      ))}
    </ul>
  )
}

export default function DashboardPage() {
  const [period, setPeriod] = useState('7 days')
  // the period ends now, rounded to the minute so that the query key is stable between renders
  const { from, to } = useMemo(() => {
    const end = new Date(Math.floor(Date.now() / 60_000) * 60_000)
    const start = new Date(end.getTime() - periods[period] * 86_400_000)
    return { from: start.toISOString(), to: end.toISOString() }
  }, [period])
  const query = useQuery({
    queryKey: ['dashboard', from, to],
    queryFn: ({ signal }) => api<Dashboard>('/api/v1/dashboard' + qs({ from, to }), { signal }),
  })
  return (
    <div className="space-y-4">
      <PageHeader
        title="Dashboard"
        description="Schedules, the pipeline and what the videos do."
        actions={<SelectFilter label="Period" value={period} options={Object.keys(periods)} onChange={(v) => setPeriod(v ?? '7 days')} />}
      />
      <QueryState query={query}>
        {(d) => {
          const budget = d.llm.dailyTokenBudget
          return (
            <>
              <Card>
                <CardHeader>
                  <CardTitle>Alerts</CardTitle>
                </CardHeader>
                <CardContent>
                  <Alerts alerts={d.alerts} />
                </CardContent>
              </Card>
              <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
                <Stat label="Scripts valid at the first try" value={formatPercent(d.scripts.firstTrySuccessRate)} hint={`${d.scripts.firstTryValid} of ${d.scripts.ideas} ideas`} />
                <Stat label="Valid after repair" value={formatPercent(d.scripts.afterRepairSuccessRate)} hint={`${d.scripts.validAfterRepair} more after repair`} />
                <Stat label="LLM tokens in the period" value={formatNumber(d.llm.totalTokens)} hint={`${formatNumber(d.llm.promptTokens)} in · ${formatNumber(d.llm.completionTokens)} out · ${d.llm.calls} calls`} />
                <Card className="gap-1 py-4">
                  <CardContent className="space-y-1">
                    <div className="text-muted-foreground text-sm">Tokens today vs daily budget</div>
                    <div className="text-2xl font-bold tabular-nums">
                      {formatNumber(d.llm.tokensToday)}
                      <span className="text-muted-foreground text-sm font-normal"> / {budget ? formatNumber(budget) : 'no budget'}</span>
                    </div>
                    {budget ? <Progress value={Math.min(100, (d.llm.tokensToday / budget) * 100)} aria-label="Share of today’s token budget spent" /> : null}
                    <div className="text-muted-foreground text-xs" data-testid="llm-cost">
                      Cost in the period: {formatCost(d.llm)}
                    </div>
                  </CardContent>
                </Card>
              </div>
              <div className="grid gap-4 xl:grid-cols-2">
                <Card>
                  <CardHeader className="flex-col">
                    <CardTitle>Pipeline funnel</CardTitle>
                    <CardDescription>Ideas created in the period, by how far they got.</CardDescription>
                  </CardHeader>
                  <CardContent>
                    <Chart><FunnelChart funnel={d.funnel} /></Chart>
                  </CardContent>
                </Card>
                <Card>
                  <CardHeader>
                    <CardTitle>Schedules</CardTitle>
                  </CardHeader>
                  <CardContent>
                    <SchedulesTable schedules={d.schedules} />
                  </CardContent>
                </Card>
              </div>
              <div className="grid gap-4 xl:grid-cols-2">
                <Card>
                  <CardHeader>
                    <CardTitle>Views per video at 72 h and 7 d</CardTitle>
                  </CardHeader>
                  <CardContent>
                    <Chart><VideoViewsChart from={from} to={to} /></Chart>
                  </CardContent>
                </Card>
                <Card>
                  <CardHeader>
                    <CardTitle>Rolling 14-day views per channel</CardTitle>
                  </CardHeader>
                  <CardContent>
                    <Chart><ChannelViewsChart from={from} to={to} /></Chart>
                  </CardContent>
                </Card>
              </div>
            </>
          )
        }}
      </QueryState>
    </div>
  )
}
