import { PauseIcon, PlayIcon } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { ActionButton } from '@/components/action-button'
import { Empty } from '@/components/states'
import { post } from '@/lib/api'
import { formatAge, formatTime } from '@/lib/format'
import type { ScheduleSummary } from '@/lib/types'

/** Content schedules with their runs; `actions` adds suspend/resume (Ops page). */
export function SchedulesTable({ schedules, actions = false }: { schedules: ScheduleSummary[]; actions?: boolean }) {
  if (!schedules.length) return <Empty>No content schedule.</Empty>
  return (
    <Table aria-label="Schedules">
      <TableHeader>
        <TableRow>
          <TableHead>Schedule</TableHead>
          <TableHead>Cron</TableHead>
          <TableHead>Today’s runs</TableHead>
          <TableHead>Last run</TableHead>
          <TableHead>Next run</TableHead>
          {actions && <TableHead>Actions</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {schedules.map((s) => {
          const base = `/api/v1/schedules/${s.namespace}/${s.name}`
          return (
            <TableRow key={`${s.namespace}/${s.name}`}>
              <TableCell className="font-medium">
                {s.name} {s.suspended && <Badge variant="warning">suspended</Badge>}
              </TableCell>
              <TableCell>
                <code className="text-xs">{s.cron ?? '—'}</code> {s.timeZone && <span className="text-muted-foreground text-xs">({s.timeZone})</span>}
              </TableCell>
              <TableCell>
                {s.error ? (
                  <span className="text-destructive text-xs">{s.error}</span>
                ) : s.todayRuns?.length ? (
                  <ul className="space-y-0.5 text-xs">
                    {s.todayRuns.map((run) => (
                      <li key={run.at}>
                        {formatTime(run.at)}{' '}
                        <Badge variant={run.outcome === 'fired' ? 'success' : run.outcome === 'missed' ? 'destructive' : 'outline'}>
                          {run.outcome}
                        </Badge>
                      </li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell>{formatTime(s.lastRunAt)}</TableCell>
              <TableCell>
                {s.suspended ? '—' : formatTime(s.nextRunAt)}
                {!s.suspended && s.nextRunAt && <span className="text-muted-foreground text-xs"> ({formatAge(s.nextRunAt)})</span>}
              </TableCell>
              {actions && (
                <TableCell>
                  {s.suspended ? (
                    <ActionButton label="Resume" icon={<PlayIcon />} invalidates={['ops', 'dashboard']} run={(reason) => post(`${base}/resume`, { reason })} />
                  ) : (
                    <ActionButton
                      label="Suspend"
                      icon={<PauseIcon />}
                      variant="destructive"
                      invalidates={['ops', 'dashboard']}
                      confirm={{ title: `Suspend ${s.name}?`, description: 'No idea is proposed by it until it is resumed.' }}
                      run={(reason) => post(`${base}/suspend`, { reason })}
                    />
                  )}
                </TableCell>
              )}
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
