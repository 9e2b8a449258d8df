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

const rows = (page: Page, table: string) => page.getByRole('table', { name: table }).locator('tbody tr')

test('rerender and rerun from an idea page, each found in the audit log under the user name', async ({ page }, info) => {
  requireHarness()
  test.setTimeout(150_000)
  const user = env('E2E_ADMIN_USER')

  const rerendered = env('E2E_RERENDER_IDEA')
  await page.goto(`/ideas/${namespace()}/${rerendered}`)
  await expect(rows(page, 'Render jobs')).toHaveCount(1)
  const firstJob = (await rows(page, 'Render jobs').first().locator('a').first().textContent())!.trim()
  await confirmAction(page, 'Rerender', 'Render the same script again?')
  // the new job appears without a reload (the event stream)
  await expect(rows(page, 'Render jobs')).toHaveCount(2, { timeout: 60_000 })

  const rerun = env('E2E_RERUN_IDEA')
  await page.goto(`/ideas/${namespace()}/${rerun}`)
  await expect(rows(page, 'Script attempts')).toHaveCount(1)
  await confirmAction(page, 'Rerun attempt', 'Ask for one more script attempt?')
  await expect(rows(page, 'Script attempts')).toHaveCount(2, { timeout: 60_000 })

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
