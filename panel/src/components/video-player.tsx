import { useState } from 'react'
import { Empty, ProblemAlert } from './states'

const mediaErrors: Record<number, string> = {
  1: 'the download was aborted',
  2: 'a network error stopped the download',
  3: 'the file could not be decoded',
  4: 'the file or its format is not supported, or the link no longer serves it',
}

/** Why the browser gave up on the video, from its MediaError. */
export function mediaErrorText(error: MediaError | null | undefined) {
  const reason = (error && mediaErrors[error.code]) || 'the browser could not load it'
  return error?.message ? `${reason} (${error.message})` : reason
}

/**
 * The render's MP4 from its signed link: the browser seeks with HTTP Range requests on its own. A link expires, so
 * a failed load asks the page for fresh links once; when the fresh link fails too, the reason is shown instead of a
 * black box (and the page is not asked again and again).
 */
export function VideoPlayer({ src, poster, onExpired, label }: { src?: string; poster?: string; onExpired?: () => void; label: string }) {
  const [refreshed, setRefreshed] = useState(false)
  const [failure, setFailure] = useState<string>()
  if (!src) return <Empty>No video for this job.</Empty>
  if (failure) return <ProblemAlert error={new Error(failure)} title="The video cannot be played" />
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
      onError={(event) => {
        if (onExpired && !refreshed) {
          setRefreshed(true)
          onExpired()
        } else {
          setFailure(mediaErrorText(event.currentTarget.error))
        }
      }}
      className="max-h-[70vh] w-full rounded-md bg-black object-contain"
    />
  )
}
