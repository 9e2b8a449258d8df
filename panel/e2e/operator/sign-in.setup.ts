import { expect, test } from '@playwright/test'
import { adminState, currentStep, screenshot, totp } from '../support'
import { env, requireHarness } from './env'

test('sign in with TOTP', async ({ page }, info) => {
  requireHarness()
  await page.goto('/')
  await expect(page).toHaveURL(/\/sign-in/)
  await page.getByLabel('User name').fill(env('E2E_ADMIN_USER'))
  await page.getByLabel('Password').fill(env('E2E_ADMIN_PASSWORD'))
  await page.getByRole('button', { name: 'Sign in' }).click()
  const code = page.getByLabel('Six-digit code')
  await expect(code).toBeVisible()
  const step = currentStep()
  await code.fill(totp(env('E2E_ADMIN_TOTP_SECRET'), step))
  await page.getByRole('button', { name: 'Verify' }).click()
  const dashboard = page.getByRole('heading', { name: 'Dashboard' })
  // a code is accepted once per 30 s step: if the harness's enrolment used this step, the next one is fresh
  await expect(dashboard.or(page.getByTestId('problem'))).toBeVisible()
  if (!(await dashboard.isVisible())) {
    await expect.poll(currentStep, { timeout: 35_000, intervals: [500] }).toBeGreaterThan(step)
    await code.fill(totp(env('E2E_ADMIN_TOTP_SECRET')))
    await page.getByRole('button', { name: 'Verify' }).click()
  }
  await expect(dashboard).toBeVisible()
  await expect(page.getByTestId('current-user')).toHaveText(env('E2E_ADMIN_USER'))
  await page.context().storageState({ path: adminState })
  await screenshot(page, info)
})
