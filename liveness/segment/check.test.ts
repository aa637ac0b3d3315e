import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import { LivenessHttpError } from '../http/liveness-http-error.js';
import type { LivenessHttp, LivenessRequest, LivenessResponse } from '../http/liveness-http.js';
import { runCheck } from '../run-check.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { SEGMENT_UNAUTHORIZED, segmentRegionRoutes, segmentRoutes } from '../../test/support/providers/segment.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { regionBaseUrls } from '../http/regions.js';
import { attributeWorkspace, REGION_PLACEHOLDER, SEGMENT_REGIONS, segmentCheck } from './check.js';

const t = new TokenFactory('liveness-segment');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'segment-public-api-token')!.examples.generate!(t);
const input = secretInput('segment-public-api-token', token);
const regional = (url: string): string => `${url}/{region}`;

describeProviderCheck({
  check: segmentCheck,
  routes: segmentRoutes,
  baseUrl: regional,
  cases: [{ input, credential: token, expectLive: (v) => expect(v.owner).toEqual({ account: 'papi e2e (papi-e2e)' }) }],
});

function answering(reply: StandInReply): StandInRoute[] {
  return segmentRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}
const RATE_LIMITED: StandInReply = { status: 429, headers: { 'retry-after': '30' }, body: { errors: [{ type: 'too-many-requests', message: 'Too many requests' }] } };
const paths = (requests: readonly { method: string; path: string }[]): string[] => requests.map((r) => `${r.method} ${r.path}`);

describe('segment liveness check, provider-specific answers', () => {
  it('asks only the US host for a US token: one GET, bearer', async () => {
    const { verdict, requests } = await checkOnce({ check: segmentCheck, routes: segmentRegionRoutes('api'), input, valid: [token], baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'Segment accepted the token (US region)' });
    expect(paths(requests)).toEqual(['GET /api/']);
    expect(requests[0]!.headers.authorization === `Bearer ${token}`).toBe(true);
  });

  it('is live from the EU host for an EU token the US host refuses', async () => {
    const { verdict, requests } = await checkOnce({ check: segmentCheck, routes: segmentRegionRoutes('eu1.api'), input, valid: [token], baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'Segment accepted the token (EU region)', owner: { account: 'papi e2e (papi-e2e)' } });
    expect(paths(requests)).toEqual(['GET /api/', 'GET /eu1.api/']);
  });

  it('is revoked only after both regions refused the token with the documented 401', async () => {
    const { verdict, requests } = await checkOnce({ check: segmentCheck, routes: segmentRoutes, input, baseUrl: regional });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Segment: every region (US, EU) refused the token as unauthorized', httpStatus: 401 });
    expect(paths(requests)).toEqual(['GET /api/', 'GET /eu1.api/']);
  });

  it('is unknown when one region refuses and the other cannot tell (rate limit, error, HTML)', async () => {
    for (const foreign of [RATE_LIMITED, { status: 500, body: { errors: [{ type: 'internal', message: 'oops' }] } }, { status: 403, headers: { 'content-type': 'text/html' }, body: '<html><body>blocked</body></html>' }]) {
      // The token is unknown to the US host (revoked there); the EU host is undecided.
      const routes = segmentRegionRoutes('api', foreign).map((r) => (r.path === '/api/' ? { ...r, live: () => SEGMENT_UNAUTHORIZED } : r));
      const { verdict } = await checkOnce({ check: segmentCheck, routes, input, valid: [token], baseUrl: regional });
      expect(verdict.outcome, String(foreign.status)).toBe('unknown');
      expect(verdict.httpStatus).toBe(foreign.status);
    }
    const { verdict } = await checkOnce({ check: segmentCheck, routes: segmentRegionRoutes('eu1.api', RATE_LIMITED).map((r) => (r.path === '/eu1.api/' ? { ...r, live: () => SEGMENT_UNAUTHORIZED } : r)), input, valid: [token], baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 429, retryAfterMs: 30_000 });
  });

  it('asks a configured base URL without {region} once, as it is', async () => {
    const live = await checkOnce({ check: segmentCheck, routes: segmentRoutes, input, valid: [token] });
    expect(live.verdict.outcome).toBe('live');
    expect(paths(live.requests)).toEqual(['GET /']);
    const revoked = await checkOnce({ check: segmentCheck, routes: segmentRoutes, input });
    expect(revoked.verdict).toEqual({ outcome: 'revoked', reason: 'Segment (configured): unauthorized', httpStatus: 401 });
    expect(paths(revoked.requests)).toEqual(['GET /']);
  });

  it('is unknown for a 401 without Segment\'s error envelope, and for a 403', async () => {
    for (const reply of [{ status: 401, body: 'Unauthorized' }, { status: 401, body: { message: 'Unauthorized' } }, { status: 403, body: { errors: [{ type: 'forbidden', message: 'Forbidden' }] } }]) {
      const { verdict } = await checkOnce({ check: segmentCheck, routes: answering(reply), input, baseUrl: regional });
      expect(verdict.outcome, JSON.stringify(reply)).toBe('unknown');
    }
  });

  it('is unknown for a 200 with an error body instead of a workspace', async () => {
    const { verdict } = await checkOnce({ check: segmentCheck, routes: answering({ status: 200, body: { errors: [{ type: 'unauthorized', message: 'Unauthorized' }] } }), input, baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('builds the regional hosts from the default base URL', () => {
    expect(regionBaseUrls(segmentCheck.defaultBaseUrl, SEGMENT_REGIONS, REGION_PLACEHOLDER)).toEqual([
      { region: 'US', baseUrl: 'https://api.segmentapis.com' },
      { region: 'EU', baseUrl: 'https://eu1.api.segmentapis.com' },
    ]);
    expect(regionBaseUrls('http://127.0.0.1:9999/', SEGMENT_REGIONS, REGION_PLACEHOLDER)).toEqual([{ region: undefined, baseUrl: 'http://127.0.0.1:9999' }]);
  });

  it('attributes the workspace name and slug', () => {
    expect(attributeWorkspace({ id: 'w1', name: 'Acme', slug: 'acme' })).toEqual({ account: 'Acme (acme)' });
    expect(attributeWorkspace({ id: 'w1', slug: 'acme' })).toEqual({ account: 'acme' });
    expect(attributeWorkspace({ id: 'w1' })).toEqual({ account: 'w1' });
    expect(attributeWorkspace({})).toBeUndefined();
  });
});

describe('segment liveness check, one region not answering', () => {
  const response = (status: number, body: unknown): LivenessResponse => ({
    status,
    headers: {},
    contentType: 'application/json',
    text: JSON.stringify(body),
    truncated: false,
    json: () => body,
  });
  /** An HTTP client whose US host times out and whose EU host answers `eu`. */
  const usTimesOut = (eu: LivenessResponse): LivenessHttp =>
    ({
      request: async (req: LivenessRequest): Promise<LivenessResponse> => {
        if (req.url.startsWith('https://api.')) throw new LivenessHttpError('TIMEOUT', 'no answer from https://api.segmentapis.com');
        return eu;
      },
    }) as unknown as LivenessHttp;

  it('is still live from the EU host when the US host times out', async () => {
    const eu = response(200, { data: { workspace: { id: 'w1', name: 'Acme', slug: 'acme' } } });
    const verdict = await runCheck(segmentCheck, input, { http: usTimesOut(eu), baseUrl: segmentCheck.defaultBaseUrl });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'Segment accepted the token (EU region)', owner: { account: 'Acme (acme)' } });
  });

  it('is unknown, not revoked, when the US host times out and the EU host refuses', async () => {
    const verdict = await runCheck(segmentCheck, input, { http: usTimesOut(response(401, { errors: [{ type: 'unauthorized', message: 'Unauthorized' }] })), baseUrl: segmentCheck.defaultBaseUrl });
    expect(verdict.outcome).toBe('unknown');
    expect(verdict.reason).toMatch(/^TIMEOUT: .*\(US region\); no region accepted the token$/);
  });

  it('takes the wait of a 429 from msBeforeNext when there is no Retry-After', async () => {
    const limited = response(429, { errors: [{ type: 'RequestError', message: 'Too many requests', data: { remainingPoints: 0, msBeforeNext: 57647, consumedPoints: 21 } }] });
    const verdict = await runCheck(segmentCheck, input, { http: usTimesOut(limited), baseUrl: segmentCheck.defaultBaseUrl });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 429, retryAfterMs: 57647 });
  });
});
