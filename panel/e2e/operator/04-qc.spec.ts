import { expect, test } from '@playwright/test'
import { screenshot } from '../support'
import { env, namespace, requireHarness } from './env'

test('tick a QC checklist', async ({ page }, info) => {
  requireHarness()
  await page.goto(`/qc/${namespace()}/${env('E2E_QC_JOB')}`)
  const manual = page.getByRole('list', { name: 'Manual checks' })
  await expect(manual.locator('[data-item]')).toHaveCount(3)
  await expect(page.getByRole('list', { name: 'Automatic checks' }).locator('[data-item]').first()).toContainText('observed')
  // failing needs a comment: the panel asks for it before calling the API
  await manual.locator('[data-item]').first().getByRole('button', { name: 'Fail' }).click()
  await expect(manual.locator('[data-item]').first()).toContainText('A comment is required')
  // the first item with the keyboard (p = pass on the active item), the others with the buttons
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('p')
  await expect(manual.locator('[data-item]').nth(0).getByTestId('phase')).toHaveText('Passed')
  for (const index of [1, 2]) {
    const item = manual.locator('[data-item]').nth(index)
    await item.getByLabel('Comment (required to fail)').fill('looks right')
    await item.getByRole('button', { name: 'Pass' }).click()
    await expect(item.getByTestId('phase')).toHaveText('Passed')
  }
  await expect(page.getByTestId('phase').first()).toHaveText('Passed')
  await screenshot(page, info)
})
