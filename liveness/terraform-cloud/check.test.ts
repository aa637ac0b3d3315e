import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { terraformAccount, terraformCloudRoutes } from '../../test/support/providers/terraform-cloud.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeAccount, terraformCloudCheck } from './check.js';

const t = new TokenFactory('liveness-terraform-cloud');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'terraform-cloud-api-token')!.examples.generate!(t);
const input = secretInput('terraform-cloud-api-token', token);

describeProviderCheck({
  check: terraformCloudCheck,
  routes: terraformCloudRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v.owner).toEqual({ user: 'admin', email: 'admin@hashicorp.com' }) }],
});

const answering = (reply: () => StandInReply) => terraformCloudRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));

describe('terraform-cloud liveness check, provider-specific answers', () => {
  it('is revoked for the JSON:API unauthorized error', async () => {
    const { verdict } = await checkOnce({ check: terraformCloudCheck, routes: terraformCloudRoutes, input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'HCP Terraform: unauthorized', httpStatus: 401 });
  });

  it('marks a team or organization token as its service user', async () => {
    const { verdict } = await checkOnce({ check: terraformCloudCheck, routes: answering(() => terraformAccount(true)), input });
    expect(verdict).toMatchObject({ outcome: 'live', owner: { tokenName: 'service user api-team_1234567' } });
  });

  it('is unknown for a 404 (the token may not read accounts)', async () => {
    const { verdict } = await checkOnce({ check: terraformCloudCheck, routes: answering(() => ({ status: 404, body: { errors: [{ status: '404', title: 'not found' }] } })), input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 404 });
  });

  it('attributes a user without an email', () => {
    expect(attributeAccount({ type: 'users', attributes: { username: 'sam', 'is-service-account': false } })).toEqual({ user: 'sam' });
  });
});
