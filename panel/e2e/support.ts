import { createHmac } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page, TestInfo } from '@playwright/test'

/** The admin's signed-in session, saved by the sign-in spec for the operator specs. */
export const adminState = 'test-results/admin-session.json'

const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? path.resolve(import.meta.dirname, '..', 'test-results')

/** Every spec ends here: a full-page screenshot of where it ended, named after the test. */
export async function screenshot(page: Page, info: TestInfo) {
  mkdirSync(screenshotDir, { recursive: true })
  const name = info.titlePath.slice(1).join(' - ').replace(/[^A-Za-z0-9 _-]+/g, '').replace(/\s+/g, '-')
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

function base32(secret: string) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const c of secret.replace(/=+$/, '').toUpperCase()) {
    const value = alphabet.indexOf(c)
    if (value < 0) throw new Error(`not Base32: ${c}`)
    bits += value.toString(2).padStart(5, '0')
  }
  const bytes = []
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2))
  return Buffer.from(bytes)
}

/** RFC 6238 (HMAC-SHA-1, 6 digits, 30 s) for a time step. */
export function totp(secret: string, step = Math.floor(Date.now() / 30_000)) {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(step))
  const hash = createHmac('sha1', base32(secret)).update(counter).digest()
  const offset = hash[hash.length - 1] & 0xf
  const code = (hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000
  return code.toString().padStart(6, '0')
}

export const currentStep = () => Math.floor(Date.now() / 30_000)
