import { expect, request, test } from '@playwright/test'
import { adminState, screenshot, totp } from '../support'
import { auditUrl } from './api'
import { requireHarness } from './env'

// a user of its own: enrolling TOTP and signing out must not touch the admin's session the other specs share
test.use({ storageState: { cookies: [], origins: [] } })

test('a user enrols their own TOTP, keeps the recovery codes, signs out and back in with one', async ({ page, baseURL }, info) => {
  requireHarness()
  const name = `e2e-account-${Date.now().toString(36)}`
  const password = 'e2e-account-password-8841'
  const admin = await request.newContext({ baseURL, storageState: adminState })
  const csrf = (await (await admin.get('/api/v1/session')).json()).csrfToken
  const added = await admin.post('/api/v1/users', { data: { name, role: 'viewer' }, headers: { 'X-CSRF-Token': csrf } })
  expect(added.status(), await added.text()).toBe(200)
  const oneTime = (await added.json()).oneTimePassword as string
  await admin.dispose()

  const signIn = async (secret: string) => {
    await page.getByLabel('User name').fill(name)
    await page.getByLabel('Password').fill(secret)
    await page.getByRole('button', { name: 'Sign in' }).click()
  }
  await page.goto('/')
  await signIn(oneTime)
  // the one-time password is changed on the Account page before anything else opens
  await expect(page).toHaveURL(/\/account/)
  const change = page.getByRole('form', { name: 'Change password' })
  await change.getByLabel('Current password').fill(oneTime)
  await change.getByLabel('New password', { exact: true }).fill(password)
  await change.getByLabel('New password again').fill(password)
  await change.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('button', { name: 'Go to the dashboard' })).toBeVisible()

  await page.getByRole('button', { name: 'Set up TOTP' }).click()
  await expect(page.getByRole('img', { name: 'QR code of the TOTP secret' })).toBeVisible()
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim()
  await page.getByLabel('Code from the app').fill(totp(secret))
  await page.getByRole('button', { name: 'Turn on TOTP' }).click()
  const codes = page.getByTestId('recovery-codes').locator('li')
  await expect(codes.first()).toBeVisible()
  expect(await codes.count()).toBeGreaterThanOrEqual(5)
  const recovery = (await codes.first().textContent())!.trim()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in/)
  await signIn(password)
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click()
  await page.getByLabel('Recovery code').fill(recovery)
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByTestId('current-user')).toHaveText(name)

  // their own steps, under their own name
  await page.goto(auditUrl(name, name))
  for (const event of ['User.PasswordChanged', 'User.TotpEnrolled', 'User.SignedOut']) {
    await expect(page.getByRole('row').filter({ hasText: event }).first()).toBeVisible()
  }
  await page.getByRole('row').filter({ hasText: 'User.SignedIn' }).first().getByText('show').click()
  await expect(page.locator('details[open] pre')).toContainText('recovery code')
  await screenshot(page, info)
})
