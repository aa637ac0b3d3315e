import { describe, expect, it } from 'vitest';
import { examples as apiKeys } from '../../detectors/linear-api-key/examples.js';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { LINEAR_AUTHENTICATION_ERROR, linearRoutes } from '../../test/support/providers/linear.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeViewer, linearCheck } from './check.js';

const t = new TokenFactory('liveness-linear');
const apiKey = apiKeys.generate!(t);
const oauthToken = TABLE_ENTRIES.find((e) => e.row.id === 'linear-oauth-access-token')!.examples.generate!(t);
const input = secretInput('linear-api-key', apiKey);
const owner = { user: 'Karri Saarinen', email: 'karri@example.com', account: 'Acme' };

describeProviderCheck({
  check: linearCheck,
  routes: linearRoutes,
  readMethods: ['POST'],
  cases: [
    { input, credential: apiKey, expectLive: (v) => expect(v.owner).toEqual(owner) },
    { input: secretInput('linear-oauth-access-token', oauthToken), credential: oauthToken, expectLive: (v) => expect(v.owner).toEqual(owner) },
  ],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return linearRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('linear liveness check, provider-specific answers', () => {
  it('sends a single read-only viewer query, the API key bare and the OAuth token as Bearer', async () => {
    const key = await checkOnce({ check: linearCheck, routes: linearRoutes, input, valid: [apiKey] });
    const oauth = await checkOnce({ check: linearCheck, routes: linearRoutes, input: secretInput('linear-oauth-access-token', oauthToken), valid: [oauthToken] });
    for (const { requests } of [key, oauth]) {
      expect(requests).toHaveLength(1);
      const { query } = JSON.parse(requests[0]!.body) as { query: string };
      expect(query).toMatch(/^query\b/);
      expect(query).not.toMatch(/mutation/i);
    }
    expect(key.requests[0]!.headers.authorization === apiKey).toBe(true);
    expect(oauth.requests[0]!.headers.authorization === `Bearer ${oauthToken}`).toBe(true);
  });

  it('is revoked for the AUTHENTICATION_ERROR answer, with HTTP 400 or 401', async () => {
    const at400 = await checkOnce({ check: linearCheck, routes: answering(() => LINEAR_AUTHENTICATION_ERROR), input });
    expect(at400.verdict).toEqual({ outcome: 'revoked', reason: 'Linear: Authentication required, not authenticated', httpStatus: 400 });
    const at401 = await checkOnce({ check: linearCheck, routes: answering(() => ({ ...LINEAR_AUTHENTICATION_ERROR, status: 401 })), input });
    expect(at401.verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
  });

  it('is unknown for a FORBIDDEN GraphQL error and for a 400 without a code', async () => {
    const forbidden = await checkOnce({
      check: linearCheck,
      routes: answering(() => ({ status: 400, body: { errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] } })),
      input,
    });
    expect(forbidden.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 400 });
    const bare = await checkOnce({ check: linearCheck, routes: answering(() => ({ status: 400, body: { errors: [{ message: 'Bad request' }] } })), input });
    expect(bare.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 400 });
  });

  it('attributes the viewer', () => {
    expect(attributeViewer({ id: 'u1', organization: { urlKey: 'acme' } })).toEqual({ user: 'u1', account: 'acme' });
  });
});
