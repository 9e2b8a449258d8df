import { expect, test, type Page } from '@playwright/test'
import { screenshot } from '../support'
import { auditUrl } from './api'
import { env, namespace, requireHarness } from './env'

/** Clicks an idea action, checks its confirmation names what it does, confirms, and waits for the dialog to close. */
async function confirmAction(page: Page, label: string, question: string) {
  await page.getByRole('button', { name: label }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText(question)
  await dialog.getByLabel('Reason (optional, kept in the audit log)').fill(`e2e: ${label}`)
  await dialog.getByRole('button', { name: label }).click()
  await expect(dialog).toHaveCount(0)
}

/** The idea as the API answers it: its current render job, its jobs and attempts. */
async function ideaDetail(page: Page, name: string) {
  const answer = await page.request.get(`/api/v1/ideas/${namespace()}/${name}`)
  expect(answer.status(), await answer.text()).toBe(200)
  return answer.json()
}

const rows = (page: Page, table: string) => page.getByRole('table', { name: table }).locator('tbody tr')

test('rerender and rerun from an idea page, each found in the audit log under the user name', async ({ page }, info) => {
  requireHarness()
  test.setTimeout(150_000)
  const user = env('E2E_ADMIN_USER')

  const rerendered = env('E2E_RERENDER_IDEA')
  const before = await ideaDetail(page, rerendered)
  const firstJob: string = before.currentRenderJob
  await page.goto(`/ideas/${namespace()}/${rerendered}`)
  await expect(rows(page, 'Render jobs')).toHaveCount(before.renderJobs.length)
  await confirmAction(page, 'Rerender', 'Render the same script again?')
  // the new job appears without a reload (the event stream)
  await expect.poll(() => rows(page, 'Render jobs').count(), { timeout: 60_000 }).toBeGreaterThan(before.renderJobs.length)

  const rerun = env('E2E_RERUN_IDEA')
  const attempts = (await ideaDetail(page, rerun)).attempts.length
  await page.goto(`/ideas/${namespace()}/${rerun}`)
  await expect(rows(page, 'Script attempts')).toHaveCount(attempts)
  await confirmAction(page, 'Rerun attempt', 'Ask for one more script attempt?')
  await expect(rows(page, 'Script attempts')).toHaveCount(attempts + 1, { timeout: 60_000 })

  for (const [subject, event] of [
    [firstJob, 'RenderJob.RerenderRequested'],
    [rerun, 'AnimationIdea.RerunAttemptRequested'],
  ]) {
    await page.goto(auditUrl(subject, user))
    const entry = page.getByRole('row').filter({ hasText: event })
    await expect(entry).toHaveCount(1)
    await expect(entry.getByTestId('actor')).toHaveText(user)
  }
  await page.getByRole('row').filter({ hasText: 'AnimationIdea.RerunAttemptRequested' }).getByText('show').click()
  await expect(page.locator('details[open] pre')).toContainText('e2e: Rerun attempt')
  await screenshot(page, info)
})
