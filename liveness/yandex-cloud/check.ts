import { compact, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import { askInTurn, combineInTurn, regionBaseUrls, type Region } from '../http/regions.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Yandex Cloud IAM tokens (`t1.9euelZ…`), bearer tokens of a Yandex,
 * federated or service account. `GET /resource-manager/v1/clouds` lists the
 * clouds the token's subject may see and changes nothing; it is the sample
 * request of Yandex's IAM-token guide, and Resource Manager filters the list
 * by permission, so any accepted token gets 200 (an empty list when the
 * subject sees no cloud).
 *
 * Yandex Cloud runs separate installations with their own API hosts (Russia:
 * `api.cloud.yandex.net`; Kazakhstan: `api.yandexcloud.kz`), and a token is
 * issued by one of them. The check asks each installation in turn and stops
 * at the first that accepts the token; it is revoked only when every
 * installation refused it in the documented way (one installation not
 * answering does not hide the next one's answer).
 *
 * Errors are `google.rpc.Status` bodies (`{code, message, details}`):
 * - 200 with the `clouds` list (or `{}`): live; the clouds and their
 *   organisations name the owner.
 * - 401 with code 16 (UNAUTHENTICATED, "Token is invalid or has expired."):
 *   the token is unknown, revoked or expired: revoked. IAM tokens live at
 *   most 12 hours, so most leaked ones end here: an expired token no longer
 *   works, which is revoked in effect.
 * - 403 with code 7 (PERMISSION_DENIED): Yandex authenticated the token but
 *   the subject may not list clouds: live.
 * - 401 without that body, 429 (code 8, RESOURCE_EXHAUSTED), 5xx, a timeout:
 *   unknown (the first installation's that could not tell).
 *
 * Base URL: the default (or a configured one) names the API domain as
 * `{api}` (not the shared `{host}`: configured base URLs keep their format);
 * a configured base URL without it (a proxy, a stand-in) is the one place
 * asked.
 */
export const API_PLACEHOLDER = '{api}';
/** Yandex Cloud's installations, asked in this order, each named by its API domain (which fills `{api}`). */
export const YANDEX_CLOUD_INSTALLATIONS: readonly Region[] = ['api.cloud.yandex.net', 'api.yandexcloud.kz'].map((domain) => ({ region: domain, host: domain }));
const UNAUTHENTICATED = 16;
const PERMISSION_DENIED = 7;

export const yandexCloudCheck: ProviderCheck = {
  id: 'yandex-cloud',
  provider: 'Yandex Cloud',
  detectors: ['yandex-cloud-iam-token'],
  apiReference: 'https://yandex.cloud/en/docs/resource-manager/api-ref/Cloud/list',
  defaultBaseUrl: `https://resource-manager.${API_PLACEHOLDER}`,
  // Resource Manager's read quotas are generous; each check may ask two installations.
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const token = input.secret.reveal();
    const targets = regionBaseUrls(env.baseUrl, YANDEX_CLOUD_INSTALLATIONS, API_PLACEHOLDER);
    const answers = await askInTurn(targets, async ({ region, baseUrl }) =>
      readAnswer(
        await env.http.request({ method: 'GET', url: `${baseUrl}/resource-manager/v1/clouds`, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }),
        region,
      ),
    );
    // When every installation refused, the reason is the last installation's refusal.
    return combineInTurn(answers, { everyRefused: refusal(targets.at(-1)?.region) });
  },
};

function readAnswer(res: LivenessResponse, installation: string | undefined): LivenessVerdict {
  const at = installation ? ` (${installation})` : '';
  const body = jsonObject(res);
  const code = typeof body?.['code'] === 'number' ? body['code'] : undefined;
  if (res.status === 200 && body && code === undefined && (body['clouds'] === undefined || Array.isArray(body['clouds']))) {
    const clouds = Array.isArray(body['clouds']) ? body['clouds'] : [];
    return compact({ outcome: 'live', reason: `Yandex Cloud accepted the token${at}`, httpStatus: 200, owner: attributeClouds(clouds) });
  }
  if (res.status === 401 && code === UNAUTHENTICATED) {
    return { outcome: 'revoked', reason: refusal(installation), httpStatus: 401 };
  }
  if (res.status === 403 && code === PERMISSION_DENIED) {
    return { outcome: 'live', reason: `Yandex Cloud accepted the token but its subject may not list clouds${at}`, httpStatus: 403 };
  }
  return unexpectedResponse(res);
}

/** The reason of an installation's UNAUTHENTICATED answer. */
function refusal(installation: string | undefined): string {
  return `Yandex Cloud: UNAUTHENTICATED, token invalid or expired${installation ? ` (${installation})` : ''}`;
}

/** Attribution: the clouds the subject sees (names, else ids) as the account, their organisations as the team. */
export function attributeClouds(clouds: readonly unknown[]): ProviderOwner | undefined {
  const objects = clouds.filter((c): c is Record<string, unknown> => c !== null && typeof c === 'object' && !Array.isArray(c));
  const names = objects.map((c) => stringField(c, 'name') ?? stringField(c, 'id')).filter((n): n is string => n !== undefined);
  const organizations = [...new Set(objects.map((c) => stringField(c, 'organizationId')).filter((o): o is string => o !== undefined))];
  const owner = compact({ account: names.length > 0 ? names.join(', ') : undefined, team: organizations.length > 0 ? organizations.join(', ') : undefined });
  return Object.keys(owner).length > 0 ? owner : undefined;
}
