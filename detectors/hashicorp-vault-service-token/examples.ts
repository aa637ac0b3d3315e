import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function bytesField(number: number, data: number[]): number[] {
  return [(number << 3) | 2, ...varint(data.length), ...data];
}

/** A server-side-consistent service token: hvs. + base64url(SignedToken). */
export function makeSignedServiceToken(t: TokenFactory, opts: { hmacLength?: number; version?: number; random?: string } = {}): string {
  const random = [...Buffer.from(`hvs.${opts.random ?? t.chars(ALPHA.base62, 24)}`, 'latin1')];
  const token = [...bytesField(1, random), 0x10, ...varint(1000 + t.int(1_000_000)), 0x18, 2];
  const signed = [0x08, opts.version ?? 1, ...bytesField(2, [...t.bytes(opts.hmacLength ?? 32)]), ...bytesField(3, token)];
  return `hvs.${Buffer.from(signed).toString('base64url')}`;
}

export function makeShortServiceToken(t: TokenFactory): string {
  return `hvs.${t.chars(ALPHA.base62, 24)}`;
}

export const examples: DetectorExamples = {
  generate: (t) => makeSignedServiceToken(t),
  withRandom: (t, random) => (fitsRandom(random, ALPHA.base62, 24) ? makeSignedServiceToken(t, { random }) : null),
  positives: (t) => {
    const a = makeSignedServiceToken(t);
    const b = makeSignedServiceToken(t);
    const root = makeShortServiceToken(t);
    const ns = `${makeShortServiceToken(t)}.${t.chars(ALPHA.base62, 5)}`;
    return [
      { text: `export VAULT_ADDR=https://vault.internal:8200\nexport VAULT_TOKEN=${a}\n`, secret: a },
      { text: `vault:\r\n  address: https://vault.internal:8200\r\n  token: "${b}"\r\n`, secret: b },
      { text: `Unseal Key 1: (redacted)\n\nInitial Root Token: ${root}\n`, secret: root },
      { text: `{"auth": {"client_token": "${ns}", "renewable": true}}`, secret: ns },
    ];
  },
  negatives: (t) => {
    const good = makeSignedServiceToken(t);
    return [
      // Shape-only fabrications: 37 random characters is neither form.
      `apikey: hvs.${t.chars(ALPHA.base62, 37)}`,
      `VAULT_TOKEN=hvs.${'x'.repeat(24)}`,
      // Signed form with a short HMAC or an unknown version: not a SignedToken.
      `VAULT_TOKEN=${makeSignedServiceToken(t, { hmacLength: 20 })}`,
      `VAULT_TOKEN=${makeSignedServiceToken(t, { version: 7 })}`,
      // Random base64url of the right length does not parse.
      `VAULT_TOKEN=hvs.${t.chars(ALPHA.base64url, 110)}`,
      // Truncated.
      `VAULT_TOKEN=${good.slice(0, -6)}`,
      'const hvs.config = loadConfig();',
    ];
  },
};
