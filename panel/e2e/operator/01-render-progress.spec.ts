import { expect, test } from '@playwright/test'
import { screenshot } from '../support'
import { env, namespace, requireHarness } from './env'

// Flaky against the seeded standalone mode (a fresh-clone run saw one progress value in 90 s): the slow agent's
// render can start or end before the page watches it. The live progress bar is covered by the mocked spec
// "moves a render progress bar from the event stream"; this one is off until the harness holds the render back.
test.fixme('watch a render progress bar move and reach Succeeded without reloading', async ({ page }, info) => {
  requireHarness()
  test.setTimeout(180_000)
  const ns = namespace()
  let job = env('E2E_RENDER_JOB')
  const detail = await (await page.request.get(`/api/v1/renders/${ns}/${job}`)).json()
  if (detail.phase === 'Succeeded') {
    // too late to see it move: render the same script again and watch the new job
    await page.goto(`/renders/${ns}/${job}`)
    await page.getByRole('button', { name: 'Rerender' }).click()
    const before = new Set<string>()
    const list = await (await page.request.get(`/api/v1/renders?namespace=${ns}&idea=${env('E2E_RENDER_IDEA')}`)).json()
    list.items.forEach((r: { name: string }) => before.add(r.name))
    await page.getByRole('dialog').getByRole('button', { name: 'Rerender' }).click()
    await expect
      .poll(async () => {
        const now = await (await page.request.get(`/api/v1/renders?namespace=${ns}&idea=${env('E2E_RENDER_IDEA')}`)).json()
        return now.items.map((r: { name: string }) => r.name).find((n: string) => !before.has(n)) ?? ''
      })
      .not.toBe('')
    const now = await (await page.request.get(`/api/v1/renders?namespace=${ns}&idea=${env('E2E_RENDER_IDEA')}`)).json()
    job = now.items.map((r: { name: string }) => r.name).find((n: string) => !before.has(n))
  }
  await page.goto(`/renders/${ns}/${job}`)
  const bar = page.getByTestId('render-progress')
  const seen = new Set<number>()
  // no reload from here on: the values come from the event stream
  await expect
    .poll(
      async () => {
        seen.add(Number(await bar.getAttribute('data-value')))
        return [...seen].filter((v) => v > 0 && v < 100).length
      },
      { timeout: 90_000, intervals: [250] },
    )
    .toBeGreaterThanOrEqual(2)
  await expect(page.getByTestId('phase').first()).toHaveText('Succeeded', { timeout: 120_000 })
  await expect(bar).toHaveAttribute('data-value', '100')
  await screenshot(page, info)
})
