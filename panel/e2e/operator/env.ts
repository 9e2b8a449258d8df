import { test } from '@playwright/test'

/** The harness's variables (/work/wt/_notes/panel-contract.md); the operator specs skip when they are absent. */
export function env(name: string) {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set (the JUnit harness PanelEndToEndTest sets it)`)
  return value
}

export const harness = !!process.env.E2E_BASE_URL

export function requireHarness() {
  test.skip(!harness, 'needs the standalone operator started by PanelEndToEndTest (E2E_BASE_URL)')
}

export const namespace = () => process.env.E2E_NAMESPACE ?? 'default'
