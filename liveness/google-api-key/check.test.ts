import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/google-api-key/examples.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { GOOGLE_SERVICE_BLOCKED, GOOGLE_SERVICE_DISABLED, googleApiKeyRoutes } from '../../test/support/providers/google-api-key.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeErrorInfo, googleApiKeyCheck } from './check.js';

const t = new TokenFactory('liveness-google-api-key');
const key = examples.generate!(t);
const input = secretInput('google-api-key', key);

describeProviderCheck({
  check: googleApiKeyCheck,
  routes: googleApiKeyRoutes,
  cases: [{ input, credential: key, expectLive: (v) => expect(v).toMatchObject({ httpStatus: 200 }) }],
});

/** The stand-in answering `reply` to the valid key. */
function liveAnswer(reply: StandInReply): typeof googleApiKeyRoutes {
  return googleApiKeyRoutes.map((r) => ({ ...r, live: () => reply }));
}

describe('google-api-key liveness check, provider-specific answers', () => {
  it('sends the key in x-goog-api-key, never in the URL', async () => {
    const { requests } = await checkOnce({ check: googleApiKeyCheck, routes: googleApiKeyRoutes, input, valid: [key] });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers['x-goog-api-key']).toBe(key);
    expect(requests[0]!.query.get('key')).toBeNull();
    expect(requests[0]!.query.get('pageSize')).toBe('1');
  });

  it('is live, naming the project, when the project has not enabled the API (SERVICE_DISABLED)', async () => {
    const { verdict } = await checkOnce({ check: googleApiKeyCheck, routes: liveAnswer(GOOGLE_SERVICE_DISABLED), input, valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'live', httpStatus: 403, owner: { account: 'projects/123456789012' } });
    expect(verdict.reason).toMatch(/SERVICE_DISABLED/);
  });

  it('is live when the key is restricted to other APIs (API_KEY_SERVICE_BLOCKED)', async () => {
    const { verdict } = await checkOnce({ check: googleApiKeyCheck, routes: liveAnswer(GOOGLE_SERVICE_BLOCKED), input, valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'live', httpStatus: 403 });
    expect(verdict.reason).toMatch(/API_KEY_SERVICE_BLOCKED/);
  });

  it('is unknown for a suspended project', async () => {
    const suspended: StandInReply = {
      status: 403,
      body: {
        error: {
          code: 403,
          message: `Permission denied: Consumer 'api_key:${key}' has been suspended.`,
          status: 'PERMISSION_DENIED',
          details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'CONSUMER_SUSPENDED', domain: 'googleapis.com', metadata: { consumer: 'projects/123456789012' } }],
        },
      },
    };
    const { verdict } = await checkOnce({ check: googleApiKeyCheck, routes: liveAnswer(suspended), input, valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
    // Google's message quotes the key; the verdict keeps the reason code only.
    expect(verdict.reason).not.toMatch(/api_key:/);
  });

  it('is unknown for a 400 that is not about the key', async () => {
    const badRequest: StandInReply = { status: 400, body: { error: { code: 400, message: 'Invalid page size', status: 'INVALID_ARGUMENT' } } };
    const { verdict } = await checkOnce({ check: googleApiKeyCheck, routes: liveAnswer(badRequest), input, valid: [key] });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 400 });
  });

  it('attributes the project of an ErrorInfo, and nothing else', () => {
    expect(attributeErrorInfo({ reason: 'SERVICE_DISABLED', metadata: { consumer: 'projects/42' } })).toEqual({ account: 'projects/42' });
    expect(attributeErrorInfo({ reason: 'API_KEY_INVALID', metadata: { service: 'x' } })).toBeUndefined();
    expect(attributeErrorInfo(null)).toBeUndefined();
  });
});
