import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import { askInTurn, combineInTurn } from '../http/regions.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Frame.io legacy developer tokens (`fio-u-`), bearer tokens of one user.
 * Frame.io now runs two APIs: the legacy (v2) API, where developer tokens
 * were born, and the Adobe-managed V4 API. An account migrated to V4 (not yet
 * administered in the Adobe Admin Console) keeps using its legacy developer
 * tokens on V4 with the header `x-frameio-legacy-token-auth: true`
 * (https://developer.frame.io/platform/docs/resources/migration), and the
 * legacy API is to be removed after December 1, 2026. So the check asks:
 *
 * 1. `GET /v2/me` ("Get the current authenticated User",
 *    https://developer.frame.io/platform/v2/api-reference/users/get-me):
 *    200 with the user: live (name, email, account id).
 * 2. when that is not live, `GET /v4/me` with the legacy-token header
 *    (https://developer.frame.io/platform/v4/api-reference/users/show): 200
 *    with `data`: live (name, email).
 *
 * Both only read the caller's profile. One API not answering (a timeout)
 * does not hide the other's answer. Revoked only when both APIs answer
 * 401 with their JSON error body: "Unauthorized -- Invalid API token"
 * (https://developer.frame.io/platform/v2/api-error-codes; legacy body
 * `{code, errors, message}`, V4 body `{errors: [{detail}]}`). 403 means the
 * token is known but lacks access or scope, or that traffic was blocked
 * (the same page): unknown, as are 404 (a removed v2 route), 429, 5xx and
 * HTML pages.
 */
export const LEGACY_TOKEN_HEADER = 'x-frameio-legacy-token-auth';

interface Endpoint {
  readonly api: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  read(res: LivenessResponse): LivenessVerdict;
}

const ENDPOINTS: readonly Endpoint[] = [
  { api: 'legacy API', path: '/v2/me', headers: {}, read: readV2Me },
  { api: 'V4 API', path: '/v4/me', headers: { [LEGACY_TOKEN_HEADER]: 'true' }, read: readV4Me },
];

export const frameioCheck: ProviderCheck = {
  id: 'frameio',
  provider: 'Frame.io',
  detectors: ['frameio-developer-token'],
  apiReference: 'https://developer.frame.io/platform/v2/api-reference/users/get-me',
  defaultBaseUrl: 'https://api.frame.io',
  // V4 allows 100 calls a minute per account user on /v4/me (legacy: 50 a second per token); two requests per check at most.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const base = env.baseUrl.replace(/\/+$/, '');
    const answers = await askInTurn(ENDPOINTS, async (endpoint) =>
      endpoint.read(
        await env.http.request({
          method: 'GET',
          url: `${base}${endpoint.path}`,
          headers: { authorization: `Bearer ${input.secret.reveal()}`, accept: 'application/json', ...endpoint.headers },
        }),
      ),
    );
    return combineInTurn(answers, {
      everyRefused: 'Frame.io: both the legacy and the V4 API refused the token (401 Unauthorized)',
      rateLimitedFirst: true,
      name: (endpoint) => endpoint.api,
      noneAccepted: '; neither API accepted the token',
    });
  },
};

function readV2Me(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'id')) {
    return compact({ outcome: 'live', reason: 'Frame.io accepted the token (legacy API)', httpStatus: 200, owner: attributeUser(body) });
  }
  if (res.status === 401 && body && (Array.isArray(body.errors) || body.code === 401)) {
    return { outcome: 'revoked', reason: 'Frame.io legacy API: 401 Unauthorized', httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

function readV4Me(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const data = objectField(body, 'data');
  if (res.status === 200 && data && stringField(data, 'id')) {
    return compact({ outcome: 'live', reason: 'Frame.io accepted the token (V4 API, legacy token)', httpStatus: 200, owner: attributeUser(data) });
  }
  if (res.status === 401 && body && Array.isArray(body.errors)) {
    return { outcome: 'revoked', reason: 'Frame.io V4 API: 401 Unauthorized', httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

/** Attribution of `/v2/me` (name, email, account_id) or of V4's `data` (name, email). */
export function attributeUser(user: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(user, 'name') ?? stringField(user, 'id'), email: stringField(user, 'email'), account: stringField(user, 'account_id') });
}
