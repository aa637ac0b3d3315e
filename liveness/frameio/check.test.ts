import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import { LivenessHttpError } from '../http/liveness-http-error.js';
import type { LivenessHttp, LivenessRequest, LivenessResponse } from '../http/liveness-http.js';
import { runCheck } from '../run-check.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { FRAMEIO_V2_UNAUTHORIZED, FRAMEIO_V4_UNAUTHORIZED, frameioRoutes, frameioV2Route, frameioV4Route } from '../../test/support/providers/frameio.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeUser, frameioCheck } from './check.js';

const t = new TokenFactory('liveness-frameio');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'frameio-developer-token')!.examples.generate!(t);
const input = secretInput('frameio-developer-token', token);

describeProviderCheck({
  check: frameioCheck,
  routes: frameioRoutes,
  cases: [
    {
      input,
      credential: token,
      expectLive: (v) => {
        expect(v.owner).toEqual({ user: 'Jane Doe', email: 'jane@frame.io', account: 'bbbbbbbb-b12b-bbbb-bbbb-bbbbbbbbbbbb' });
        expect(v.reason).toBe('Frame.io accepted the token (legacy API)');
      },
    },
  ],
});

const fixed = (route: StandInRoute, reply: StandInReply): StandInRoute => ({ ...route, live: () => reply, revoked: () => reply });
const paths = (requests: readonly { method: string; path: string }[]): string[] => requests.map((r) => `${r.method} ${r.path}`);

describe('frameio liveness check, provider-specific answers', () => {
  it('asks only GET /v2/me, bearer, when the legacy API accepts the token', async () => {
    const { verdict, requests } = await checkOnce({ check: frameioCheck, routes: frameioRoutes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
    expect(paths(requests)).toEqual(['GET /v2/me']);
    expect(requests[0]!.headers.authorization === `Bearer ${token}`).toBe(true);
  });

  it('is live from V4, with the legacy-token header, for a token of a V4-migrated account', async () => {
    const routes = [fixed(frameioV2Route, FRAMEIO_V2_UNAUTHORIZED), frameioV4Route];
    const { verdict, requests } = await checkOnce({ check: frameioCheck, routes, input, valid: [token] });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'Frame.io accepted the token (V4 API, legacy token)', owner: { user: 'Name', email: 'user_email@example.com' } });
    expect(paths(requests)).toEqual(['GET /v2/me', 'GET /v4/me']);
    expect(requests[1]!.headers['x-frameio-legacy-token-auth']).toBe('true');
  });

  it('is live from V4 once the legacy v2 route is gone (404)', async () => {
    const routes = [fixed(frameioV2Route, { status: 404, body: { code: 404, errors: [{ code: 404, detail: 'Not Found', status: 404, title: 'Not Found' }], message: 'Not Found' } }), frameioV4Route];
    const { verdict } = await checkOnce({ check: frameioCheck, routes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
  });

  it('is revoked only when both APIs answer the documented 401', async () => {
    const { verdict, requests } = await checkOnce({ check: frameioCheck, routes: frameioRoutes, input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Frame.io: both the legacy and the V4 API refused the token (401 Unauthorized)', httpStatus: 401 });
    expect(paths(requests)).toEqual(['GET /v2/me', 'GET /v4/me']);
  });

  it('is unknown when one API refuses and the other cannot tell', async () => {
    const cases: [StandInReply, StandInReply][] = [
      [FRAMEIO_V2_UNAUTHORIZED, { status: 429, headers: { 'retry-after': '12' }, body: { errors: [{ detail: 'Too many requests' }] } }],
      [{ status: 404, body: 'Not Found' }, FRAMEIO_V4_UNAUTHORIZED],
      [FRAMEIO_V2_UNAUTHORIZED, { status: 403, body: { errors: [{ detail: 'Forbidden' }] } }],
      [{ status: 403, body: { code: 403, errors: [{ code: 403, detail: 'Forbidden', status: 403, title: 'Forbidden' }], message: 'Forbidden' } }, FRAMEIO_V4_UNAUTHORIZED],
    ];
    for (const [v2, v4] of cases) {
      const { verdict } = await checkOnce({ check: frameioCheck, routes: [fixed(frameioV2Route, v2), fixed(frameioV4Route, v4)], input, valid: [token] });
      expect(verdict.outcome, `${v2.status}/${v4.status}`).toBe('unknown');
    }
    const { verdict } = await checkOnce({ check: frameioCheck, routes: [fixed(frameioV2Route, FRAMEIO_V2_UNAUTHORIZED), fixed(frameioV4Route, cases[0]![1])], input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 429, retryAfterMs: 12_000 });
  });

  it('is unknown for a 401 without Frame.io\'s JSON error body', async () => {
    const routes = [fixed(frameioV2Route, { status: 401, body: 'Unauthorized' }), fixed(frameioV4Route, { status: 401, body: { message: 'Unauthorized' } })];
    const { verdict } = await checkOnce({ check: frameioCheck, routes, input });
    expect(verdict.outcome).toBe('unknown');
  });

  it('is unknown for a 200 with an error body instead of a user', async () => {
    const routes = [fixed(frameioV2Route, { status: 200, body: { code: 401, errors: [], message: 'Not Authorized' } }), fixed(frameioV4Route, FRAMEIO_V4_UNAUTHORIZED)];
    const { verdict } = await checkOnce({ check: frameioCheck, routes, input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('attributes name, email and account id', () => {
    expect(attributeUser({ id: 'u1', name: 'Jane', email: 'j@example.com', account_id: 'a1' })).toEqual({ user: 'Jane', email: 'j@example.com', account: 'a1' });
    expect(attributeUser({ id: 'u1' })).toEqual({ user: 'u1' });
  });
});

describe('frameio liveness check, one API not answering', () => {
  const response = (status: number, body: unknown): LivenessResponse => ({
    status,
    headers: {},
    contentType: 'application/json',
    text: JSON.stringify(body),
    truncated: false,
    json: () => body,
  });
  /** An HTTP client on which /v2/me times out and /v4/me answers `v4`. */
  const v2TimesOut = (v4: LivenessResponse): LivenessHttp =>
    ({
      request: async (req: LivenessRequest): Promise<LivenessResponse> => {
        if (req.url.endsWith('/v2/me')) throw new LivenessHttpError('TIMEOUT', 'no answer from https://api.frame.io');
        return v4;
      },
    }) as unknown as LivenessHttp;

  it('is still live from V4 when the legacy API times out', async () => {
    const verdict = await runCheck(frameioCheck, input, { http: v2TimesOut(response(200, { data: { id: 'u1', name: 'Name', email: 'n@example.com', avatar_url: null } })), baseUrl: frameioCheck.defaultBaseUrl });
    expect(verdict).toMatchObject({ outcome: 'live', owner: { user: 'Name', email: 'n@example.com' } });
  });

  it('is unknown, not revoked, when the legacy API times out and V4 refuses', async () => {
    const verdict = await runCheck(frameioCheck, input, { http: v2TimesOut(response(401, { errors: [{ detail: 'Unauthorized' }] })), baseUrl: frameioCheck.defaultBaseUrl });
    expect(verdict.outcome).toBe('unknown');
    expect(verdict.reason).toMatch(/^TIMEOUT: .*\(legacy API\); neither API accepted the token$/);
  });
});
