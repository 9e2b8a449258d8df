import { expect, test } from '@playwright/test'
import { screenshot } from '../support'
import { installMockApi, mockState } from './mock-api'

/** Runs without the operator: proves the build, the browser (Debian's chromium) and the panel's wiring. */
test.describe('panel with a mocked API', () => {
  test('signs in with a password then a TOTP code', async ({ page }, info) => {
    const state = mockState()
    await installMockApi(page, state)
    await page.goto('/gate')
    await expect(page).toHaveURL(/\/sign-in/)
    await page.getByLabel('User name').fill('ada')
    await page.getByLabel('Password').fill('wrong password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByTestId('problem')).toContainText('wrong user name or password')
    await page.getByLabel('Password').fill('correct horse battery')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByLabel('Six-digit code').fill('123456')
    await page.getByRole('button', { name: 'Verify' }).click()
    await expect(page.getByRole('heading', { name: 'Idea Gate' })).toBeVisible()
    await expect(page.getByTestId('current-user')).toHaveText('ada')
    await screenshot(page, info)
  })

  test('a session that ends while a page is open leads to the sign-in page once', async ({ page }, info) => {
    const state = mockState()
    state.signedIn = true
    await installMockApi(page, state)
    await page.goto('/ideas')
    await expect(page.getByRole('heading', { name: 'Ideas' })).toBeVisible()
    state.signedIn = false // revoked on the server: the next request answers 401
    await page.getByRole('link', { name: 'Idea Gate' }).click()
    await expect(page.getByLabel('User name')).toBeVisible()
    const url = new URL(page.url())
    expect(url.pathname).toBe('/sign-in')
    expect(url.searchParams.get('redirect')).toMatch(/^\/(gate|ideas)/)
    expect(page.url().length).toBeLessThan(200)
    await screenshot(page, info)
  })

  test('approves a proposal from the Idea Gate with the CSRF token', async ({ page }, info) => {
    const state = mockState()
    state.signedIn = true
    await installMockApi(page, state)
    await page.goto('/gate')
    const proposal = page.locator('[data-idea="domino-spiral"]')
    await expect(proposal).toContainText('Domino line')
    await proposal.getByRole('button', { name: 'Approve' }).click()
    await expect(page.locator('[data-idea="domino-spiral"]')).toHaveCount(0)
    expect(state.csrfSeen).toEqual(['csrf-1'])
    expect(state.proposals[0].phase).toBe('Accepted')
    await screenshot(page, info)
  })

  test('moves a render progress bar from the event stream without reloading', async ({ page }, info) => {
    const state = mockState()
    state.signedIn = true
    state.events.push(
      'event: change\nid: e-1\ndata: ' +
        JSON.stringify({ id: 'e-1', type: 'change', kind: 'RenderJob', namespace: 'default', name: 'job-1', data: { phase: 'Rendering', progress: { percent: 64 } } }) +
        '\n\n',
    )
    await installMockApi(page, state)
    await page.goto('/renders/default/job-1')
    await expect(page.getByTestId('render-progress')).toHaveAttribute('data-value', '64')
    await screenshot(page, info)
  })

  test('a viewer sees no action buttons', async ({ page }, info) => {
    const state = mockState('viewer')
    state.signedIn = true
    await installMockApi(page, state)
    await page.goto('/gate')
    await expect(page.locator('[data-idea="domino-spiral"]')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Reject' })).toHaveCount(0)
    await screenshot(page, info)
  })

  test('shows an API problem instead of a blank page', async ({ page }, info) => {
    const state = mockState()
    state.signedIn = true
    await installMockApi(page, state)
    await page.goto('/publications/default/missing')
    await expect(page.getByTestId('problem')).toContainText('no mock for GET /api/v1/publications/default/missing')
    await screenshot(page, info)
  })

  test('draws the dashboard: alerts, rates, funnel and KPI charts', async ({ page }, info) => {
    const state = mockState()
    state.signedIn = true
    await installMockApi(page, state)
    await page.goto('/')
    await expect(page.getByText('render agent mac-1 is not ready')).toBeVisible()
    await expect(page.getByText('62.5 %')).toBeVisible()
    await expect(page.getByTestId('llm-cost')).toHaveText('Cost in the period: $0.4213')
    await expect(page.getByRole('img', { name: /Pipeline funnel: Proposed 12/ }).locator('.recharts-bar-rectangle').first()).toBeVisible()
    await expect(page.getByRole('img', { name: 'Rolling 14-day views per channel' }).locator('.recharts-line')).toHaveCount(1)
    await screenshot(page, info)
  })

  test('keeps the sidebar the full height of a long page, its links in view when scrolled', async ({ page }, info) => {
    const state = mockState()
    state.signedIn = true
    await page.setViewportSize({ width: 1280, height: 600 })
    await installMockApi(page, state)
    await page.goto('/')
    await expect(page.getByRole('img', { name: 'Rolling 14-day views per channel' }).locator('.recharts-line')).toHaveCount(1)
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight)
    expect(pageHeight, 'the dashboard is longer than the window').toBeGreaterThan(900)
    // its background and border are the aside's: it must reach the bottom of the page, not of the first screen
    const aside = await page.locator('aside').boundingBox()
    expect(aside?.y).toBe(0)
    expect(aside?.height).toBeGreaterThanOrEqual(pageHeight - 1)
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await expect(page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Dashboard' })).toBeInViewport()
    await screenshot(page, info)
  })

  test('shows ops: agents, queue, schedules with suspend, health', async ({ page }, info) => {
    const state = mockState()
    state.signedIn = true
    await installMockApi(page, state)
    await page.goto('/ops')
    await expect(page.getByRole('table', { name: 'Render agents' })).toContainText('standin-a')
    await expect(page.getByRole('table', { name: 'Render agents' })).toContainText('NotReady')
    await expect(page.getByRole('button', { name: 'Suspend' })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Health checks' })).toContainText('UP')
    await screenshot(page, info)
  })

  test('shows an idea with its script, highlighted, and the error at its line', async ({ page }, info) => {
    const state = mockState()
    state.signedIn = true
    await installMockApi(page, state)
    await page.goto('/ideas/default/seesaw')
    await expect(page.locator('[data-error-line="4"]')).toContainText("Expected ':' after function declaration")
    await expect(page.getByRole('list', { name: 'Nearest past ideas' })).toContainText('Lever and weights')
    await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('AnimationIdea.Proposed')
    await expect(page.getByRole('button', { name: 'Rerun attempt' })).toBeVisible()
    await screenshot(page, info)
  })
})
