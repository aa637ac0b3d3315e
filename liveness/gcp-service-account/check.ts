import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Google Cloud service-account key files. The finding's secret is the
 * `private_key` PEM as written in the file (its `\n` escapes perhaps
 * escaped once more); the other fields of the file come in the match's
 * `before` / `after` context groups, from which the check reads
 * `client_email` (required), `project_id` and `private_key_id`.
 *
 * Google's documented server-to-server flow is the least a key can be asked:
 * a JWT (RS256; `iss` = client_email, `scope`, `aud` =
 * https://oauth2.googleapis.com/token, `iat`, `exp` at most an hour later)
 * signed with the private key and POSTed to the token endpoint as
 * `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<JWT>`.
 * Google answers with a short-lived access token, or refuses the grant; no
 * API is called with the token and nothing changes. The scope asked for is
 * `cloud-platform.read-only`. The token only ever goes to the configured
 * token endpoint, never to a `token_uri` named in the finding; key files of
 * another universe (`universe_domain` other than googleapis.com) are not
 * tested.
 *
 * - 200 with `access_token`: Google accepted the key: live; the owner is the
 *   service account (client_email, project, key id) whose identity Google
 *   just verified by the signature.
 * - 400 `invalid_grant` "Invalid JWT Signature.": the key was deleted,
 *   disabled or has expired, or is not a key of that service account:
 *   revoked.
 * - 400 `invalid_grant` "Invalid grant: account not found": the service
 *   account was deleted (or disabled): revoked.
 * - 401 `disabled_client` "The OAuth client was disabled.": the key (or its
 *   account) is disabled: revoked.
 * - `invalid_grant` "Invalid JWT: Token must be a short-lived token ..." is
 *   about our clock, not the key; `invalid_scope`, other errors, 429, 5xx:
 *   unknown.
 */
export const GOOGLE_TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';
export const GCP_READ_ONLY_SCOPE = 'https://www.googleapis.com/auth/cloud-platform.read-only';
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Token URIs Google's key files have named over the years; all are Google's one token endpoint. */
const GOOGLE_TOKEN_URIS = new Set([GOOGLE_TOKEN_AUDIENCE, 'https://accounts.google.com/o/oauth2/token', 'https://www.googleapis.com/oauth2/v4/token']);
/** Lifetime of the assertion (Google allows at most an hour). */
const ASSERTION_SECONDS = 300;

const INVALID_SIGNATURE = /invalid jwt signature/i;
const ACCOUNT_NOT_FOUND = /account not found/i;

export const gcpServiceAccountCheck: ProviderCheck = {
  id: 'gcp-service-account',
  provider: 'Google Cloud',
  detectors: ['gcp-service-account-key'],
  apiReference: 'https://developers.google.com/identity/protocols/oauth2/service-account#httprest',
  defaultBaseUrl: 'https://oauth2.googleapis.com',
  // Google documents no per-key limit for the token endpoint; stay well below any quota.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const fields = readKeyFileFields(input.context);
    if (!fields.clientEmail) return { outcome: 'unknown', reason: 'client_email not found in the key file' };
    if (fields.universeDomain && fields.universeDomain !== 'googleapis.com') {
      return { outcome: 'unknown', reason: `key file of another universe (${fields.universeDomain}); only googleapis.com keys are tested` };
    }
    if (fields.tokenUri && !GOOGLE_TOKEN_URIS.has(fields.tokenUri)) return { outcome: 'unknown', reason: 'the key file names a token endpoint that is not Google\'s' };
    const key = privateKeyOf(input.secret.reveal());
    if (!key) return { outcome: 'unknown', reason: 'the private key could not be read as an RSA key' };

    const assertion = signedAssertion(key, fields.clientEmail, fields.privateKeyId, Math.floor(Date.now() / 1000));
    const res = await env.http.request({
      method: 'POST',
      url: `${env.baseUrl.replace(/\/+$/, '')}/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }).toString(),
    });
    return readAnswer(res, fields);
  },
};

/** The key file's fields the check uses, read from the match's context groups. */
export interface KeyFileFields {
  readonly clientEmail?: string;
  readonly projectId?: string;
  readonly privateKeyId?: string;
  readonly tokenUri?: string;
  readonly universeDomain?: string;
}

/**
 * Reads string fields of the key file from the text around the private key
 * (`before` and `after` groups), where quotes may carry backslashes (a key
 * file stored as a string inside other JSON) and `/` may be escaped.
 */
export function readKeyFileFields(context: Readonly<Record<string, string>>): KeyFileFields {
  const text = `${context['before'] ?? ''}\n${context['after'] ?? ''}`;
  const field = (name: string): string | undefined => {
    const m = new RegExp(`\\\\*"${name}\\\\*"\\s*:\\s*\\\\*"((?:[^"\\\\]|\\\\+/)*)\\\\*"`).exec(text);
    const value = m?.[1]?.replace(/\\+\//g, '/').trim();
    return value ? value : undefined;
  };
  return compact({
    clientEmail: field('client_email'),
    projectId: field('project_id'),
    privateKeyId: field('private_key_id'),
    tokenUri: field('token_uri'),
    universeDomain: field('universe_domain'),
  });
}

/** The PEM as written in JSON (`\n` escapes, perhaps escaped again) as a private key object; null when it is not an RSA key. */
export function privateKeyOf(written: string): KeyObject | null {
  const pem = written.replace(/\\+r/g, '').replace(/\\+n/g, '\n');
  try {
    const key = createPrivateKey({ key: pem, format: 'pem' });
    return key.asymmetricKeyType === 'rsa' ? key : null;
  } catch {
    return null;
  }
}

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The RS256 JWT of Google's service-account flow, issued at `nowSeconds`. */
export function signedAssertion(key: KeyObject, clientEmail: string, keyId: string | undefined, nowSeconds: number): string {
  const header = compact({ alg: 'RS256', typ: 'JWT', kid: keyId });
  const claims = { iss: clientEmail, scope: GCP_READ_ONLY_SCOPE, aud: GOOGLE_TOKEN_AUDIENCE, iat: nowSeconds, exp: nowSeconds + ASSERTION_SECONDS };
  const signingInput = `${base64urlJson(header)}.${base64urlJson(claims)}`;
  return `${signingInput}.${sign('RSA-SHA256', Buffer.from(signingInput, 'utf8'), key).toString('base64url')}`;
}

function readAnswer(res: LivenessResponse, fields: KeyFileFields): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'access_token') && !stringField(body, 'error')) {
    return compact({ outcome: 'live', reason: 'Google issued an access token for the service account', httpStatus: 200, owner: attributeServiceAccount(fields) });
  }
  const error = (res.status === 400 || res.status === 401) ? stringField(body, 'error') : undefined;
  const description = stringField(body, 'error_description') ?? '';
  if (error === 'invalid_grant' && INVALID_SIGNATURE.test(description)) {
    return { outcome: 'revoked', reason: 'Google: Invalid JWT Signature (the key was deleted, disabled or expired, or is not this account\'s key)', httpStatus: res.status };
  }
  if (error === 'invalid_grant' && ACCOUNT_NOT_FOUND.test(description)) {
    return { outcome: 'revoked', reason: 'Google: account not found (the service account was deleted or disabled)', httpStatus: res.status };
  }
  if (error === 'disabled_client') {
    return { outcome: 'revoked', reason: 'Google: disabled_client (the key or its service account is disabled)', httpStatus: res.status };
  }
  if (error) return { outcome: 'unknown', reason: `Google: ${error}${description ? ` (${description.slice(0, 120)})` : ''}`, httpStatus: res.status };
  return unexpectedResponse(res);
}

/** Attribution: the service account's e-mail, its project, and the key id. */
export function attributeServiceAccount(fields: KeyFileFields): ProviderOwner | undefined {
  const owner = compact({ email: fields.clientEmail, account: fields.projectId, tokenName: fields.privateKeyId });
  return Object.keys(owner).length > 0 ? owner : undefined;
}
