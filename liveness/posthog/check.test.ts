import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/posthog-personal-api-key/examples.js';
import type { LivenessVerdict } from '../../liveness/types.js';
import type { RecordedRequest, StandInMode, StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { POSTHOG_INVALID_KEY, posthogRegional, posthogRoutes } from '../../test/support/providers/posthog.js';
import { checkOnce, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { regionBaseUrls } from '../http/regions.js';
import { attributeUser, combineRegions, POSTHOG_REGIONS, posthogCheck } from './check.js';

/**
 * The PostHog check never says `revoked` (a key both clouds refuse may
 * belong to a self-hosted instance), so describeProviderCheck's revoked case
 * does not apply; these tests run the same standard cases (live, refused,
 * 429 with Retry-After, 500, timeout, HTML, only reads, no secret in a
 * verdict) with the refusal expected as unknown.
 */
const t = new TokenFactory('liveness-posthog');
function fullKey(): string {
  for (;;) {
    const k = examples.generate!(t);
    if (!k.startsWith('phx_S')) return k;
  }
}
const key = fullKey();
const scopedKey = `phx_S${fullKey().slice(5)}`;
const input = secretInput('posthog-personal-api-key', key);
const US = 'us.posthog.com';
const EU = 'eu.posthog.com';
/** Both clouds pointed at the stand-in: the first path segment names the cloud's host. */
const regional = (url: string): string => `${url}/{host}`;
const owner = { user: 'Max Hedgehog', email: 'max@example.com', account: 'Hogflix' };

const requests: RecordedRequest[] = [];
const verdicts: LivenessVerdict[] = [];
async function run(spec: { valid?: string[]; mode?: StandInMode; routes?: StandInRoute[]; withKey?: string; baseUrl?: (url: string) => string }): Promise<LivenessVerdict> {
  const result = await checkOnce({
    check: posthogCheck,
    routes: spec.routes ?? posthogRoutes,
    input: spec.withKey ? secretInput('posthog-personal-api-key', spec.withKey) : input,
    baseUrl: spec.baseUrl ?? regional,
    ...(spec.valid ? { valid: spec.valid } : {}),
    ...(spec.mode ? { mode: spec.mode } : {}),
  });
  requests.push(...result.requests);
  verdicts.push(result.verdict);
  return result.verdict;
}

/** Each cloud answers with its own reply. */
function perRegion(replies: Record<string, StandInReply>): StandInRoute[] {
  const reply = (path: string): StandInReply => replies[path.split('/')[1] ?? ''] ?? POSTHOG_INVALID_KEY;
  return posthogRoutes.map((r) => ({ ...r, live: (req) => reply(req.path), revoked: (req) => reply(req.path) }));
}

describe('posthog liveness check against its stand-in', () => {
  it('lists the detector it checks and links the API reference', () => {
    expect(posthogCheck.detectors).toEqual(['posthog-personal-api-key']);
    expect(posthogCheck.apiReference).toMatch(/^https:\/\//);
    expect(posthogCheck.defaultBaseUrl).toMatch(/^https:\/\//);
  });

  it('is live when the US cloud accepts the key, and when the EU cloud does', async () => {
    expect(await run({ valid: [posthogRegional(US, key)] })).toEqual({ outcome: 'live', reason: 'PostHog accepted the key (US)', httpStatus: 200, owner });
    expect(await run({ valid: [posthogRegional(EU, key)] })).toEqual({ outcome: 'live', reason: 'PostHog accepted the key (EU)', httpStatus: 200, owner });
  });

  it('is live, without attribution, for a key that lacks the user:read scope (403 missing scope)', async () => {
    const v = await run({ valid: [posthogRegional(EU, scopedKey)], withKey: scopedKey });
    expect(v).toEqual({ outcome: 'live', reason: "PostHog accepted the key, which lacks a scope: API key missing required scope 'user:read' (EU)", httpStatus: 403 });
  });

  it('is never revoked: a key both clouds refuse is unknown (it may belong to a self-hosted PostHog)', async () => {
    for (const mode of ['live', 'revoked'] as const) {
      const v = await run({ mode });
      expect(v, mode).toEqual({
        outcome: 'unknown',
        reason: 'PostHog Cloud (US, EU) refused the key as invalid; it may be revoked or belong to a self-hosted PostHog',
        httpStatus: 401,
      });
    }
    // A configured self-hosted instance (no {host}) refusing the key: unknown too.
    const selfHosted = await run({ baseUrl: (url) => url });
    expect(selfHosted).toMatchObject({ outcome: 'unknown', reason: 'the configured PostHog refused the key as invalid; it may be revoked or belong to a self-hosted PostHog' });
  });

  it('is unknown, with the wait, when rate limited', async () => {
    expect(await run({ mode: 'rate-limited' })).toMatchObject({ outcome: 'unknown', httpStatus: 429, retryAfterMs: 7000 });
  });

  it('is unknown on a provider error', async () => {
    expect(await run({ mode: 'error' })).toMatchObject({ outcome: 'unknown', httpStatus: 500 });
  });

  it('is unknown on a timeout', async () => {
    const v = await run({ mode: 'timeout' });
    expect(v.outcome).toBe('unknown');
    expect(v.reason).toMatch(/TIMEOUT/);
  });

  it('is unknown on an HTML page from a proxy', async () => {
    const v = await run({ mode: 'html' });
    expect(v.outcome).toBe('unknown');
    expect(v.reason).toMatch(/HTML/);
  });

  it('only reads, and never echoes a secret in a verdict', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.method).toBe('GET');
      expect(r.headers['user-agent']).toMatch(/pushgate/);
    }
    const json = JSON.stringify(verdicts);
    expect(json).not.toContain(key);
    expect(json).not.toContain(scopedKey);
  });
});

describe('posthog liveness check, provider-specific answers', () => {
  it('asks both clouds with the bearer key, one GET each', async () => {
    const result = await checkOnce({ check: posthogCheck, routes: posthogRoutes, input, baseUrl: regional });
    expect(result.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([`GET /${EU}/api/users/@me/`, `GET /${US}/api/users/@me/`]);
    for (const r of result.requests) expect(r.headers.authorization === `Bearer ${key}`).toBe(true);
  });

  it('builds the cloud hosts from the default base URL, and asks a base URL without {host} once', async () => {
    expect(regionBaseUrls(posthogCheck.defaultBaseUrl, POSTHOG_REGIONS).map((r) => r.baseUrl)).toEqual(['https://us.posthog.com', 'https://eu.posthog.com']);
    const result = await checkOnce({ check: posthogCheck, routes: posthogRoutes, input, valid: [key] });
    expect(result.verdict).toMatchObject({ outcome: 'live', reason: 'PostHog accepted the key', owner });
    expect(result.requests.map((r) => r.path)).toEqual(['/api/users/@me/']);
  });

  it('is live when one cloud accepts and the other is rate limited; unknown, with the wait, when one refuses and the other is rate limited', async () => {
    const limited: StandInReply = { status: 429, headers: { 'retry-after': '12' }, body: { type: 'throttled_error', code: 'throttled', detail: 'Request was throttled.', attr: null } };
    const live = posthogRoutes.map((r) => ({ ...r, live: (req: RecordedRequest, c: string) => (req.path.startsWith(`/${US}/`) ? limited : r.live(req, c)) }));
    const accepted = await checkOnce({ check: posthogCheck, routes: live, input, valid: [posthogRegional(EU, key), posthogRegional(US, key)], baseUrl: regional });
    expect(accepted.verdict).toMatchObject({ outcome: 'live', reason: 'PostHog accepted the key (EU)', owner });
    const waiting = await checkOnce({ check: posthogCheck, routes: perRegion({ [EU]: limited }), input, baseUrl: regional });
    expect(waiting.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 429, retryAfterMs: 12_000 });
    expect(waiting.verdict.reason).toMatch(/^EU: /);
  });

  it('is unknown for other authentication errors and for a 200 that is not a user', async () => {
    const notAuthenticated: StandInReply = { status: 401, body: { type: 'authentication_error', code: 'not_authenticated', detail: 'Authentication credentials were not provided.', attr: null } };
    const a = await checkOnce({ check: posthogCheck, routes: perRegion({ [US]: notAuthenticated, [EU]: notAuthenticated }), input, baseUrl: regional });
    expect(a.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
    expect(a.verdict.reason).toMatch(/not_authenticated/);
    const odd = await checkOnce({ check: posthogCheck, routes: perRegion({ [US]: { status: 200, body: { results: [] } } }), input, baseUrl: regional });
    expect(odd.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('combines cloud verdicts without ever passing on revoked', () => {
    const refused = { outcome: 'revoked' as const, reason: 'PostHog: invalid', httpStatus: 401 };
    expect(combineRegions([{ region: 'US', verdict: refused }, { region: 'EU', verdict: refused }]).outcome).toBe('unknown');
    expect(combineRegions([{ region: undefined, verdict: refused }]).outcome).toBe('unknown');
  });

  it('attributes user, email and organization', () => {
    expect(attributeUser({ uuid: 'u1', email: 'a@example.com', organization: { id: 'o1' } })).toEqual({ user: 'u1', email: 'a@example.com', account: 'o1' });
    expect(attributeUser({ first_name: 'Ada', last_name: '', email: 'a@example.com' })).toEqual({ user: 'Ada', email: 'a@example.com' });
  });
});
