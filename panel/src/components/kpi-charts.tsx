import { useQuery } from '@tanstack/react-query'
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { api, qs } from '@/lib/api'
import type { Funnel, Page } from '@/lib/types'
import { Empty, QueryState } from './states'

type Row = Record<string, unknown>

const colours = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)']
const axis = { fontSize: 12, fill: 'var(--muted-foreground)' }
const tooltip = { contentStyle: { background: 'var(--popover)', border: '1px solid var(--border)', color: 'var(--popover-foreground)' } }

const funnelStages: [keyof Funnel, string][] = [
  ['proposed', 'Proposed'],
  ['gated', 'Gated'],
  ['written', 'Written'],
  ['valid', 'Valid'],
  ['rendered', 'Rendered'],
  ['passedQc', 'Passed QC'],
  ['published', 'Published'],
]

export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const data = funnelStages.map(([key, stage]) => ({ stage, count: funnel[key] ?? 0 }))
  return (
    <div className="h-64" role="img" aria-label={`Pipeline funnel: ${data.map((d) => `${d.stage} ${d.count}`).join(', ')}`}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis type="number" allowDecimals={false} tick={axis} />
          <YAxis type="category" dataKey="stage" tick={axis} width={80} />
          <Tooltip {...tooltip} />
          <Bar dataKey="count" fill="var(--chart-2)" radius={4} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}

function useKpis(view: string, from: string, to: string) {
  return useQuery({
    queryKey: ['dashboard', 'kpis', view, from, to],
    queryFn: ({ signal }) =>
      api<Page<Row>>(`/api/v1/kpis/${view}` + qs({ from: from.slice(0, 10), to: to.slice(0, 10), limit: 500 }), { signal }),
  })
}

/** Views of each video at 72 h and 7 d after publication (video_kpis, docs/kpi.md). */
export function VideoViewsChart({ from, to }: { from: string; to: string }) {
  const query = useKpis('video_kpis', from, to)
  return (
    <QueryState query={query}>
      {(page) => {
        const byVideo = new Map<string, Row>()
        for (const row of page.items) {
          const key = `${row.platform}/${row.publication_name ?? row.external_id}`
          const entry = byVideo.get(key) ?? { video: key }
          entry[`views ${row.horizon}`] = row.views
          byVideo.set(key, entry)
        }
        const data = [...byVideo.values()].slice(0, 30)
        if (!data.length) return <Empty>No video has reached 72 h yet in this period.</Empty>
        return (
          <div className="h-72" role="img" aria-label="Views per video at 72 hours and 7 days">
            <ResponsiveContainer>
              <BarChart data={data}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
                <XAxis dataKey="video" tick={axis} hide={data.length > 10} />
                <YAxis tick={axis} />
                <Tooltip {...tooltip} />
                <Legend />
                <Bar dataKey="views 72h" fill={colours[0]} />
                <Bar dataKey="views 7d" fill={colours[1]} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )
      }}
    </QueryState>
  )
}

/** Rolling 14-day views per channel (channel_kpis_rolling_14d). */
export function ChannelViewsChart({ from, to }: { from: string; to: string }) {
  const query = useKpis('channel_kpis_rolling_14d', from, to)
  return (
    <QueryState query={query}>
      {(page) => {
        const platforms = [...new Set(page.items.map((r) => String(r.platform)))]
        const byDay = new Map<string, Row>()
        for (const row of page.items) {
          const day = String(row.day)
          const entry = byDay.get(day) ?? { day }
          entry[String(row.platform)] = row.views_14d
          byDay.set(day, entry)
        }
        const data = [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)))
        if (!data.length) return <Empty>No channel metrics in this period.</Empty>
        return (
          <div className="h-72" role="img" aria-label="Rolling 14-day views per channel">
            <ResponsiveContainer>
              <LineChart data={data}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
                <XAxis dataKey="day" tick={axis} />
                <YAxis tick={axis} />
                <Tooltip {...tooltip} />
                <Legend />
                {platforms.map((p, i) => (
                  <Line key={p} type="monotone" dataKey={p} stroke={colours[i % colours.length]} dot={false} strokeWidth={2} />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
        )
      }}
    </QueryState>
  )
}
