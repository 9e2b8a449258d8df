import { expect, test } from '@playwright/test'
import { screenshot } from '../support'
import { auditUrl, enrol, signedIn } from './api'
import { env, requireHarness } from './env'

test('an admin adds a user, resets their TOTP, revokes their sessions and disables them, each confirmed', async ({ page, baseURL }, info) => {
  requireHarness()
  const admin = env('E2E_ADMIN_USER')
  const name = `e2e-user-${Date.now().toString(36)}`
  await page.goto('/users')
  const form = page.getByRole('form', { name: 'Add a user' })
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Role').selectOption('operator')
  await form.getByRole('button', { name: 'Add user' }).click()
  const oneTime = (await page.getByTestId('one-time-password').textContent())!.trim()
  expect(oneTime.length).toBeGreaterThan(8)
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) })
  const badge = (text: string) => row.locator('[data-slot=badge]', { hasText: new RegExp(`^${text}$`) })
  await expect(row).toContainText('operator')
  await expect(badge('one-time password')).toBeVisible()

  // the new user signs in on their own (the API here), changes the password and enrols TOTP
  const user = await signedIn(baseURL!, name, oneTime)
  await enrol(user, oneTime, 'e2e-user-password-5512')
  await page.reload()
  await expect(badge('TOTP')).toBeVisible()

  // Reset TOTP asks first; Cancel changes nothing
  await row.getByRole('button', { name: 'Reset TOTP' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText(`Remove ${name}’s TOTP?`)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(badge('TOTP')).toBeVisible()
  await row.getByRole('button', { name: 'Reset TOTP' }).click()
  await dialog.getByRole('button', { name: 'Reset TOTP' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(badge('TOTP')).toHaveCount(0)

  // Revoke sessions: the user's session ends
  expect((await user.context.get('/api/v1/session')).status()).toBe(200)
  await row.getByRole('button', { name: 'Revoke sessions' }).click()
  await expect(dialog).toContainText(`End every session of ${name}?`)
  await dialog.getByRole('button', { name: 'Revoke sessions' }).click()
  await expect(dialog).toHaveCount(0)
  await expect.poll(async () => (await user.context.get('/api/v1/session')).status()).toBe(401)

  // Disable
  await row.getByRole('button', { name: 'Disable' }).click()
  await expect(dialog).toContainText(`Disable ${name}?`)
  await dialog.getByRole('button', { name: 'Disable' }).click()
  await expect(badge('disabled')).toBeVisible()
  await expect(row.getByRole('button', { name: 'Enable' })).toBeVisible()
  await user.context.dispose()

  // each action in the audit log under the admin's name
  await page.goto(auditUrl(name, admin))
  for (const event of ['User.Added', 'User.TotpReset', 'User.SessionsRevoked', 'User.Disabled']) {
    const entry = page.getByRole('row').filter({ hasText: event })
    await expect(entry).toHaveCount(1)
    await expect(entry.getByTestId('actor')).toHaveText(admin)
  }
  // the user's own steps are theirs, not the admin's: the actor filter leaves them out
  await expect(page.getByRole('row').filter({ hasText: 'User.TotpEnrolled' })).toHaveCount(0)
  await screenshot(page, info)
})
