import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { MAPBOX_DELETED_TOKEN, mapboxRoutes } from '../../test/support/providers/mapbox.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeToken, mapboxCheck } from './check.js';

const t = new TokenFactory('liveness-mapbox');
const generate = (id: string): string => TABLE_ENTRIES.find((e) => e.row.id === id)!.examples.generate!(t);
const secretToken = generate('mapbox-secret-token');
const temporaryToken = generate('mapbox-temporary-token');
const input = secretInput('mapbox-secret-token', secretToken);

describeProviderCheck({
  check: mapboxCheck,
  routes: mapboxRoutes,
  cases: [
    {
      input,
      credential: secretToken,
      expectLive: (v) => {
        expect(v.owner).toEqual({ user: 'cartographer', tokenName: 'tile uploads' });
        expect(v.scopes).toEqual(['styles:read', 'uploads:write']);
      },
    },
    { input: secretInput('mapbox-temporary-token', temporaryToken), credential: temporaryToken },
  ],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return mapboxRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('mapbox liveness check, provider-specific answers', () => {
  it('sends the token in the access_token query parameter only', async () => {
    const { verdict, requests } = await checkOnce({ check: mapboxCheck, routes: mapboxRoutes, input, valid: [secretToken] });
    expect(verdict.outcome).toBe('live');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.query.get('access_token')).toBe(secretToken);
    expect(requests[0]!.headers.authorization).toBeUndefined();
  });

  for (const code of ['TokenExpired', 'TokenRevoked', 'TokenMalformed']) {
    it(`is revoked for ${code}, even with status 200`, async () => {
      const { verdict } = await checkOnce({ check: mapboxCheck, routes: answering(() => ({ status: 200, body: { code } })), input });
      expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 200, reason: `Mapbox: ${code}` });
    });
  }

  it('is revoked for a deleted token (401 "Not Authorized - Invalid Token")', async () => {
    const { verdict } = await checkOnce({ check: mapboxCheck, routes: answering(() => MAPBOX_DELETED_TOKEN), input });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
  });

  it('is unknown for a 403 that concerns the request, not the token', async () => {
    const { verdict } = await checkOnce({ check: mapboxCheck, routes: answering(() => ({ status: 403, body: { message: 'Forbidden' } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('is unknown for a 200 without a known code', async () => {
    const { verdict } = await checkOnce({ check: mapboxCheck, routes: answering(() => ({ status: 200, body: { code: 'SomethingNew' } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('attributes the user and the token note', () => {
    expect(attributeToken({ user: 'mapbox', usage: 'sk', note: 'ci' })).toEqual({ user: 'mapbox', tokenName: 'ci' });
    expect(attributeToken({})).toEqual({});
  });
});
