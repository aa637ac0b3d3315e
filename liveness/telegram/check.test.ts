import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/telegram-bot-token/examples.js';
import { TELEGRAM_NOT_FOUND, TELEGRAM_UNAUTHORIZED, telegramRoutes } from '../../test/support/providers/telegram.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeBot, telegramCheck } from './check.js';

const t = new TokenFactory('liveness-telegram');
const token = examples.generate!(t);
const input = secretInput('telegram-bot-token', token);

describeProviderCheck({
  check: telegramCheck,
  routes: telegramRoutes,
  cases: [{ input, credential: token, expectLive: (v) => expect(v.owner).toEqual({ user: '@deploy_notifier_bot', tokenName: 'Deploy Notifier' }) }],
});

describe('telegram liveness check, provider-specific answers', () => {
  it('sends the token in the path, as the Bot API reads it, and nowhere else', async () => {
    const { verdict, requests } = await checkOnce({ check: telegramCheck, routes: telegramRoutes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => r.path)).toEqual([`/bot${token}/getMe`]);
    expect(requests[0]!.headers.authorization).toBeUndefined();
  });

  it('is revoked on the documented 401 Unauthorized', async () => {
    const routes = telegramRoutes.map((r) => ({ ...r, live: () => TELEGRAM_UNAUTHORIZED }));
    const { verdict } = await checkOnce({ check: telegramCheck, routes, input, valid: [token] });
    expect(verdict).toEqual({ outcome: 'revoked', reason: 'Telegram: Unauthorized', httpStatus: 401 });
  });

  it('is unknown on 404 Not Found (a token the API cannot parse, or a wrong base URL)', async () => {
    const routes = telegramRoutes.map((r) => ({ ...r, live: () => TELEGRAM_NOT_FOUND, revoked: () => TELEGRAM_NOT_FOUND }));
    const { verdict } = await checkOnce({ check: telegramCheck, routes, input });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 404 });
  });

  it('is unknown for a 200 without a bot', async () => {
    const routes = telegramRoutes.map((r) => ({ ...r, live: () => ({ status: 200, body: { ok: true, result: true } }) }));
    const { verdict } = await checkOnce({ check: telegramCheck, routes, input, valid: [token] });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 200 });
  });

  it('attributes the bot by username, else by id', () => {
    expect(attributeBot({ id: 123456789, is_bot: true, first_name: 'Bot', username: 'x_bot' })).toEqual({ user: '@x_bot', tokenName: 'Bot' });
    expect(attributeBot({ id: 123456789, is_bot: true })).toEqual({ user: '123456789' });
  });
});
