import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * HCP Terraform / Terraform Enterprise API tokens (user, team, organization
 * and audit-trail tokens). `GET /api/v2/account/details` reads the account
 * the token acts for: the user, or for team and organization tokens the
 * synthetic "service user" standing for them. 200 with a JSON:API `users`
 * document: live. 401 with the JSON:API error `"status":"401"` /
 * `"title":"unauthorized"`: revoked. Everything else is unknown (a 404 here
 * means the token may not read accounts, not that it is invalid).
 *
 * A Terraform Enterprise host is reached by configuring its base URL.
 */
export const terraformCloudCheck: ProviderCheck = {
  id: 'terraform-cloud',
  provider: 'HashiCorp HCP Terraform',
  detectors: ['terraform-cloud-api-token'],
  apiReference: 'https://developer.hashicorp.com/terraform/cloud-docs/api-docs/account#get-your-account-details',
  defaultBaseUrl: 'https://app.terraform.io',
  // HCP Terraform allows 30 requests a second per user; checks are rare.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/api/v2/account/details`,
      headers: { authorization: `Bearer ${input.secret.reveal()}`, accept: 'application/vnd.api+json' },
    });
    return readAccount(res);
  },
};

function readAccount(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const data = objectField(body, 'data');
  if (res.status === 200 && data && stringField(data, 'type') === 'users' && stringField(data, 'id')) {
    const owner = attributeAccount(data);
    return compact({ outcome: 'live', reason: 'HCP Terraform accepted the token', httpStatus: 200, owner: Object.keys(owner).length > 0 ? owner : undefined });
  }
  const error = firstError(body);
  if (res.status === 401 && error && (stringField(error, 'status') === '401' || /unauthori[sz]ed/i.test(stringField(error, 'title') ?? ''))) {
    return { outcome: 'revoked', reason: `HCP Terraform: ${stringField(error, 'title') ?? 'unauthorized'}`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

function firstError(body: Record<string, unknown> | null): Record<string, unknown> | null {
  const errors = Array.isArray(body?.errors) ? (body.errors as unknown[]) : [];
  const first = errors[0];
  return first !== null && typeof first === 'object' ? (first as Record<string, unknown>) : null;
}

/**
 * Attribution of the account: a user token names the user and email; a team
 * or organization token's service user is marked as such (its username is
 * synthetic, `api-team_...` or `api-org-...`).
 */
export function attributeAccount(data: Record<string, unknown>): ProviderOwner {
  const attributes = objectField(data, 'attributes');
  const username = stringField(attributes, 'username');
  if (attributes?.['is-service-account'] === true) return compact({ tokenName: username ? `service user ${username}` : 'service user' });
  return compact({ user: username, email: stringField(attributes, 'email') });
}
