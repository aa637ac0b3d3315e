import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import { bearerCredential, type StandInReply, type StandInRoute } from '../../test/support/provider-stand-in.js';
import { SQUARE_TOKEN_STATUS, SQUARE_TOKEN_STATUS_PATH, SQUARE_UNAUTHORIZED, squareRoutes } from '../../test/support/providers/square.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { regionBaseUrls } from '../http/regions.js';
import { attributeTokenStatus, squareCheck, squareEnvironments } from './check.js';

const t = new TokenFactory('liveness-square');
const generate = (id: string): string => TABLE_ENTRIES.find((e) => e.row.id === id)!.examples.generate!(t);
const token = generate('square-access-token');
const legacy = generate('square-legacy-access-token');
const input = secretInput('square-access-token', token);
const legacyInput = secretInput('square-legacy-access-token', legacy);
const OWNER = { account: 'MLQW2BM0PQY7Y', tokenName: 'application CLIENT_ID' };
const PER_ENVIRONMENT = (url: string): string => `${url}/{host}`;

describeProviderCheck({
  check: squareCheck,
  routes: squareRoutes,
  readMethods: ['POST'],
  cases: [
    {
      input,
      credential: token,
      expectLive: (v) => {
        expect(v.owner).toEqual(OWNER);
        expect(v.scopes).toEqual(['PAYMENTS_READ', 'PAYMENTS_WRITE']);
      },
    },
    { input: legacyInput, credential: legacy, expectLive: (v) => expect(v.owner).toEqual(OWNER) },
  ],
});

/** The stand-in answering `reply` to every credential. */
function answering(reply: StandInReply): StandInRoute[] {
  return squareRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}

/** Environment-aware stand-in: each environment answers `replies[host]` to the credential it holds valid, and refuses others. */
function environments(replies: Record<string, (credential: string | undefined) => StandInReply>): StandInRoute[] {
  return [
    {
      method: 'POST',
      path: SQUARE_TOKEN_STATUS_PATH,
      credential: bearerCredential,
      live: (request) => replies[SQUARE_TOKEN_STATUS_PATH.exec(request.path)![1]!]!(bearerCredential(request)),
      revoked: (request) => replies[SQUARE_TOKEN_STATUS_PATH.exec(request.path)![1]!]!(undefined),
    },
  ];
}

const refuses = (): StandInReply => SQUARE_UNAUTHORIZED;
const accepts = (credential: string | undefined): StandInReply => (credential !== undefined ? SQUARE_TOKEN_STATUS : SQUARE_UNAUTHORIZED);

describe('square liveness check, provider-specific answers', () => {
  it('only ever reads: one POST /oauth2/token/status, bearer token, Square-Version, no body', async () => {
    const { verdict, requests } = await checkOnce({ check: squareCheck, routes: squareRoutes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth2/token/status']);
    expect(requests[0]!.headers.authorization === `Bearer ${token}`).toBe(true);
    expect(requests[0]!.headers['square-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(requests[0]!.body).toBe('');
  });

  it('asks production, then the Sandbox, and is live from the Sandbox for a Sandbox token', async () => {
    const { verdict, requests } = await checkOnce({
      check: squareCheck,
      routes: environments({ 'connect.squareup.com': refuses, 'connect.squareupsandbox.com': accepts }),
      input,
      valid: [token],
      baseUrl: PER_ENVIRONMENT,
    });
    expect(verdict).toMatchObject({ outcome: 'live', httpStatus: 200, owner: OWNER });
    expect(verdict.reason).toMatch(/Sandbox/);
    expect(requests.map((r) => r.path)).toEqual(['/connect.squareup.com/oauth2/token/status', '/connect.squareupsandbox.com/oauth2/token/status']);
  });

  it('stops at production when production accepts the token', async () => {
    const { verdict, requests } = await checkOnce({
      check: squareCheck,
      routes: environments({ 'connect.squareup.com': accepts, 'connect.squareupsandbox.com': refuses }),
      input,
      valid: [token],
      baseUrl: PER_ENVIRONMENT,
    });
    expect(verdict).toMatchObject({ outcome: 'live', reason: 'Square accepted the token (production)' });
    expect(requests).toHaveLength(1);
  });

  it('is revoked only when both environments refuse the token', async () => {
    const { verdict, requests } = await checkOnce({
      check: squareCheck,
      routes: environments({ 'connect.squareup.com': refuses, 'connect.squareupsandbox.com': refuses }),
      input,
      valid: [token],
      baseUrl: PER_ENVIRONMENT,
    });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Square: every environment (production, Sandbox) refused the token', httpStatus: 401 });
    expect(requests).toHaveLength(2);
  });

  it('is unknown when production refuses and the Sandbox does not answer in the documented way', async () => {
    for (const reply of [{ status: 500, body: { message: 'internal' } }, { status: 429, headers: { 'retry-after': '3' }, body: { errors: [{ category: 'RATE_LIMIT_ERROR', code: 'RATE_LIMITED' }] } }]) {
      const { verdict } = await checkOnce({
        check: squareCheck,
        routes: environments({ 'connect.squareup.com': refuses, 'connect.squareupsandbox.com': () => reply }),
        input,
        valid: [token],
        baseUrl: PER_ENVIRONMENT,
      });
      expect(verdict, String(reply.status)).toMatchObject({ outcome: 'unknown', httpStatus: reply.status });
    }
  });

  it('asks only production for a legacy sq0atp- token', async () => {
    const { verdict, requests } = await checkOnce({
      check: squareCheck,
      routes: environments({ 'connect.squareup.com': refuses, 'connect.squareupsandbox.com': accepts }),
      input: legacyInput,
      valid: [legacy],
      baseUrl: PER_ENVIRONMENT,
    });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Square: UNAUTHORIZED', httpStatus: 401 });
    expect(requests.map((r) => r.path)).toEqual(['/connect.squareup.com/oauth2/token/status']);
  });

  it('is revoked for the documented expired and revoked token codes', async () => {
    for (const code of ['ACCESS_TOKEN_EXPIRED', 'ACCESS_TOKEN_REVOKED']) {
      const reply = { status: 401, body: { errors: [{ category: 'AUTHENTICATION_ERROR', code, detail: 'The provided access token has expired.' }] } };
      const { verdict } = await checkOnce({ check: squareCheck, routes: answering(reply), input });
      expect(verdict, code).toEqual({ outcome: 'revoked', reason: `Square: ${code}`, httpStatus: 401 });
    }
  });

  it('is unknown for refusals that do not say the token is invalid', async () => {
    const answers: Array<[number, string, string]> = [
      [403, 'AUTHENTICATION_ERROR', 'FORBIDDEN'],
      [403, 'AUTHENTICATION_ERROR', 'INSUFFICIENT_SCOPES'],
      [401, 'AUTHENTICATION_ERROR', 'APPLICATION_DISABLED'],
      [401, 'AUTHENTICATION_ERROR', 'CLIENT_DISABLED'],
      [401, 'INVALID_REQUEST_ERROR', 'UNAUTHORIZED'],
    ];
    for (const [status, category, code] of answers) {
      const { verdict } = await checkOnce({ check: squareCheck, routes: answering({ status, body: { errors: [{ category, code }] } }), input });
      expect(verdict, `${status} ${code}`).toMatchObject({ outcome: 'unknown', httpStatus: status });
    }
  });

  it('is unknown for a malformed-header answer, a 200 carrying errors and a 200 without the token fields', async () => {
    const answers: StandInReply[] = [
      { status: 400, body: { message: 'bad authorization header', type: 'bad_request.invalid_parameter' } },
      { status: 200, body: { errors: [{ category: 'API_ERROR', code: 'INTERNAL_SERVER_ERROR' }] } },
      { status: 200, body: { ...(SQUARE_TOKEN_STATUS.body as object), errors: [{ category: 'API_ERROR', code: 'INTERNAL_SERVER_ERROR' }] } },
      { status: 200, body: {} },
    ];
    for (const reply of answers) {
      const { verdict } = await checkOnce({ check: squareCheck, routes: answering(reply), input });
      expect(verdict, JSON.stringify(reply.body)).toMatchObject({ outcome: 'unknown', httpStatus: reply.status });
    }
  });

  it('builds the environment hosts from the default base URL, and asks a configured one once', () => {
    const both = squareEnvironments('square-access-token');
    expect(regionBaseUrls(squareCheck.defaultBaseUrl, both).map((x) => x.baseUrl)).toEqual(['https://connect.squareup.com', 'https://connect.squareupsandbox.com']);
    expect(regionBaseUrls('http://127.0.0.1:9999/', both).map((x) => x.baseUrl)).toEqual(['http://127.0.0.1:9999']);
    expect(regionBaseUrls(squareCheck.defaultBaseUrl, squareEnvironments('square-legacy-access-token')).map((x) => x.baseUrl)).toEqual(['https://connect.squareup.com']);
  });

  it('attributes the merchant and the application', () => {
    expect(attributeTokenStatus({ merchant_id: 'M1', client_id: 'app-1', scopes: [] })).toEqual({ account: 'M1', tokenName: 'application app-1' });
    expect(attributeTokenStatus({ scopes: ['ITEMS_READ'] })).toBeUndefined();
  });
});
