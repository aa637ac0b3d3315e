import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/intercom-access-token/examples.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { INTERCOM_UNAUTHORIZED, intercomRegional, intercomRoutes } from '../../test/support/providers/intercom.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { regionBaseUrls } from '../http/regions.js';
import { attributeAdmin, INTERCOM_REGIONS, intercomCheck } from './check.js';

const t = new TokenFactory('liveness-intercom');
/** One token per case: the harness's stand-in keeps accepting a case's credential after that case. */
const [usToken, euToken, auToken] = [examples.generate!(t), examples.generate!(t), examples.generate!(t)] as [string, string, string];
const input = secretInput('intercom-access-token', usToken);
const US = 'api.intercom.io';
const EU = 'api.eu.intercom.io';
const AU = 'api.au.intercom.io';
/** Every region pointed at the stand-in: the first path segment names the regional host. */
const regional = (url: string): string => `${url}/{host}`;
const owner = { user: 'Ciaran1 Lee', email: 'admin1@email.com', account: 'MyApp 1 (this_is_an_id1_that_should_be_at_least_40)' };

describeProviderCheck({
  check: intercomCheck,
  routes: intercomRoutes,
  baseUrl: regional,
  cases: [
    { name: 'token of a US workspace', input, credential: intercomRegional(US, usToken), expectLive: (v) => expect(v).toMatchObject({ owner, reason: 'Intercom accepted the token (US)' }) },
    {
      name: 'token of an EU workspace',
      input: secretInput('intercom-access-token', euToken),
      credential: intercomRegional(EU, euToken),
      expectLive: (v) => expect(v).toMatchObject({ owner, reason: 'Intercom accepted the token (EU)' }),
    },
    {
      name: 'token of an Australian workspace',
      input: secretInput('intercom-access-token', auToken),
      credential: intercomRegional(AU, auToken),
      expectLive: (v) => expect(v).toMatchObject({ owner, reason: 'Intercom accepted the token (AU)' }),
    },
  ],
});

/** Each regional host answers with its own reply. */
function perRegion(replies: Record<string, StandInReply>): StandInRoute[] {
  const reply = (path: string): StandInReply => replies[path.split('/')[1] ?? ''] ?? INTERCOM_UNAUTHORIZED;
  return intercomRoutes.map((r) => ({ ...r, live: (req) => reply(req.path), revoked: (req) => reply(req.path) }));
}

describe('intercom liveness check, provider-specific answers', () => {
  it('asks every region with the bearer token and the pinned API version', async () => {
    const { verdict, requests } = await checkOnce({ check: intercomCheck, routes: intercomRoutes, input, baseUrl: regional });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Intercom: Access Token Invalid in every region (US, EU, AU)', httpStatus: 401 });
    expect(requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([`GET /${AU}/me`, `GET /${EU}/me`, `GET /${US}/me`]);
    for (const r of requests) {
      expect(r.headers.authorization === `Bearer ${usToken}`).toBe(true);
      expect(r.headers['intercom-version']).toBe('2.14');
    }
  });

  it('builds the regional hosts from the default base URL, and asks a base URL without {host} once', async () => {
    expect(regionBaseUrls(intercomCheck.defaultBaseUrl, INTERCOM_REGIONS).map((r) => r.baseUrl)).toEqual(['https://api.intercom.io', 'https://api.eu.intercom.io', 'https://api.au.intercom.io']);
    const { verdict, requests } = await checkOnce({ check: intercomCheck, routes: intercomRoutes, input, valid: [usToken] });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'Intercom accepted the token', owner });
    expect(requests.map((r) => r.path)).toEqual(['/me']);
  });

  it('is not revoked when two regions refused and the third could not answer', async () => {
    const limited: StandInReply = { status: 429, headers: { 'retry-after': '10' }, body: { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'Rate Limit Exceeded' }] } };
    const { verdict } = await checkOnce({ check: intercomCheck, routes: perRegion({ [AU]: limited }), input, baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 429, retryAfterMs: 10_000 });
    expect(verdict.reason).toMatch(/^AU: /);
    const { verdict: down } = await checkOnce({ check: intercomCheck, routes: perRegion({ [EU]: { status: 500, body: { type: 'error.list', errors: [{ code: 'server_error', message: 'Server Error' }] } } }), input, baseUrl: regional });
    expect(down).toMatchObject({ outcome: 'unknown', httpStatus: 500 });
  });

  it('is unknown for 403 forbidden and for a 401 with another error code', async () => {
    const forbidden: StandInReply = { status: 403, body: { type: 'error.list', errors: [{ code: 'forbidden', message: 'You do not have permission to access this resource' }] } };
    const a = await checkOnce({ check: intercomCheck, routes: perRegion({ [US]: forbidden }), input, baseUrl: regional });
    expect(a.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
    expect(a.verdict.reason).toMatch(/forbidden/);
    const other: StandInReply = { status: 401, body: { type: 'error.list', errors: [{ code: 'token_unauthorized', message: 'Not authorized to access resource' }] } };
    const b = await checkOnce({ check: intercomCheck, routes: perRegion({ [US]: other, [EU]: other, [AU]: other }), input, baseUrl: regional });
    expect(b.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('is unknown for a 200 that is not an admin', async () => {
    const odd: StandInReply = { status: 200, body: { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] } };
    const { verdict } = await checkOnce({ check: intercomCheck, routes: perRegion({ [US]: odd }), input, baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('attributes admin and workspace', () => {
    expect(attributeAdmin({ type: 'admin', id: '1', app: { name: 'W' } })).toEqual({ user: '1', account: 'W' });
  });
});
