import { expect, test } from '@playwright/test'
import { screenshot } from '../support'
import { env, namespace, requireHarness } from './env'

test('play the preview: the video reaches readyState >= 2 and seeks', async ({ page }, info) => {
  requireHarness()
  await page.goto(`/renders/${namespace()}/${env('E2E_PREVIEW_JOB')}`)
  const video = page.getByTestId('video')
  await expect(video).toBeVisible()
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 }).toBeGreaterThanOrEqual(2)
  const duration = await video.evaluate((v: HTMLVideoElement) => v.duration)
  expect(duration).toBeGreaterThan(0)
  const target = Math.min(1, duration / 2)
  const seeked = await video.evaluate(
    (v: HTMLVideoElement, t: number) =>
      new Promise<number>((resolve, reject) => {
        v.addEventListener('seeked', () => resolve(v.currentTime), { once: true })
        v.addEventListener('error', () => reject(new Error(`video error ${v.error?.code}`)), { once: true })
        v.currentTime = t
      }),
    target,
  )
  expect(Math.abs(seeked - target)).toBeLessThan(0.5)
  await screenshot(page, info)
})
