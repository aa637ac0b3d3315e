import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { NEW_RELIC_BAD_API_KEY, newRelicRegional, newRelicRoutes } from '../../test/support/providers/new-relic.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { regionBaseUrls } from '../http/regions.js';
import { attributeUser, NEW_RELIC_REGIONS, newRelicCheck, USER_QUERY } from './check.js';

const t = new TokenFactory('liveness-new-relic');
const generate = (): string => TABLE_ENTRIES.find((e) => e.row.id === 'new-relic-user-api-key')!.examples.generate!(t);
const usKey = generate();
/** A second key: the harness's stand-in keeps accepting a case's credential after that case. */
const euKey = generate();
const input = secretInput('new-relic-user-api-key', usKey);
const US = 'api.newrelic.com';
const EU = 'api.eu.newrelic.com';
/** Every region pointed at the stand-in: the first path segment names the regional host. */
const regional = (url: string): string => `${url}/{host}`;
const owner = { user: 'Dana Developer', email: 'dev@example.com' };

describeProviderCheck({
  check: newRelicCheck,
  routes: newRelicRoutes,
  readMethods: ['POST'],
  baseUrl: regional,
  cases: [
    { name: 'user key of the US region', input, credential: newRelicRegional(US, usKey), expectLive: (v) => expect(v).toMatchObject({ owner, reason: 'New Relic accepted the user key (US)' }) },
    {
      name: 'user key of the EU region',
      input: secretInput('new-relic-user-api-key', euKey),
      credential: newRelicRegional(EU, euKey),
      expectLive: (v) => expect(v).toMatchObject({ owner, reason: 'New Relic accepted the user key (EU)' }),
    },
  ],
});

/** Each regional host answers with its own reply. */
function perRegion(replies: Record<string, StandInReply>): StandInRoute[] {
  const reply = (path: string): StandInReply => replies[path.split('/')[1] ?? ''] ?? NEW_RELIC_BAD_API_KEY;
  return newRelicRoutes.map((r) => ({ ...r, live: (req) => reply(req.path), revoked: (req) => reply(req.path) }));
}
const RATE_LIMITED: StandInReply = { status: 429, headers: { 'retry-after': '20' }, body: { errors: [{ message: 'Too many requests' }] } };

describe('new-relic liveness check, provider-specific answers', () => {
  it('sends one read-only user query to each region, the key in API-Key', async () => {
    const { verdict, requests } = await checkOnce({ check: newRelicCheck, routes: newRelicRoutes, input, baseUrl: regional });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'New Relic: Bad API Key or no API Key provided in every region (US, EU)', httpStatus: 401 });
    expect(requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([`POST /${EU}/graphql`, `POST /${US}/graphql`]);
    for (const r of requests) {
      expect(r.headers['api-key'] === usKey).toBe(true);
      expect(r.headers.authorization).toBeUndefined();
      const { query } = JSON.parse(r.body) as { query: string };
      expect(query).toBe(USER_QUERY);
      expect(query).not.toMatch(/mutation/i);
    }
  });

  it('builds the regional hosts from the default base URL, and asks a base URL without {host} once', async () => {
    expect(regionBaseUrls(newRelicCheck.defaultBaseUrl, NEW_RELIC_REGIONS).map((r) => r.baseUrl)).toEqual(['https://api.newrelic.com', 'https://api.eu.newrelic.com']);
    const { verdict, requests } = await checkOnce({ check: newRelicCheck, routes: newRelicRoutes, input, valid: [usKey] });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'New Relic accepted the user key', owner });
    expect(requests.map((r) => r.path)).toEqual(['/graphql']);
  });

  it('is revoked for BAD_API_KEY at HTTP 200 as well', async () => {
    const bad200: StandInReply = { status: 200, body: NEW_RELIC_BAD_API_KEY.body };
    const { verdict } = await checkOnce({ check: newRelicCheck, routes: perRegion({ [US]: bad200, [EU]: NEW_RELIC_BAD_API_KEY }), input, baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 200 });
  });

  it('is not revoked when one region refused and the other could not answer', async () => {
    const { verdict } = await checkOnce({ check: newRelicCheck, routes: perRegion({ [US]: NEW_RELIC_BAD_API_KEY, [EU]: RATE_LIMITED }), input, baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 429, retryAfterMs: 20_000 });
    const { verdict: error } = await checkOnce({ check: newRelicCheck, routes: perRegion({ [US]: { status: 503, body: 'upstream' }, [EU]: NEW_RELIC_BAD_API_KEY }), input, baseUrl: regional });
    expect(error).toMatchObject({ outcome: 'unknown', httpStatus: 503 });
    expect(error.reason).toMatch(/^US: /);
  });

  it('is unknown for a 200 with another GraphQL error (no data)', async () => {
    const other: StandInReply = { status: 200, body: { data: null, errors: [{ message: 'Server error', extensions: { errorClass: 'INTERNAL_SERVER_ERROR' } }] } };
    const { verdict } = await checkOnce({ check: newRelicCheck, routes: perRegion({ [US]: other, [EU]: NEW_RELIC_BAD_API_KEY }), input, baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
    expect(verdict.reason).toMatch(/INTERNAL_SERVER_ERROR/);
  });

  it('is unknown for a 401 without the BAD_API_KEY code', async () => {
    const other: StandInReply = { status: 401, body: { errors: [{ message: 'Unauthorized' }] } };
    const { verdict } = await checkOnce({ check: newRelicCheck, routes: perRegion({ [US]: other, [EU]: other }), input, baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('attributes the user', () => {
    expect(attributeUser({ id: 42, email: 'a@example.com' })).toEqual({ user: '42', email: 'a@example.com' });
  });
});
