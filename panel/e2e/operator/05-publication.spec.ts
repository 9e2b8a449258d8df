import { expect, test } from '@playwright/test'
import { screenshot } from '../support'
import { env, namespace, requireHarness } from './env'

test('confirm a manual publication', async ({ page }, info) => {
  requireHarness()
  await page.goto(`/publications/${namespace()}/${env('E2E_PUBLICATION')}`)
  await expect(page.getByRole('link', { name: 'Download the MP4' })).toHaveAttribute('href', /artifacts/)
  await expect(page.getByTestId('caption')).not.toBeEmpty()
  await page.getByLabel('Post URL').fill(env('E2E_PUBLICATION_URL'))
  await page.getByRole('button', { name: 'Confirm post' }).click()
  await expect(page.getByTestId('post-url')).toHaveText(env('E2E_PUBLICATION_URL'))
  await expect(page.getByTestId('phase').first()).toHaveText('Published')
  await screenshot(page, info)
})
