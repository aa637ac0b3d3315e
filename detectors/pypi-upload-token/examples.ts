import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

function field(type: number, data: Uint8Array | string): number[] {
  const bytes = typeof data === 'string' ? [...Buffer.from(data, 'latin1')] : [...data];
  const out = [type];
  let n = bytes.length;
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n, ...bytes);
  return out;
}

function uuid(t: TokenFactory): string {
  const h = t.chars(ALPHA.hexLower, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

interface MacaroonParts {
  location?: string;
  caveats?: string[];
  signatureLength?: number;
  /** The signature bytes (default: random). */
  signature?: Uint8Array;
}

/** A binary v2 macaroon shaped like PyPI's (a UUID identifier, JSON caveats), base64url, prefixed. */
export function makePypiToken(t: TokenFactory, parts: MacaroonParts = {}): string {
  const caveats = parts.caveats ?? ['{"permissions": "user", "version": 1}'];
  const bytes = [
    2,
    ...field(1, parts.location ?? 'pypi.org'),
    ...field(2, uuid(t)),
    0,
    ...caveats.flatMap((c) => [...field(2, c), 0]),
    0,
    ...field(6, parts.signature ?? t.bytes(parts.signatureLength ?? 32)),
  ];
  return `pypi-${Buffer.from(bytes).toString('base64url')}`;
}

export const examples: DetectorExamples = {
  generate: (t) => makePypiToken(t),
  withRandom: (t, random) =>
    fitsRandom(random, ALPHA.hexLower, 64) ? makePypiToken(t, { signature: Uint8Array.from(Buffer.from(random, 'hex')) }) : null,
  positives: (t) => {
    const a = makePypiToken(t);
    const b = makePypiToken(t, { caveats: ['{"permissions": {"projects": ["acme-widgets"]}, "version": 1}'] });
    const c = makePypiToken(t, { caveats: ['[1,["acme-widgets","acme-cli"]]', '{"exp": 1767225600, "nbf": 1735689600}'] });
    const d = makePypiToken(t);
    return [
      { text: `[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = ${a}\n`, secret: a },
      { text: `      - name: Publish\n        env:\n          TWINE_PASSWORD: ${b}\n`, secret: b },
      { text: `twine upload -u __token__ -p ${c} dist/*\r\n`, secret: c },
      { text: `{"pypi_token": "${d}"}`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = makePypiToken(t);
    return [
      // Placeholder after the fixed prefix: does not parse as a macaroon.
      `password = pypi-AgEIcHlwaS5vcmc${'x'.repeat(120)}`,
      // Truncated: the signature is cut off.
      `password = ${good.slice(0, -12)}`,
      // A 16-byte signature is not a macaroon v2 HMAC-SHA256 signature.
      `password = ${makePypiToken(t, { signatureLength: 16 })}`,
      // A location other than pypi.org behind the same first bytes.
      `password = ${makePypiToken(t, { location: 'pypi.orx' })}`,
      // Embedded in a longer base64url run.
      `blob=${t.chars(ALPHA.base64url, 10)}${good}`,
    ];
  },
};
