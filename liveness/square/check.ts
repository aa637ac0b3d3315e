import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import { askInTurn, combineInTurn, HOST_PLACEHOLDER, regionBaseUrls, type Region } from '../http/regions.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Square access tokens: personal and OAuth access tokens (`EAAA…`) and
 * legacy personal access tokens (`sq0atp-…`), bearer tokens.
 * `POST /oauth2/token/status` (RetrieveTokenStatus) is Square's documented
 * token introspection: it reads the token itself (its scopes, merchant,
 * application and expiry), takes no body and changes nothing. Square
 * documents it "to check whether an access token is valid".
 *
 * Square runs two environments, production (connect.squareup.com) and the
 * Sandbox (connect.squareupsandbox.com), each accepting only its own tokens
 * and answering the other's with 401 `UNAUTHORIZED`. Production and Sandbox
 * `EAAA` tokens have the same shape, so an `EAAA` token is asked of
 * production first and of the Sandbox when production does not accept it
 * (one environment not answering does not hide the other's answer); legacy
 * `sq0atp-` tokens are production tokens (Sandbox ones were `sandbox-sq0atb-`)
 * and are asked of production only.
 *
 * - 200 with `merchant_id` / `client_id` / `scopes` and no `errors`: live,
 *   from the environment that accepted it (a Sandbox token is said so).
 * - 401 with an `errors` entry of category `AUTHENTICATION_ERROR` and code
 *   `UNAUTHORIZED` (not a valid token), `ACCESS_TOKEN_EXPIRED` or
 *   `ACCESS_TOKEN_REVOKED`: that environment refused it. Revoked only when
 *   every environment asked refused it so.
 * - 200 with `errors`, any other error code (403 `FORBIDDEN`,
 *   `INSUFFICIENT_SCOPES`, `CLIENT_DISABLED`, `APPLICATION_DISABLED`,
 *   `V1_ACCESS_TOKEN`), 400 "bad authorization header", 429, 5xx, HTML, a
 *   timeout: unknown (the first environment's that could not tell).
 *
 * Base URL: the default is `https://{host}`; `{host}` is replaced by each
 * environment's host. A configured base URL without it (a proxy, a stand-in)
 * is used as is, and asked once.
 *
 * `square-application-secret` (`sq0csp-`) only authenticates an application
 * beside its application id (OAuth `ObtainToken`, which mints tokens): it is
 * not checked.
 */
const SQUARE_VERSION = '2025-01-23';

const PRODUCTION: Region = { region: 'production', host: 'connect.squareup.com' };
const SANDBOX: Region = { region: 'Sandbox', host: 'connect.squareupsandbox.com' };

/** The error codes (category `AUTHENTICATION_ERROR`) Square answers a token it does not accept with. */
const REFUSED_CODES = new Set(['UNAUTHORIZED', 'ACCESS_TOKEN_EXPIRED', 'ACCESS_TOKEN_REVOKED']);

export const squareCheck: ProviderCheck = {
  id: 'square',
  provider: 'Square',
  detectors: ['square-access-token', 'square-legacy-access-token'],
  apiReference: 'https://developer.squareup.com/reference/square/o-auth-api/RetrieveTokenStatus',
  defaultBaseUrl: `https://${HOST_PLACEHOLDER}`,
  // Square publishes no numeric limit and answers 429 RATE_LIMITED; up to two requests a check.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const token = input.secret.reveal();
    const targets = regionBaseUrls(env.baseUrl, squareEnvironments(input.detector));
    const answers = await askInTurn(targets, async ({ region, baseUrl }) =>
      readStatus(
        await env.http.request({
          method: 'POST',
          url: `${baseUrl}/oauth2/token/status`,
          headers: { authorization: `Bearer ${token}`, 'square-version': SQUARE_VERSION, 'content-type': 'application/json' },
        }),
        region,
        targets.length > 1,
      ),
    );
    return combineInTurn(answers, { everyRefused: `Square: every environment (${targets.map((t) => t.region).join(', ')}) refused the token` });
  },
};

/** The environments to ask, in order: production, then the Sandbox for an `EAAA` token (legacy `sq0atp-` tokens are production ones). */
export function squareEnvironments(detector: string): readonly Region[] {
  return detector === 'square-legacy-access-token' ? [PRODUCTION] : [PRODUCTION, SANDBOX];
}

function readStatus(res: LivenessResponse, environment: string | undefined, named: boolean): LivenessVerdict {
  const body = jsonObject(res);
  const errors = squareErrors(body);
  const where = named && environment ? ` (${environment})` : '';
  if (res.status === 200 && body && errors.length === 0 && (stringField(body, 'merchant_id') || stringField(body, 'client_id') || Array.isArray(body.scopes))) {
    return compact({
      outcome: 'live' as const,
      reason: `Square accepted the token${environment === SANDBOX.region ? ' (Sandbox token: moves no money)' : where}`,
      httpStatus: 200,
      owner: attributeTokenStatus(body),
      scopes: scopesOf(body),
    });
  }
  const refused = errors.find((e) => e.category === 'AUTHENTICATION_ERROR' && e.code !== undefined && REFUSED_CODES.has(e.code));
  if (res.status === 401 && refused) {
    return { outcome: 'revoked', reason: `Square${where}: ${refused.code}`, httpStatus: 401 };
  }
  if (res.status === 200 && errors.length > 0) {
    return { outcome: 'unknown', reason: `Square answered 200 with an error: ${errors[0]!.code ?? errors[0]!.category ?? 'unknown'}`, httpStatus: 200 };
  }
  if ((res.status === 401 || res.status === 403) && errors.length > 0) {
    return { outcome: 'unknown', reason: `Square refused the request without saying the token is invalid: ${errors[0]!.code ?? errors[0]!.category ?? 'unknown'}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

interface SquareError {
  readonly category?: string;
  readonly code?: string;
}

function squareErrors(body: Record<string, unknown> | null): SquareError[] {
  const errors = body?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object')
    .map((e) => compact({ category: stringField(e, 'category'), code: stringField(e, 'code') }));
}

function scopesOf(body: Record<string, unknown>): string[] | undefined {
  return Array.isArray(body.scopes) ? body.scopes.filter((s): s is string => typeof s === 'string') : undefined;
}

/** Attribution of RetrieveTokenStatus: the merchant (seller) the token acts for, and the application it was issued to. */
export function attributeTokenStatus(body: Record<string, unknown>): ProviderOwner | undefined {
  const merchant = stringField(body, 'merchant_id');
  const application = stringField(body, 'client_id');
  const owner = compact({ account: merchant, tokenName: application ? `application ${application}` : undefined });
  return Object.keys(owner).length > 0 ? owner : undefined;
}
