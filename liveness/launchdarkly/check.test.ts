import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/launchdarkly-access-token/examples.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import {
  LAUNCHDARKLY_IDENTITY,
  LAUNCHDARKLY_IDENTITY_PATH,
  LAUNCHDARKLY_INVALID_TOKEN,
  launchdarklyCredential,
  launchdarklyRoutes,
} from '../../test/support/providers/launchdarkly.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { regionBaseUrls } from '../http/regions.js';
import { attributeIdentity, LAUNCHDARKLY_INSTANCES, launchdarklyCheck } from './check.js';

const t = new TokenFactory('liveness-launchdarkly');
const token = examples.generate!(t);
const input = secretInput('launchdarkly-access-token', token);
const OWNER = { account: '5f3a1c2b9d0e4a0012345678', user: '5f3a1c2b9d0e4a0087654321', tokenName: 'deploy-script' };
const PER_INSTANCE = (url: string): string => `${url}/{host}`;

describeProviderCheck({
  check: launchdarklyCheck,
  routes: launchdarklyRoutes,
  cases: [
    {
      input,
      credential: token,
      expectLive: (v) => {
        expect(v.owner).toEqual(OWNER);
        expect(v.scopes).toEqual(['reader']);
      },
    },
  ],
});

/** The stand-in answering `reply` to every credential. */
function answering(reply: StandInReply): StandInRoute[] {
  return launchdarklyRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}

/** Instance-aware stand-in: the instance named `home` accepts the token it holds valid; every other instance answers `other`. */
function instances(home: string | undefined, other: StandInReply = LAUNCHDARKLY_INVALID_TOKEN): StandInRoute[] {
  const hostOf = (path: string): string => LAUNCHDARKLY_IDENTITY_PATH.exec(path)![1]!;
  return [
    {
      method: 'GET',
      path: LAUNCHDARKLY_IDENTITY_PATH,
      credential: launchdarklyCredential,
      live: (request) => (hostOf(request.path) === home ? LAUNCHDARKLY_IDENTITY : other),
      revoked: (request) => (hostOf(request.path) === home ? LAUNCHDARKLY_INVALID_TOKEN : other),
    },
  ];
}

describe('launchdarkly liveness check, provider-specific answers', () => {
  it('only ever reads: one GET /api/v2/caller-identity with the token bare in Authorization', async () => {
    const { verdict, requests } = await checkOnce({ check: launchdarklyCheck, routes: launchdarklyRoutes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v2/caller-identity']);
    expect(requests[0]!.headers.authorization === token).toBe(true);
  });

  it('asks the commercial, federal and EU instances in turn and is live from the one that knows the token', async () => {
    const { verdict, requests } = await checkOnce({ check: launchdarklyCheck, routes: instances('app.eu.launchdarkly.com'), input, valid: [token], baseUrl: PER_INSTANCE });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'LaunchDarkly accepted the token (EU instance)', owner: OWNER });
    expect(requests.map((r) => r.path)).toEqual([
      '/app.launchdarkly.com/api/v2/caller-identity',
      '/app.launchdarkly.us/api/v2/caller-identity',
      '/app.eu.launchdarkly.com/api/v2/caller-identity',
    ]);
  });

  it('stops at the commercial instance when it accepts the token', async () => {
    const { verdict, requests } = await checkOnce({ check: launchdarklyCheck, routes: instances('app.launchdarkly.com'), input, valid: [token], baseUrl: PER_INSTANCE });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'LaunchDarkly accepted the token (commercial instance)' });
    expect(requests).toHaveLength(1);
  });

  it('is revoked only when every instance answers "Invalid access token"', async () => {
    const { verdict, requests } = await checkOnce({ check: launchdarklyCheck, routes: instances(undefined), input, valid: [token], baseUrl: PER_INSTANCE });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'LaunchDarkly: every instance (commercial, federal, EU) answered "Invalid access token"', httpStatus: 401 });
    expect(requests).toHaveLength(3);
  });

  it('is unknown when one instance refuses and another does not answer in the documented way', async () => {
    const rateLimited: StandInReply = { status: 429, headers: { 'retry-after': '5' }, body: { code: 'rate_limited', message: 'You have made too many requests' } };
    for (const other of [rateLimited, { status: 503, body: { code: 'service_unavailable', message: 'down' } }]) {
      const routes: StandInRoute[] = [
        {
          method: 'GET',
          path: LAUNCHDARKLY_IDENTITY_PATH,
          credential: launchdarklyCredential,
          live: (request) => (request.path.startsWith('/app.launchdarkly.us/') ? other : LAUNCHDARKLY_INVALID_TOKEN),
          revoked: (request) => (request.path.startsWith('/app.launchdarkly.us/') ? other : LAUNCHDARKLY_INVALID_TOKEN),
        },
      ];
      const { verdict } = await checkOnce({ check: launchdarklyCheck, routes, input, valid: [token], baseUrl: PER_INSTANCE });
      expect(verdict, String(other.status)).toMatchObject({ outcome: 'unknown', httpStatus: other.status });
    }
  });

  it('marks a service token', async () => {
    const reply = { status: 200, body: { ...(LAUNCHDARKLY_IDENTITY.body as object), serviceToken: true, memberId: undefined } };
    const { verdict } = await checkOnce({ check: launchdarklyCheck, routes: answering(reply), input });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'LaunchDarkly accepted the service token', owner: { account: OWNER.account, tokenName: 'deploy-script' } });
  });

  it('is unknown for a 401 that is not "Invalid access token", a 403, and a 200 without an identity', async () => {
    const answers: StandInReply[] = [
      { status: 401, body: { code: 'unauthorized', message: 'Requestor does not have permission for this API call' } },
      { status: 403, body: { code: 'forbidden', message: 'Access to the requested resource was denied' } },
      { status: 200, body: { code: 'unauthorized', message: 'Invalid access token' } },
      { status: 200, body: {} },
    ];
    for (const reply of answers) {
      const { verdict } = await checkOnce({ check: launchdarklyCheck, routes: answering(reply), input });
      expect(verdict, JSON.stringify(reply.body)).toMatchObject({ outcome: 'unknown', httpStatus: reply.status });
    }
  });

  it('builds the three instance hosts from the default base URL, and asks a configured one once', () => {
    expect(regionBaseUrls(launchdarklyCheck.defaultBaseUrl, LAUNCHDARKLY_INSTANCES).map((x) => x.baseUrl)).toEqual([
      'https://app.launchdarkly.com',
      'https://app.launchdarkly.us',
      'https://app.eu.launchdarkly.com',
    ]);
    expect(regionBaseUrls('https://ld-proxy.example/', LAUNCHDARKLY_INSTANCES).map((x) => x.baseUrl)).toEqual(['https://ld-proxy.example']);
  });

  it('attributes the account, member and token name', () => {
    expect(attributeIdentity({ accountId: 'a1', memberId: 'm1', tokenName: 'ci', environmentName: 'Production' })).toEqual({ account: 'a1', user: 'm1', tokenName: 'ci' });
    expect(attributeIdentity({ authKind: 'token' })).toBeUndefined();
  });
});
