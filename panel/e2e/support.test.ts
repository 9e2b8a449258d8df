import { describe, expect, it } from 'vitest'
import { totp } from './support'

describe('totp', () => {
  it('matches RFC 6238 appendix B (SHA-1) truncated to six digits', () => {
    // secret "12345678901234567890" in Base32; T = 59 s and 1111111109 s
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
    expect(totp(secret, Math.floor(59 / 30))).toBe('287082')
    expect(totp(secret, Math.floor(1111111109 / 30))).toBe('081804')
  })
})
