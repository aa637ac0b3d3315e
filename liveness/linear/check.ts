import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Linear personal API keys (`lin_api_`) and OAuth access tokens
 * (`lin_oauth_`). Linear's API is GraphQL only, so the check POSTs one
 * read-only query, `viewer { id name email organization { name urlKey } }`
 * (no mutation). Linear reads a personal API key from the bare
 * `Authorization` header and an OAuth token as `Bearer`. 200 with
 * `data.viewer`: live. An answer whose GraphQL error has
 * `extensions.code` `AUTHENTICATION_ERROR` (HTTP 400 or 401): revoked.
 * Other GraphQL errors (`FORBIDDEN`, `RATELIMITED`), 403, 429, 5xx and HTML
 * pages are unknown.
 */
export const VIEWER_QUERY = 'query PushgateLiveness { viewer { id name email organization { name urlKey } } }';

export const linearCheck: ProviderCheck = {
  id: 'linear',
  provider: 'Linear',
  detectors: ['linear-api-key', 'linear-oauth-access-token'],
  apiReference: 'https://linear.app/developers/graphql#authentication',
  defaultBaseUrl: 'https://api.linear.app',
  // API keys get 1,500 requests an hour; a check is one request.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const secret = input.secret.reveal();
    const authorization = input.detector === 'linear-oauth-access-token' ? `Bearer ${secret}` : secret;
    const res = await env.http.request({
      method: 'POST',
      url: `${env.baseUrl}/graphql`,
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ query: VIEWER_QUERY }),
    });
    return readViewer(res);
  },
};

function readViewer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const viewer = objectField(objectField(body, 'data'), 'viewer');
  if (res.status === 200 && viewer && stringField(viewer, 'id')) {
    return { outcome: 'live', reason: 'Linear accepted the credential', httpStatus: 200, owner: attributeViewer(viewer) };
  }
  const error = firstError(body);
  const code = stringField(objectField(error, 'extensions'), 'code');
  if ((res.status === 400 || res.status === 401) && code === 'AUTHENTICATION_ERROR') {
    return { outcome: 'revoked', reason: `Linear: ${stringField(error, 'message') ?? 'authentication error'}`, httpStatus: res.status };
  }
  if (code !== undefined && res.status < 500 && res.status !== 429) {
    return { outcome: 'unknown', reason: `Linear refused the query without saying the credential is invalid: ${code}`, httpStatus: res.status };
  }
  return unexpectedResponse(res);
}

/** GraphQL errors: `{"errors":[{"message","extensions":{"code"}}]}`. */
function firstError(body: Record<string, unknown> | null): Record<string, unknown> | null {
  const first = Array.isArray(body?.errors) ? (body.errors as unknown[])[0] : undefined;
  return first !== null && typeof first === 'object' ? (first as Record<string, unknown>) : null;
}

/** Attribution of the viewer: the user's name and email, the workspace's name (or URL key). */
export function attributeViewer(viewer: Record<string, unknown>): ProviderOwner {
  const organization = objectField(viewer, 'organization');
  return compact({
    user: stringField(viewer, 'name') ?? stringField(viewer, 'id'),
    email: stringField(viewer, 'email'),
    account: stringField(organization, 'name') ?? stringField(organization, 'urlKey'),
  });
}
