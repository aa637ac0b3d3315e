import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import { askInTurn, combineInTurn, regionBaseUrls, type Region } from '../http/regions.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Twilio Segment Public API tokens (`sgp_`), bearer tokens scoped to one
 * workspace. `GET /` ("Get Workspace") returns the workspace of the token
 * that calls it and changes nothing.
 *
 * Segment is regional: a US workspace's token works at
 * `api.segmentapis.com`, an EU workspace's at `eu1.api.segmentapis.com`
 * (https://docs.segmentapis.com/tag/Getting-Started/), and the token does not
 * say which. The check asks the US host, then the EU host: `live` from the
 * first that accepts (the EU host is asked only when the US host did not);
 * `revoked` only when both refuse the token in Segment's documented way;
 * anything else from either host (a timeout included: one host not
 * answering does not hide the other's answer) makes it unknown.
 *
 * Answers per host (https://docs.segmentapis.com/tag/Error-Handling/):
 * - 200 with `data.workspace`: live (workspace name, slug and id).
 * - 401 with Segment's error envelope (`{"errors": [...]}`): "a missing API
 *   token, an invalid API token, or a token without permission for the
 *   resource". Get Workspace reads only the token's own workspace, so for
 *   this call the 401 is taken as an invalid token.
 * - Any other answer (401 without the envelope, 403, 404, 429, 5xx, HTML):
 *   unknown; a 429's wait comes from Retry-After or the body's
 *   `msBeforeNext`.
 *
 * The default base URL names the regional host prefix as `{region}` (not
 * the shared `{host}`: configured base URLs keep their format); a configured
 * base URL without it (a proxy) is asked once, as it is.
 */
export const REGION_PLACEHOLDER = '{region}';
/** Longest wait taken from a 429 body, as responses.ts caps Retry-After. */
const MAX_WAIT_MS = 60 * 60 * 1000;
/** Regions in the order asked, US (the default region) then EU; `host` is the host prefix that fills `{region}`. */
export const SEGMENT_REGIONS: readonly Region[] = [
  { region: 'US', host: 'api' },
  { region: 'EU', host: 'eu1.api' },
];

export const segmentCheck: ProviderCheck = {
  id: 'segment',
  provider: 'Twilio Segment',
  detectors: ['segment-public-api-token'],
  apiReference: 'https://docs.segmentapis.com/tag/Workspaces/#operation/getWorkspace',
  defaultBaseUrl: `https://${REGION_PLACEHOLDER}.segmentapis.com`,
  // Segment limits the Public API per token, IP and request cost ("generous"); two requests per check at most.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const answers = await askInTurn(regionBaseUrls(env.baseUrl, SEGMENT_REGIONS, REGION_PLACEHOLDER), async ({ region, baseUrl }) =>
      readWorkspace(
        await env.http.request({
          method: 'GET',
          url: `${baseUrl}/`,
          headers: { authorization: `Bearer ${input.secret.reveal()}`, accept: 'application/vnd.segment.v1+json, application/json' },
        }),
        region ?? 'configured',
      ),
    );
    return combineInTurn(answers, {
      everyRefused: 'Segment: every region (US, EU) refused the token as unauthorized',
      rateLimitedFirst: true,
      name: ({ region }) => `${region ?? 'configured'} region`,
      noneAccepted: '; no region accepted the token',
    });
  },
};

function readWorkspace(res: LivenessResponse, region: string): LivenessVerdict {
  const body = jsonObject(res);
  const workspace = objectField(objectField(body, 'data'), 'workspace');
  if (res.status === 200 && workspace && stringField(workspace, 'id')) {
    return compact({ outcome: 'live', reason: `Segment accepted the token (${region} region)`, httpStatus: 200, owner: attributeWorkspace(workspace) });
  }
  if (res.status === 401 && body && Array.isArray(body.errors)) {
    return { outcome: 'revoked', reason: `Segment (${region}): unauthorized`, httpStatus: 401 };
  }
  const verdict = unexpectedResponse(res);
  const wait = verdict.retryAfterMs === undefined && res.status === 429 ? msBeforeNext(body) : undefined;
  return wait !== undefined ? { ...verdict, retryAfterMs: wait } : verdict;
}

/** Segment's 429 names the wait in `errors[0].data.msBeforeNext` (https://docs.segmentapis.com/tag/Rate-Limits/). */
function msBeforeNext(body: Record<string, unknown> | null): number | undefined {
  const first: unknown = Array.isArray(body?.errors) ? (body.errors as unknown[])[0] : undefined;
  const data = first !== null && typeof first === 'object' ? objectField(first as Record<string, unknown>, 'data') : null;
  const ms = data?.msBeforeNext;
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? Math.min(Math.ceil(ms), MAX_WAIT_MS) : undefined;
}

/** Attribution of Get Workspace: the workspace name with its slug, or the slug or id alone. */
export function attributeWorkspace(workspace: Record<string, unknown>): ProviderOwner | undefined {
  const name = stringField(workspace, 'name');
  const slug = stringField(workspace, 'slug');
  const id = stringField(workspace, 'id');
  const account = name && slug && name !== slug ? `${name} (${slug})` : (name ?? slug ?? id);
  return account ? { account } : undefined;
}
