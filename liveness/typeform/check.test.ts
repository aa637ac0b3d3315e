import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import { bearerCredential, type StandInReply, type StandInRoute } from '../../test/support/provider-stand-in.js';
import {
  TYPEFORM_AUTHENTICATION_FAILED,
  TYPEFORM_ME,
  TYPEFORM_ME_PATH,
  TYPEFORM_NO_CREDENTIALS,
  typeformRoutes,
} from '../../test/support/providers/typeform.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { regionBaseUrls } from '../http/regions.js';
import { attributeMe, TYPEFORM_STACKS, typeformCheck } from './check.js';

const t = new TokenFactory('liveness-typeform');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'typeform-personal-access-token')!.examples.generate!(t);
const input = secretInput('typeform-personal-access-token', token);
const OWNER = { user: 'johndoe', email: 'johndoe@example.com' };
const PER_STACK = (url: string): string => `${url}/{host}`;

describeProviderCheck({
  check: typeformCheck,
  routes: typeformRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v.owner).toEqual(OWNER) }],
});

/** The stand-in answering `reply` to every credential. */
function answering(reply: StandInReply): StandInRoute[] {
  return typeformRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}

/** Stack-aware stand-in: the stack `home` accepts the token it holds valid; the other answers `other`. */
function stacks(home: string | undefined, other: StandInReply = TYPEFORM_AUTHENTICATION_FAILED): StandInRoute[] {
  const hostOf = (path: string): string => TYPEFORM_ME_PATH.exec(path)![1]!;
  return [
    {
      method: 'GET',
      path: TYPEFORM_ME_PATH,
      credential: bearerCredential,
      live: (request) => (hostOf(request.path) === home ? TYPEFORM_ME : other),
      revoked: (request) => (hostOf(request.path) === home ? TYPEFORM_AUTHENTICATION_FAILED : other),
    },
  ];
}

describe('typeform liveness check, provider-specific answers', () => {
  it('only ever reads: one GET /me with the token as a bearer header', async () => {
    const { verdict, requests } = await checkOnce({ check: typeformCheck, routes: typeformRoutes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /me']);
    expect(requests[0]!.headers.authorization === `Bearer ${token}`).toBe(true);
  });

  it('asks api.typeform.com, then api.typeform.eu, and is live from typeform.eu for a typeform.eu token', async () => {
    const { verdict, requests } = await checkOnce({ check: typeformCheck, routes: stacks('api.typeform.eu'), input, valid: [token], baseUrl: PER_STACK });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'Typeform accepted the token (typeform.eu)', owner: OWNER });
    expect(requests.map((r) => r.path)).toEqual(['/api.typeform.com/me', '/api.typeform.eu/me']);
  });

  it('stops at api.typeform.com when it accepts the token', async () => {
    const { verdict, requests } = await checkOnce({ check: typeformCheck, routes: stacks('api.typeform.com'), input, valid: [token], baseUrl: PER_STACK });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'Typeform accepted the token (typeform.com)' });
    expect(requests).toHaveLength(1);
  });

  it('is revoked only when both stacks refuse the token', async () => {
    const { verdict, requests } = await checkOnce({ check: typeformCheck, routes: stacks(undefined), input, valid: [token], baseUrl: PER_STACK });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Typeform: both typeform.com and typeform.eu refused the token', httpStatus: 403 });
    expect(requests).toHaveLength(2);
  });

  it('is unknown when one stack refuses and the other does not answer in the documented way', async () => {
    const answers: StandInReply[] = [
      { status: 429, headers: { 'retry-after': '2' }, body: { code: 'RATE_LIMITED', description: 'Too many requests' } },
      { status: 502, body: 'bad gateway' },
      { status: 403, body: { code: 'FORBIDDEN', description: 'Insufficient scopes: accounts:read' } },
    ];
    for (const other of answers) {
      const routes: StandInRoute[] = [
        {
          method: 'GET',
          path: TYPEFORM_ME_PATH,
          credential: bearerCredential,
          live: (request) => (request.path.startsWith('/api.typeform.com/') ? other : TYPEFORM_AUTHENTICATION_FAILED),
          revoked: (request) => (request.path.startsWith('/api.typeform.com/') ? other : TYPEFORM_AUTHENTICATION_FAILED),
        },
      ];
      const { verdict } = await checkOnce({ check: typeformCheck, routes, input, valid: [token], baseUrl: PER_STACK });
      expect(verdict, String(other.status)).toMatchObject({ outcome: 'unknown', httpStatus: other.status });
    }
  });

  it('is revoked for each documented authentication error code', async () => {
    for (const code of ['AUTHENTICATION_ERROR', 'INVALID_AUTHORIZATION']) {
      const { verdict } = await checkOnce({ check: typeformCheck, routes: answering({ status: 403, body: { code, description: 'The access token is incorrect' } }), input });
      expect(verdict, code).toEqual({ outcome: 'revoked', reason: `Typeform: ${code}`, httpStatus: 403 });
    }
  });

  it('is unknown when the token did not arrive, for other refusals and for a 200 without an account', async () => {
    const answers: StandInReply[] = [
      TYPEFORM_NO_CREDENTIALS,
      { status: 403, body: { code: 'FORBIDDEN', description: 'Insufficient scopes: accounts:read' } },
      { status: 200, body: { code: 'AUTHENTICATION_FAILED', description: 'Authentication failed' } },
      { status: 200, body: { language: 'en' } },
    ];
    for (const reply of answers) {
      const { verdict } = await checkOnce({ check: typeformCheck, routes: answering(reply), input });
      expect(verdict, JSON.stringify(reply.body)).toMatchObject({ outcome: 'unknown', httpStatus: reply.status });
    }
  });

  it('builds both stack hosts from the default base URL, and asks a configured one once', () => {
    expect(regionBaseUrls(typeformCheck.defaultBaseUrl, TYPEFORM_STACKS).map((x) => x.baseUrl)).toEqual(['https://api.typeform.com', 'https://api.typeform.eu']);
    expect(regionBaseUrls('http://127.0.0.1:9999', TYPEFORM_STACKS).map((x) => x.baseUrl)).toEqual(['http://127.0.0.1:9999']);
  });

  it('attributes the alias and email', () => {
    expect(attributeMe({ alias: 'ada', email: 'ada@example.com', language: 'en' })).toEqual({ user: 'ada', email: 'ada@example.com' });
    expect(attributeMe({ user_id: 'u1' })).toEqual({ user: 'u1' });
    expect(attributeMe({ language: 'en' })).toBeUndefined();
  });
});
