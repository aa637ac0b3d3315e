import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { PINECONE_INVALID_KEY, pineconeRoutes } from '../../test/support/providers/pinecone.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { pineconeCheck } from './check.js';

const t = new TokenFactory('liveness-pinecone');
const key = TABLE_ENTRIES.find((e) => e.row.id === 'pinecone-api-key')!.examples.generate!(t);
const input = secretInput('pinecone-api-key', key);

describeProviderCheck({
  check: pineconeCheck,
  routes: pineconeRoutes,
  cases: [{ input, credential: key, expectLive: (v) => expect(v).toEqual({ outcome: 'live', reason: 'Pinecone accepted the key', httpStatus: 200 }) }],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return pineconeRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('pinecone liveness check, provider-specific answers', () => {
  it('sends the key in the Api-Key header with an API version, not as a bearer token', async () => {
    const { verdict, requests } = await checkOnce({ check: pineconeCheck, routes: pineconeRoutes, input, valid: [key] });
    expect(verdict.outcome).toBe('live');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.authorization).toBeUndefined();
    expect(requests[0]!.headers['x-pinecone-api-version']).toBe('2025-04');
  });

  it('is revoked for the documented UNAUTHENTICATED body, naming it', async () => {
    const { verdict } = await checkOnce({ check: pineconeCheck, routes: answering(() => PINECONE_INVALID_KEY), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Pinecone: Invalid API Key', httpStatus: 401 });
  });

  it('is unknown for a 401 without the UNAUTHENTICATED code', async () => {
    const { verdict } = await checkOnce({ check: pineconeCheck, routes: answering(() => ({ status: 401, body: { message: 'Unauthorized' } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 401 });
  });

  it('is unknown for a 403 (quota or payment), which says nothing about the key', async () => {
    const { verdict } = await checkOnce({
      check: pineconeCheck,
      routes: answering(() => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'Request failed. You have reached your quota.' }, status: 403 } })),
      input,
    });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });
});
