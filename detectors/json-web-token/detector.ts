import type { Candidate, Detector, Verdict } from '../types.js';

/**
 * A signed JSON Web Token (RFC 7519): whoever holds it is whoever it says,
 * until it expires, so one in a file is a bearer credential. Legacy tier:
 * many are expired or issued by test fixtures, and whether one still works
 * depends on its issuer; the validator only proves the structure (a JSON
 * header naming a signing algorithm, a JSON claims object, a signature).
 */

function decodeJson(part: string): unknown {
  try {
    const text = Buffer.from(part, 'base64url').toString('utf8');
    if (!text.startsWith('{')) return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Shortest signature of a real algorithm: HS256 and ES256 signatures are 43 and 86 base64url characters. */
const MIN_SIGNATURE = 32;

export function validateJwt({ secret }: Candidate): Verdict | null {
  const parts = secret.split('.');
  if (parts.length !== 3) return null;
  const [h, p, sig] = parts as [string, string, string];
  if (sig.length < MIN_SIGNATURE) return null;
  const header = decodeJson(h);
  if (!isObject(header) || typeof header['alg'] !== 'string' || /^none$/i.test(header['alg'])) return null;
  const claims = decodeJson(p);
  if (!isObject(claims)) return null;
  // jwt.io's default example (subject 1234567890, John Doe), reproduced in countless tutorials and tests.
  if (claims['sub'] === '1234567890' && claims['name'] === 'John Doe') return null;
  const names = Object.keys(claims);
  return {
    confidence: 'medium',
    reason: `signed JWT (${header['alg']}) with ${names.length} claim${names.length === 1 ? '' : 's'}${names.length > 0 ? ` (${names.slice(0, 4).join(', ')})` : ''}: a bearer credential until it expires`,
  };
}

export const detector: Detector = {
  id: 'json-web-token',
  family: 'json-web-token',
  provider: 'Generic',
  title: 'Signed JSON Web Token (bearer credential)',
  severity: 'medium',
  tier: 'legacy',
  docs: 'https://datatracker.ietf.org/doc/html/rfc7519',
  revoke:
    'Find the issuer (its `iss` claim or the service it is sent to); revoke the session or rotate the signing key there, since a JWT stays valid until it expires.',
  keywords: ['eyJ'],
  // Header `{"` (base64url `eyJ`), claims `{` ..., signature.
  pattern: String.raw`(?P<secret>eyJ[A-Za-z0-9_-]{10,}\.ey[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{${MIN_SIGNATURE},})`,
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 4096 },
  // Base64url up to the header's dot: base64 JSON with `+`, `/` or `=` (inline source maps) never reaches RE2.
  requires: { anyOf: '.', over: 'A-Za-z0-9_-', within: 4096 },
  validate: validateJwt,
};
