import { isWorkspaceHost, WORKSPACE_HOST_COMPANION } from '../../detectors/databricks-access-token/detector.js';
import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Databricks personal access tokens. A PAT only works on the workspace that
 * issued it, so the check needs the workspace host found beside the token
 * (the `workspace-host` companion); without it the token cannot be tested.
 * `GET /api/2.0/preview/scim/v2/Me` returns the identity the token acts for
 * and nothing else; every workspace user and service principal may call it,
 * without any entitlement: the least a token can be asked.
 *
 * - 200 names the user: live.
 * - "Invalid access token." (401, or 403 with `error_code` 403, the answer
 *   Databricks gives on most workspaces) or an expired token: revoked. Any
 *   other 401 with a Databricks error body: Databricks did not authenticate
 *   the token: revoked.
 * - Any other 403, above all "Source IP address: ... is blocked by Databricks
 *   IP ACL for workspace: ...": the workspace does not take requests from us,
 *   whatever the token: unknown.
 */
const WORKSPACE_PLACEHOLDER = '{workspace}';
/** The messages (body `message`, or the `X-Databricks-Reason-Phrase` header) of a token Databricks does not accept. */
const INVALID_TOKEN = /invalid access token|token is expired|token has expired/i;
const IP_ACL = /IP ACL|IP access list/i;

export const databricksCheck: ProviderCheck = {
  id: 'databricks',
  provider: 'Databricks',
  detectors: ['databricks-access-token'],
  apiReference: 'https://docs.databricks.com/api/workspace/currentuser/me',
  defaultBaseUrl: `https://${WORKSPACE_PLACEHOLDER}`,
  // Workspace REST APIs allow tens of requests a second per workspace; one request per check.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const host = input.companion?.name === WORKSPACE_HOST_COMPANION ? input.companion.value.reveal() : undefined;
    if (host === undefined) return { outcome: 'unknown', reason: 'workspace host not found beside the token' };
    // Whatever the finding says, the token only ever goes to a Databricks workspace host.
    if (!isWorkspaceHost(host)) return { outcome: 'unknown', reason: 'the host beside the token is not a Databricks workspace' };
    const res = await env.http.request({
      method: 'GET',
      url: `${workspaceBaseUrl(env.baseUrl, host)}/api/2.0/preview/scim/v2/Me`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readAnswer(res);
  },
};

/** The default base URL names the workspace as `{workspace}`; a configured one without it (a proxy, a stand-in) is used as is. */
export function workspaceBaseUrl(baseUrl: string, host: string): string {
  return baseUrl.split(WORKSPACE_PLACEHOLDER).join(host);
}

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && (stringField(body, 'userName') || stringField(body, 'id'))) {
    return compact({ outcome: 'live', reason: 'Databricks accepted the token', httpStatus: 200, owner: attributeMe(body) });
  }
  if ((res.status === 401 || res.status === 403) && body) {
    const message = stringField(body, 'message') ?? res.headers['x-databricks-reason-phrase'] ?? '';
    if (INVALID_TOKEN.test(message) || (res.status === 401 && (message !== '' || stringField(body, 'error_code')))) {
      return { outcome: 'revoked', reason: `Databricks: ${message || 'unauthenticated'}`, httpStatus: res.status };
    }
    if (res.status === 403 && IP_ACL.test(message)) {
      return { outcome: 'unknown', reason: 'the workspace IP access list blocks our address; Databricks does not say whether the token works', httpStatus: 403 };
    }
    if (res.status === 403) return { outcome: 'unknown', reason: 'Databricks refused the request without saying the token is invalid', httpStatus: 403 };
  }
  return unexpectedResponse(res);
}

/** Attribution: the user name (or service principal application id) and primary email of `GET /api/2.0/preview/scim/v2/Me`. */
export function attributeMe(body: Record<string, unknown>): ProviderOwner {
  const emails = Array.isArray(body.emails) ? (body.emails as unknown[]).filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object') : [];
  const primary = emails.find((e) => e.primary === true) ?? emails[0];
  return compact({
    user: stringField(body, 'userName') ?? stringField(body, 'applicationId') ?? stringField(body, 'id'),
    email: primary ? stringField(primary, 'value') : undefined,
  });
}
