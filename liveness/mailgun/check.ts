import { compact, isHtml, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import { askRegion, combineRegions, HOST_PLACEHOLDER, regionBaseUrls, type Region } from '../http/regions.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Mailgun private API keys (`key-` + 32 characters, the primary account key
 * of the format issued until 2023), HTTP basic auth with user `api`.
 * `GET /v4/domains?limit=1` ("Get domains", the current form of
 * `/v3/domains`) lists the account's sending domains and changes nothing.
 *
 * Regions: Mailgun serves the US region at api.mailgun.net and the EU region
 * at api.eu.mailgun.net; an answer from the wrong region looks like a refusal.
 * The check asks both regions (in parallel, so it takes one request's time)
 * and decides:
 * - 200 with `items` in any region: live (the domain names the account; a
 *   region whose list has a domain is preferred for attribution).
 * - 401 in every region, with Mailgun's refusal body (the plain-text
 *   `Forbidden` its API sends for a wrong key, or a JSON `message`
 *   "Forbidden" / "Invalid private key"): revoked. Mailgun's reference
 *   documents 401 as "Invalid or missing API key" (we always send one).
 * - anything else in any region (403 "valid credentials but access denied",
 *   a 401 with another body, 429, 5xx, HTML, a timeout) and no live region:
 *   unknown (a rate-limited region's Retry-After is kept).
 *
 * Base URL: the default is `https://{host}`; `{host}` is replaced by each
 * region's API host. A configured base URL may place `{host}` anywhere (a
 * proxy or the tests' stand-in: `http://127.0.0.1:9999/{host}` gives
 * `/api.eu.mailgun.net/v4/domains`, so the stand-in knows which region was
 * asked); a configured base URL without `{host}` is one host, asked once.
 */
export const MAILGUN_REGIONS: readonly Region[] = [
  { region: 'US', host: 'api.mailgun.net' },
  { region: 'EU', host: 'api.eu.mailgun.net' },
];
const REFUSAL = /^(forbidden|invalid private key)$/i;

export const mailgunCheck: ProviderCheck = {
  id: 'mailgun',
  provider: 'Mailgun',
  detectors: ['mailgun-api-key'],
  apiReference: 'https://documentation.mailgun.com/docs/mailgun/api-reference/send/mailgun/domains/get-v4-domains',
  defaultBaseUrl: `https://${HOST_PLACEHOLDER}`,
  // Mailgun documents per-account limits without numbers for the domains API; one check (two regional requests) a second.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const authorization = `Basic ${Buffer.from(`api:${input.secret.reveal()}`).toString('base64')}`;
    const answers = await Promise.all(
      regionBaseUrls(env.baseUrl, MAILGUN_REGIONS).map(async ({ region, baseUrl }) => ({
        region,
        verdict: await askRegion(async () => readAnswer(await env.http.request({ method: 'GET', url: `${baseUrl}/v4/domains?limit=1`, headers: { authorization } }))),
      })),
    );
    return combineRegions(answers);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && Array.isArray(body.items)) {
    return compact({ outcome: 'live', reason: 'Mailgun accepted the key', httpStatus: 200, owner: attributeDomains(body) });
  }
  if (res.status === 401 && !isHtml(res)) {
    const message = body ? stringField(body, 'message') : res.text.trim();
    if (message !== undefined && REFUSAL.test(message.trim())) return { outcome: 'revoked', reason: `Mailgun: 401 ${message.trim()}`, httpStatus: 401 };
  }
  if (res.status === 403 && body && stringField(body, 'message')) {
    return { outcome: 'unknown', reason: `Mailgun denied access without saying the key is invalid: ${stringField(body, 'message')}`, httpStatus: 403 };
  }
  return unexpectedResponse(res);
}

/** Attribution of the domain list: the first domain's name, and how many more the account has. */
export function attributeDomains(body: Record<string, unknown>): ProviderOwner | undefined {
  const items = Array.isArray(body.items) ? (body.items as unknown[]) : [];
  const names = items
    .filter((d): d is Record<string, unknown> => d !== null && typeof d === 'object')
    .map((d) => stringField(d, 'name'))
    .filter((n): n is string => n !== undefined);
  if (names.length === 0) return undefined;
  const total = typeof body.total_count === 'number' ? body.total_count : names.length;
  return { account: total > names.length ? `${names.join(', ')} (+${total - names.length} more)` : names.join(', ') };
}
