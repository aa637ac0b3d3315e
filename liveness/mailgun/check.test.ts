import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/mailgun-api-key/examples.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { MAILGUN_FORBIDDEN, mailgunRegional, mailgunRoutes } from '../../test/support/providers/mailgun.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { regionBaseUrls } from '../http/regions.js';
import { attributeDomains, MAILGUN_REGIONS, mailgunCheck } from './check.js';

const t = new TokenFactory('liveness-mailgun');
const key = examples.generate!(t);
const input = secretInput('mailgun-api-key', key);
/** A second key: the harness's stand-in keeps accepting a case's credential after that case. */
const euKey = examples.generate!(t);
const US = 'api.mailgun.net';
const EU = 'api.eu.mailgun.net';
/** Every region pointed at the stand-in: the first path segment names the regional host. */
const regional = (url: string): string => `${url}/{host}`;
const owner = { account: 'mg.example.com (+2 more)' };

describeProviderCheck({
  check: mailgunCheck,
  routes: mailgunRoutes,
  baseUrl: regional,
  cases: [
    { name: 'key of the US region', input, credential: mailgunRegional(US, key), expectLive: (v) => expect(v).toMatchObject({ owner, reason: 'Mailgun accepted the key (US)' }) },
    { name: 'key of the EU region', input: secretInput('mailgun-api-key', euKey), credential: mailgunRegional(EU, euKey), expectLive: (v) => expect(v).toMatchObject({ owner, reason: 'Mailgun accepted the key (EU)' }) },
  ],
});

/** Each regional host answers with its own reply. */
function perRegion(replies: Record<string, StandInReply>): StandInRoute[] {
  const reply = (path: string): StandInReply => replies[path.split('/')[1] ?? ''] ?? MAILGUN_FORBIDDEN;
  return mailgunRoutes.map((r) => ({ ...r, live: (req) => reply(req.path), revoked: (req) => reply(req.path) }));
}
const RATE_LIMITED: StandInReply = { status: 429, headers: { 'retry-after': '30' }, body: { message: 'Too many requests' } };

describe('mailgun liveness check, provider-specific answers', () => {
  it('asks every region, each at its own host, with basic auth user api', async () => {
    const { verdict, requests } = await checkOnce({ check: mailgunCheck, routes: mailgunRoutes, input, baseUrl: regional });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Mailgun: 401 Forbidden in every region (US, EU)', httpStatus: 401 });
    expect(requests.map((r) => `${r.method} ${r.path}?${r.query.toString()}`).sort()).toEqual([`GET /${EU}/v4/domains?limit=1`, `GET /${US}/v4/domains?limit=1`]);
    for (const r of requests) expect(Buffer.from(r.headers.authorization!.slice(6), 'base64').toString() === `api:${key}`).toBe(true);
  });

  it('builds the regional hosts from the default base URL, and asks a base URL without {host} once', async () => {
    expect(regionBaseUrls(mailgunCheck.defaultBaseUrl, MAILGUN_REGIONS)).toEqual([
      { region: 'US', baseUrl: 'https://api.mailgun.net' },
      { region: 'EU', baseUrl: 'https://api.eu.mailgun.net' },
    ]);
    const { verdict, requests } = await checkOnce({ check: mailgunCheck, routes: mailgunRoutes, input, valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'Mailgun accepted the key', owner });
    expect(requests.map((r) => r.path)).toEqual(['/v4/domains']);
  });

  it('is revoked for a JSON refusal too ("Invalid private key")', async () => {
    const refusal: StandInReply = { status: 401, body: { message: 'Invalid private key' } };
    const { verdict } = await checkOnce({ check: mailgunCheck, routes: perRegion({ [US]: refusal, [EU]: refusal }), input, baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
  });

  it('is not revoked when one region refused and the other could not answer', async () => {
    const { verdict } = await checkOnce({ check: mailgunCheck, routes: perRegion({ [US]: MAILGUN_FORBIDDEN, [EU]: RATE_LIMITED }), input, baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 429, retryAfterMs: 30_000 });
    expect(verdict.reason).toMatch(/^EU: /);
    const error = await checkOnce({ check: mailgunCheck, routes: perRegion({ [US]: { status: 502, body: 'Bad Gateway' }, [EU]: MAILGUN_FORBIDDEN }), input, baseUrl: regional });
    expect(error.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 502 });
  });

  it('is live when one region accepts whatever the other answers', async () => {
    const live: StandInReply = { status: 200, body: { total_count: 1, items: [{ name: 'eu.example.com' }] } };
    const { verdict } = await checkOnce({ check: mailgunCheck, routes: perRegion({ [US]: RATE_LIMITED, [EU]: live }), input, baseUrl: regional });
    expect(verdict).toEqual({ outcome: 'live', reason: 'Mailgun accepted the key (EU)', httpStatus: 200, owner: { account: 'eu.example.com' } });
  });

  it('prefers the region that has domains for attribution (keys are global, domains are regional)', async () => {
    const empty: StandInReply = { status: 200, body: { total_count: 0, items: [] } };
    const eu: StandInReply = { status: 200, body: { total_count: 1, items: [{ name: 'eu.example.com' }] } };
    const { verdict } = await checkOnce({ check: mailgunCheck, routes: perRegion({ [US]: empty, [EU]: eu }), input, baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'live', owner: { account: 'eu.example.com' } });
  });

  it('is unknown for 403 (valid credentials, access denied) and for a 401 with another body', async () => {
    const denied: StandInReply = { status: 403, body: { message: 'Domain not allowed' } };
    const forbidden = await checkOnce({ check: mailgunCheck, routes: perRegion({ [US]: denied, [EU]: denied }), input, baseUrl: regional });
    expect(forbidden.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
    const other: StandInReply = { status: 401, body: { message: 'Please upgrade your plan' } };
    const unauthorized = await checkOnce({ check: mailgunCheck, routes: perRegion({ [US]: other, [EU]: other }), input, baseUrl: regional });
    expect(unauthorized.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('is unknown for a 200 without a domain list', async () => {
    const odd: StandInReply = { status: 200, body: { message: 'ok' } };
    const { verdict } = await checkOnce({ check: mailgunCheck, routes: perRegion({ [US]: odd, [EU]: MAILGUN_FORBIDDEN }), input, baseUrl: regional });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('attributes domain names', () => {
    expect(attributeDomains({ total_count: 1, items: [{ name: 'a.example' }] })).toEqual({ account: 'a.example' });
    expect(attributeDomains({ total_count: 0, items: [] })).toBeUndefined();
  });
});
