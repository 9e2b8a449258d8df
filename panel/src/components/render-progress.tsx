import { useQuery } from '@tanstack/react-query'
import { Progress } from '@/components/ui/progress'
import type { RenderProgress } from '@/lib/types'

/** Cache key where the event stream puts a job's latest progress (never fetched: only events fill it). */
export const progressKey = (namespace: string, name: string) => ['progress', namespace, name] as const

export function useLiveProgress(namespace: string, name: string, fallback?: RenderProgress) {
  const { data } = useQuery<RenderProgress | null>({
    queryKey: progressKey(namespace, name),
    queryFn: () => null,
    enabled: false,
  })
  return data ?? fallback
}

export function ProgressBar({ progress, phase, label }: { progress?: RenderProgress; phase?: string; label: string }) {
  const reported = progress?.percent ?? (progress?.totalFrames ? Math.floor(((progress.frames ?? 0) * 100) / progress.totalFrames) : 0)
  const percent = phase === 'Succeeded' ? 100 : Math.max(0, Math.min(100, reported))
  const frames = progress?.frames !== undefined && progress?.totalFrames ? `${progress.frames}/${progress.totalFrames} frames` : ''
  return (
    <div className="flex min-w-40 items-center gap-2">
      <Progress value={percent} aria-label={label} aria-valuetext={`${percent} %`} data-testid="render-progress" data-value={percent} />
      <span className="text-muted-foreground min-w-28 shrink-0 text-xs tabular-nums whitespace-nowrap">
        {percent} %{frames ? ` · ${frames}` : ''}
        {progress?.etaSeconds ? ` · ${progress.etaSeconds}s left` : ''}
      </span>
    </div>
  )
}

export function LiveProgress({ namespace, name, phase, progress }: { namespace: string; name: string; phase?: string; progress?: RenderProgress }) {
  const live = useLiveProgress(namespace, name, progress)
  return <ProgressBar progress={live} phase={phase} label={`Progress of ${name}`} />
}
