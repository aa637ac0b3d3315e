import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { HUBSPOT_INVALID_TOKEN, hubspotRoutes } from '../../test/support/providers/hubspot.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeDetails, hubspotCheck } from './check.js';

const t = new TokenFactory('liveness-hubspot');
const generate = (id: string): string => TABLE_ENTRIES.find((e) => e.row.id === id)!.examples.generate!(t);
const na1 = generate('hubspot-private-app-token-na1');
const eu1 = generate('hubspot-private-app-token-eu1');
const input = secretInput('hubspot-private-app-token-na1', na1);

describeProviderCheck({
  check: hubspotCheck,
  routes: hubspotRoutes,
  cases: [
    { input, credential: na1, expectLive: (v) => expect(v.owner).toEqual({ account: '123456 (app.hubspot.com)' }) },
    { input: secretInput('hubspot-private-app-token-eu1', eu1), credential: eu1, expectLive: (v) => expect(v.owner).toEqual({ account: '123456 (app-eu1.hubspot.com)' }) },
  ],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return hubspotRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('hubspot liveness check, provider-specific answers', () => {
  it('is revoked for the documented INVALID_AUTHENTICATION body, and for an expired token', async () => {
    const invalid = await checkOnce({ check: hubspotCheck, routes: answering(() => HUBSPOT_INVALID_TOKEN), input });
    expect(invalid.verdict).toEqual({ outcome: 'revoked', reason: 'HubSpot: INVALID_AUTHENTICATION', httpStatus: 401 });
    const expired = await checkOnce({
      check: hubspotCheck,
      routes: answering(() => ({ status: 401, body: { status: 'error', message: 'The OAuth token used to make this call expired.', category: 'EXPIRED_AUTHENTICATION' } })),
      input,
    });
    expect(expired.verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
  });

  it('is unknown for 403 MISSING_SCOPES', async () => {
    const routes = answering(() => ({ status: 403, body: { status: 'error', message: 'This app hasn\'t been granted all required scopes to make this call.', category: 'MISSING_SCOPES' } }));
    const { verdict } = await checkOnce({ check: hubspotCheck, routes, input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('attributes the portal', () => {
    expect(attributeDetails({ portalId: 42 })).toEqual({ account: '42' });
    expect(attributeDetails({})).toEqual({});
  });
});
