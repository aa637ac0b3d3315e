import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/resend-api-key/examples.js';
import { resendRoutes } from '../../test/support/providers/resend.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeDomains, resendCheck } from './check.js';

const t = new TokenFactory('liveness-resend');
/** A key whose id does not start with S: full access in the stand-in. */
function fullAccessKey(): string {
  for (;;) {
    const k = examples.generate!(t);
    if (!k.startsWith('re_S')) return k;
  }
}
const fullKey = fullAccessKey();
const sendingKey = `re_S${fullAccessKey().slice(4)}`;

describeProviderCheck({
  check: resendCheck,
  routes: resendRoutes,
  cases: [
    {
      name: 'full-access key',
      input: secretInput('resend-api-key', fullKey),
      credential: fullKey,
      expectLive: (v) => {
        expect(v.owner).toEqual({ account: 'example.com' });
        expect(v.scopes).toEqual(['full_access']);
      },
    },
    { name: 'sending-access key', input: secretInput('resend-api-key', sendingKey), credential: sendingKey, expectLive: (v) => expect(v.scopes).toEqual(['sending_access']) },
  ],
});

function answering(status: number, body: unknown): typeof resendRoutes {
  return resendRoutes.map((r) => ({ ...r, live: () => ({ status, body }), revoked: () => ({ status, body }) }));
}

describe('resend liveness check, provider-specific answers', () => {
  it('is revoked for the "API key is invalid" validation_error of the current error reference', async () => {
    for (const status of [400, 401]) {
      const { verdict } = await checkOnce({ check: resendCheck, routes: answering(status, { statusCode: status, message: 'API key is invalid', name: 'validation_error' }), input: secretInput('resend-api-key', fullKey) });
      expect(verdict, String(status)).toEqual({ outcome: 'revoked', reason: 'Resend: API key is invalid', httpStatus: status });
    }
  });

  it('is unknown for a missing key answer and for other validation errors', async () => {
    for (const [status, body] of [
      [401, { statusCode: 401, message: 'Missing API key in the authorization header.', name: 'missing_api_key' }],
      [400, { statusCode: 400, message: 'We found an error with one or more fields in the request.', name: 'validation_error' }],
    ] as const) {
      const { verdict } = await checkOnce({ check: resendCheck, routes: answering(status, body), input: secretInput('resend-api-key', fullKey) });
      expect(verdict, body.name).toMatchObject({ outcome: 'unknown', httpStatus: status });
    }
  });

  it('only ever reads: one GET /domains', async () => {
    const { requests } = await checkOnce({ check: resendCheck, routes: resendRoutes, input: secretInput('resend-api-key', sendingKey), valid: [sendingKey] });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /domains']);
  });

  it('attributes domain names', () => {
    expect(attributeDomains([{ name: 'a.example' }, { name: 'b.example' }])).toEqual({ account: 'a.example, b.example' });
    expect(attributeDomains([])).toBeUndefined();
  });
});
