import { writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { screenshot } from '../support'
import { env, namespace, requireHarness } from './env'

type Recorded = Window & { progressSeen?: number[] }

/** Every value the progress bar takes from now on, recorded in the page (a reload would lose the record). */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen: number[] = []
    ;(window as Recorded).progressSeen = seen
    const record = () => {
      const value = document.querySelector('[data-testid="render-progress"]')?.getAttribute('data-value')
      if (value != null && Number(value) !== seen.at(-1)) seen.push(Number(value))
    }
    record()
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-value'],
    })
  })
  return () => page.evaluate(() => (window as Recorded).progressSeen ?? null)
}

// The harness's slow agent has claimed E2E_RENDER_JOB and holds it at Rendering before its first frame. With the
// page open, the spec releases it (E2E_RENDER_RELEASE): 300 frames at 10 a second, a progress report every 30.
test('watch a render progress bar move and reach Succeeded without reloading', async ({ page }, info) => {
  requireHarness()
  test.setTimeout(180_000)
  const job = env('E2E_RENDER_JOB')
  await page.goto(`/renders/${namespace()}/${job}`)
  const phase = page.getByTestId('phase').first()
  const bar = page.getByTestId('render-progress')
  await expect(phase).toHaveText('Rendering')
  await expect(bar).toHaveAttribute('data-value', '0')
  const seen = await recordProgress(page)

  writeFileSync(env('E2E_RENDER_RELEASE'), `released by the progress spec at ${new Date().toISOString()}\n`)
  // no reload from here on: the values come from the event stream
  const between = (values: number[] | null) => values?.filter((v) => v > 0 && v < 100).length ?? -1
  await expect
    .poll(async () => between(await seen()), {
      message: 'progress values between 0 and 100 % shown (-1: the page reloaded)',
      timeout: 90_000,
    })
    .toBeGreaterThanOrEqual(3)
  await expect(phase).toHaveText('Succeeded', { timeout: 120_000 })
  await expect(bar).toHaveAttribute('data-value', '100')
  const values = await seen()
  expect(values, 'the progress recorded since the release (null: the page reloaded)').not.toBeNull()
  expect(values, 'the bar only moves forward').toEqual([...values!].sort((a, b) => a - b))
  expect(between(values)).toBeGreaterThanOrEqual(3)
  expect(values!.at(-1)).toBe(100)
  console.log(`render ${job}: the bar showed ${values!.join(' → ')} %`)
  await screenshot(page, info)
})
