import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import type { TokenFactory } from '../../test/support/token-factory.js';
import { ALPHA } from '../../test/support/token-factory.js';

const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o), 'utf8').toString('base64url');

/** A JWT with a random signature (`sigLength` base64url characters). */
function jwt(t: TokenFactory, header: unknown, claims: unknown, sigLength = 43): string {
  return `${b64url(header)}.${b64url(claims)}.${t.chars(ALPHA.base64url, sigLength)}`;
}

const claims = (t: TokenFactory): Record<string, unknown> => ({
  sub: `user-${t.chars(ALPHA.hexLower, 8)}`,
  role: 'admin',
  iat: 1700000000 + t.int(1e7),
  exp: 1900000000 + t.int(1e7),
});

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `${p}\n`, jwt(t, { alg: 'HS256', typ: 'JWT' }, claims(t)));
    add((p) => `SERVICE_ROLE_KEY=${p}\n`, jwt(t, { alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', role: 'service_role', iat: 1656596461 }));
    add((p) => `curl -H "Authorization: Bearer ${p}" https://api.corp.io/v1/orders\n`, jwt(t, { alg: 'RS256', kid: t.chars(ALPHA.hexLower, 16) }, claims(t), 342));
    add((p) => `{\n  "access_token": "${p}",\n  "token_type": "Bearer"\n}\n`, jwt(t, { alg: 'ES256', typ: 'JWT' }, claims(t), 86));
    return out;
  },
  negatives: (t) => [
    // Unsigned (`alg: none`), no algorithm (a TeamCity-style token), a header that is not JSON
    `${jwt(t, { alg: 'none', typ: 'JWT' }, claims(t))}`,
    `value="${jwt(t, { typ: 'TCV2' }, claims(t))}"`,
    `${b64url({ alg: 'HS256' }).slice(0, -2)}Ej.${b64url(claims(t))}.${t.chars(ALPHA.base64url, 43)}`,
    // jwt.io's example, a truncated signature, two parts only
    `${jwt(t, { alg: 'HS256', typ: 'JWT' }, { sub: '1234567890', name: 'John Doe', iat: 1516239022 })}`,
    `${jwt(t, { alg: 'HS256' }, claims(t), 12)}`,
    `${b64url({ alg: 'HS256' })}.${b64url(claims(t))}`,
    // Claims that are not a JSON object
    `${b64url({ alg: 'HS256' })}.eyJ${t.chars(ALPHA.base64url, 30)}.${t.chars(ALPHA.base64url, 43)}`,
    // Glued into a longer base64url run
    `x${jwt(t, { alg: 'HS256', typ: 'JWT' }, claims(t))}`,
  ],
};
