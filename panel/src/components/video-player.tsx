import { Empty } from './states'

/**
 * The render's MP4 from its signed link: the browser seeks with HTTP Range requests on its own. A link expires, so
 * a failed load asks the page for fresh links.
 */
export function VideoPlayer({ src, poster, onExpired, label }: { src?: string; poster?: string; onExpired?: () => void; label: string }) {
  if (!src) return <Empty>No video for this job.</Empty>
  return (
    <video
      key={src}
      src={src}
      poster={poster}
      controls
      preload="auto"
      playsInline
      aria-label={label}
      data-testid="video"
      onError={onExpired}
      className="max-h-[70vh] w-full rounded-md bg-black object-contain"
    />
  )
}
