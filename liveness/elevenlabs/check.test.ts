import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/elevenlabs-api-key/examples.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { ELEVENLABS_INVALID_KEY, ELEVENLABS_MISSING_PERMISSIONS, elevenlabsRoutes } from '../../test/support/providers/elevenlabs.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeUser, elevenlabsCheck } from './check.js';

const t = new TokenFactory('liveness-elevenlabs');
const key = examples.generate!(t);
const input = secretInput('elevenlabs-api-key', key);

describeProviderCheck({
  check: elevenlabsCheck,
  routes: elevenlabsRoutes,
  cases: [
    {
      input,
      credential: key,
      expectLive: (v) => expect(v).toEqual({ outcome: 'live', reason: 'ElevenLabs accepted the key', httpStatus: 200, owner: { user: 'pQ9x2LmT4vYb8RcK1sNd', account: 'creator subscription' } }),
    },
  ],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return elevenlabsRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('elevenlabs liveness check, provider-specific answers', () => {
  it('sends the key in xi-api-key, not as a bearer token', async () => {
    const { requests } = await checkOnce({ check: elevenlabsCheck, routes: elevenlabsRoutes, input, valid: [key] });
    expect(requests[0]!.headers['xi-api-key']).toBe(key);
    expect(requests[0]!.headers.authorization).toBeUndefined();
  });

  it('is revoked for invalid_api_key', async () => {
    const { verdict } = await checkOnce({ check: elevenlabsCheck, routes: answering(() => ELEVENLABS_INVALID_KEY), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'ElevenLabs: invalid_api_key', httpStatus: 401 });
  });

  it('is live, without an owner, for a key that may not read the user', async () => {
    const { verdict } = await checkOnce({ check: elevenlabsCheck, routes: answering(() => ELEVENLABS_MISSING_PERMISSIONS), input });
    expect(verdict).toMatchObject({ outcome: 'live', httpStatus: 401 });
    expect(verdict.owner).toBeUndefined();
  });

  it('is unknown for another 401 status', async () => {
    const { verdict } = await checkOnce({
      check: elevenlabsCheck,
      routes: answering(() => ({ status: 401, body: { detail: { status: 'detected_unusual_activity', message: 'Unusual activity detected.' } } })),
      input,
    });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('attributes the user id and tier, never the echoed key', () => {
    expect(attributeUser({ user_id: 'u1', xi_api_key: 'sk_whatever', subscription: { tier: 'free' } })).toEqual({ user: 'u1', account: 'free subscription' });
    expect(attributeUser({})).toEqual({});
  });
});
