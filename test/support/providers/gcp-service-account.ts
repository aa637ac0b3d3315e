import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Google OAuth 2.0 token endpoint stand-in for the service-account flow of
 * https://developers.google.com/identity/protocols/oauth2/service-account#httprest:
 * `POST /token` with the form `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`
 * and `assertion=<JWT>`. It checks the assertion the way Google does: an
 * RS256 JWT whose `iss` names a service account the stand-in holds a public
 * key for (`issueGcpServiceAccountKey`), whose signature verifies with that
 * key (and whose `kid`, when sent, is that key's id), with `aud` the token
 * endpoint, a `scope`, and `iat`/`exp` at most an hour apart around now. Only
 * then is the request's credential the service account's e-mail.
 *
 * The live body is the documented access-token response (`access_token`,
 * `expires_in`, `token_type`); a refused assertion gets the documented
 * `{"error":"invalid_grant","error_description":"Invalid JWT Signature."}`
 * (a deleted, disabled or foreign key). Other documented refusals are
 * exported for the provider-specific tests.
 */
export const GOOGLE_TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';

export const GCP_INVALID_SIGNATURE: StandInReply = { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } };
export const GCP_ACCOUNT_NOT_FOUND: StandInReply = { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid grant: account not found' } };
export const GCP_DISABLED_CLIENT: StandInReply = { status: 401, body: { error: 'disabled_client', error_description: 'The OAuth client was disabled.' } };
export const GCP_CLOCK_SKEW: StandInReply = {
  status: 400,
  body: { error: 'invalid_grant', error_description: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.' },
};
export const GCP_INVALID_SCOPE: StandInReply = { status: 400, body: { error: 'invalid_scope', error_description: 'Invalid OAuth scope or ID token audience provided.' } };

interface IssuedKey {
  readonly publicKey: KeyObject;
  readonly keyId: string;
}

const keys = new Map<string, IssuedKey>();

/** Makes the stand-in know a service account's key, as IAM does once it created it. */
export function issueGcpServiceAccountKey(clientEmail: string, publicKeyPem: string, keyId: string): void {
  keys.set(clientEmail, { publicKey: createPublicKey(publicKeyPem), keyId });
}

/** The parts of a JWT assertion, parsed; undefined when it is not one. */
export interface ParsedAssertion {
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

export function parseAssertion(request: RecordedRequest): ParsedAssertion | undefined {
  if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return undefined;
  const form = new URLSearchParams(request.body);
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return undefined;
  const parts = (form.get('assertion') ?? '').split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    return { header, claims, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2]!, 'base64url') };
  } catch {
    return undefined;
  }
}

/** The service account whose valid assertion the request carries; undefined for any flaw. */
export function assertionCredential(request: RecordedRequest): string | undefined {
  const a = parseAssertion(request);
  if (!a || a.header['alg'] !== 'RS256') return undefined;
  const { iss, aud, scope, iat, exp } = a.claims;
  if (typeof iss !== 'string' || aud !== GOOGLE_TOKEN_AUDIENCE || typeof scope !== 'string' || scope.length === 0) return undefined;
  if (typeof iat !== 'number' || typeof exp !== 'number') return undefined;
  const now = Math.floor(Date.now() / 1000);
  if (exp <= iat || exp - iat > 3600 || iat > now + 60 || exp < now) return undefined;
  const key = keys.get(iss);
  if (!key) return undefined;
  if (a.header['kid'] !== undefined && a.header['kid'] !== key.keyId) return undefined;
  return verify('RSA-SHA256', Buffer.from(a.signingInput, 'utf8'), key.publicKey, a.signature) ? iss : undefined;
}

export const gcpServiceAccountRoutes: StandInRoute[] = [
  {
    method: 'POST',
    path: '/token',
    credential: assertionCredential,
    live: () => ({
      status: 200,
      body: { access_token: `ya29.c.${randomBytes(48).toString('base64url')}`, expires_in: 3599, token_type: 'Bearer' },
    }),
    revoked: () => GCP_INVALID_SIGNATURE,
  },
];
