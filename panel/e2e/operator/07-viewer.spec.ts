import { expect, test } from '@playwright/test'
import { screenshot } from '../support'
import { env, namespace, requireHarness } from './env'

// a fresh session: the viewer signs in alone (no TOTP for this user)
test.use({ storageState: { cookies: [], origins: [] } })

test('a viewer sees no action buttons and the API refuses the action when forced', async ({ page }, info) => {
  requireHarness()
  await page.goto('/sign-in')
  await page.getByLabel('User name').fill(env('E2E_VIEWER_USER'))
  await page.getByLabel('Password').fill(env('E2E_VIEWER_PASSWORD'))
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('current-user')).toHaveText(env('E2E_VIEWER_USER'))
  const idea = env('E2E_GATE_IDEAS').split(',').map((s) => s.trim()).find((n) => n !== env('E2E_GATE_IDEA'))!
  await page.goto('/gate')
  await expect(page.locator(`[data-idea="${idea}"]`)).toBeVisible()
  await expect(page.getByRole('button', { name: /Approve|Reject/ })).toHaveCount(0)
  await expect(page.getByRole('checkbox')).toHaveCount(0)
  for (const path of [`/publications/${namespace()}/${env('E2E_PUBLICATION')}`, `/qc/${namespace()}/${env('E2E_QC_JOB')}`]) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByRole('button', { name: /Confirm post|Retry|Cancel|Pass|Fail/ })).toHaveCount(0)
  }
  // forced: the same call the button would make, with the viewer's own CSRF token
  const session = await (await page.request.get('/api/v1/session')).json()
  const refused = await page.request.post(`/api/v1/ideas/${namespace()}/${idea}/approve`, {
    headers: { 'X-CSRF-Token': session.csrfToken, 'Content-Type': 'application/json' },
    data: {},
  })
  expect(refused.status()).toBe(403)
  await page.goto('/gate')
  await expect(page.locator(`[data-idea="${idea}"]`)).toBeVisible()
  await screenshot(page, info)
})
