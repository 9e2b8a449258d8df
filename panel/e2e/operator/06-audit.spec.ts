import { expect, test } from '@playwright/test'
import { screenshot } from '../support'
import { env, requireHarness } from './env'

test('find each action in the audit log under the user name', async ({ page }, info) => {
  requireHarness()
  const user = env('E2E_ADMIN_USER')
  const actions: [string, string][] = [
    [env('E2E_GATE_IDEA'), 'AnimationIdea.Approved'],
    [env('E2E_QC_JOB'), 'QcItem.Ticked'],
    [env('E2E_PUBLICATION'), 'Publication.ManualPostConfirmed'],
  ]
  for (const [subject, event] of actions) {
    await page.goto(`/audit?subjectName=${encodeURIComponent(subject)}&actor=${encodeURIComponent(user)}`)
    const row = page.getByRole('row').filter({ hasText: event })
    await expect(row.first()).toBeVisible()
    await expect(row.first().getByTestId('actor')).toHaveText(user)
  }
  await page.getByRole('row').filter({ hasText: 'Publication.ManualPostConfirmed' }).first().getByText('show').click()
  await expect(page.locator('details[open] pre')).toBeVisible()
  await screenshot(page, info)
})
