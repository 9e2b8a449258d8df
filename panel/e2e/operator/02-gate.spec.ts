import { expect, test } from '@playwright/test'
import { screenshot } from '../support'
import { env, requireHarness } from './env'

test('approve a proposal from the Idea Gate page', async ({ page }, info) => {
  requireHarness()
  const idea = env('E2E_GATE_IDEA')
  await page.goto('/gate')
  const proposal = page.locator(`[data-idea="${idea}"]`)
  await expect(proposal).toBeVisible()
  await expect(proposal).toContainText('Nearest past ideas')
  await proposal.getByRole('button', { name: 'Approve' }).click()
  await expect(page.locator(`[data-idea="${idea}"]`)).toHaveCount(0)
  await page.goto(`/ideas/${process.env.E2E_NAMESPACE ?? 'default'}/${idea}`)
  await expect(page.getByTestId('phase').first()).not.toHaveText('Proposed')
  await screenshot(page, info)
})
