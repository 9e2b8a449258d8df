import { createServer } from 'node:net'
import { defineConfig, devices } from '@playwright/test'
import { adminState } from './e2e/support'

/**
 * Two kinds of specs: e2e/mocked/* answer the API with page.route (they run anywhere, against `vite preview` by
 * default), e2e/operator/* run against a real standalone operator seeded by the JUnit harness
 * (PanelEndToEndTest; /work/wt/_notes/panel-contract.md lists its E2E_* variables) and skip without E2E_BASE_URL.
 * The browser is Debian's chromium: no browser is downloaded (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
 */
const chromium = process.env.E2E_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const external = process.env.E2E_BASE_URL

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

// the port is chosen once and handed to the workers through the environment (they re-read this file)
process.env.E2E_PREVIEW_PORT ??= String(await freePort())
const previewPort = Number(process.env.E2E_PREVIEW_PORT)

// the harness's scenario (only with E2E_BASE_URL): signing in through the form (TOTP) saves the session the
// other specs reuse; the render the progress spec watches is held by its agent until that spec releases it
const operatorProjects = external
  ? [
      { name: 'operator-sign-in', testMatch: /operator\/sign-in\.setup\.ts/ },
      {
        name: 'operator',
        testMatch: /operator\/.*\.spec\.ts/,
        dependencies: ['operator-sign-in'],
        use: { storageState: adminState },
      },
    ]
  : []

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: external ?? `http://127.0.0.1:${previewPort}`,
    launchOptions: { executablePath: chromium, args: ['--autoplay-policy=no-user-gesture-required'] },
    timezoneId: 'Europe/Paris',
    trace: 'off',
  },
  projects: [...operatorProjects, { name: 'mocked', testMatch: /mocked\/.*\.spec\.ts/ }],
  webServer: external
    ? undefined
    : {
        command: `npx vite preview --host 127.0.0.1 --port ${previewPort} --strictPort`,
        url: `http://127.0.0.1:${previewPort}`,
        reuseExistingServer: false,
        timeout: 60_000,
      },
})
