import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen } from '@testing-library/react'
import { mediaErrorText, VideoPlayer } from './video-player'

describe('VideoPlayer', () => {
  it('says so when there is no video', () => {
    render(<VideoPlayer label="Video of job" />)
    expect(screen.getByText('No video for this job.')).toBeInTheDocument()
  })

  it('asks once for a fresh link, then shows why the video cannot be played', () => {
    const onExpired = vi.fn()
    const { rerender } = render(<VideoPlayer src="/a.mp4?sig=1" onExpired={onExpired} label="Video of job" />)
    fireEvent.error(screen.getByTestId('video'))
    expect(onExpired).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    rerender(<VideoPlayer src="/a.mp4?sig=2" onExpired={onExpired} label="Video of job" />)
    fireEvent.error(screen.getByTestId('video'))
    expect(onExpired).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('alert')).toHaveTextContent('The video cannot be played')
    expect(screen.getByRole('alert')).toHaveTextContent('the browser could not load it')
  })

  it('names the media error', () => {
    expect(mediaErrorText({ code: 4, message: 'DEMUXER_ERROR' } as MediaError)).toBe(
      'the file or its format is not supported, or the link no longer serves it (DEMUXER_ERROR)',
    )
    expect(mediaErrorText({ code: 2, message: '' } as MediaError)).toBe('a network error stopped the download')
  })
})
