import { describe, expect, it } from 'vitest';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import type { StandInReply, StandInRoute } from '../../test/support/provider-stand-in.js';
import { NOTION_INVALID_TOKEN, notionRoutes } from '../../test/support/providers/notion.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeBot, notionCheck } from './check.js';

const t = new TokenFactory('liveness-notion');
const token = TABLE_ENTRIES.find((e) => e.row.id === 'notion-integration-token')!.examples.generate!(t);
const input = secretInput('notion-integration-token', token);

describeProviderCheck({
  check: notionCheck,
  routes: notionRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v.owner).toEqual({ tokenName: 'pied piper', account: "Ada's Notion Workspace" }) }],
});

function answering(reply: () => StandInReply): StandInRoute[] {
  return notionRoutes.map((r) => ({ ...r, live: reply, revoked: reply }));
}

describe('notion liveness check, provider-specific answers', () => {
  it('sends the Notion-Version header', async () => {
    const { requests } = await checkOnce({ check: notionCheck, routes: notionRoutes, input, valid: [token] });
    expect(requests[0]?.headers['notion-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('is revoked for the documented 401 body', async () => {
    const { verdict } = await checkOnce({ check: notionCheck, routes: answering(() => NOTION_INVALID_TOKEN), input });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Notion: API token is invalid.', httpStatus: 401 });
  });

  it('is unknown for 403 restricted_resource', async () => {
    const routes = answering(() => ({ status: 403, body: { object: 'error', status: 403, code: 'restricted_resource', message: 'API token does not have access to this resource.' } }));
    const { verdict } = await checkOnce({ check: notionCheck, routes, input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('attributes a public integration to the person who authorised it', () => {
    const body = {
      object: 'user',
      id: 'b1',
      name: 'sync-bot',
      type: 'bot',
      bot: { owner: { type: 'user', user: { object: 'user', id: 'u1', name: 'christine makenotion', type: 'person', person: { email: 'christine@example.com' } } } },
    };
    expect(attributeBot(body)).toEqual({ tokenName: 'sync-bot', user: 'christine makenotion', email: 'christine@example.com' });
  });
});
