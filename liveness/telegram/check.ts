import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Telegram bot tokens. The Bot API reads the token from the request path
 * (`/bot<token>/<method>`); `getMe` is its documented "test your bot's
 * authentication token" method: it returns the bot's own User object and
 * changes nothing. Every Bot API answer is `{"ok": ..., ...}`:
 *
 * - 200 `{"ok":true,"result":{...}}` names the bot: live.
 * - 401 `{"ok":false,"error_code":401,"description":"Unauthorized"}`: the
 *   token is not (any more) a bot's token (revoked with BotFather, or the bot
 *   deleted): revoked.
 * - 404 "Not Found" (a token the API cannot parse, or a wrong base URL), 429
 *   with `retry_after`, 5xx and anything else: unknown.
 *
 * The path carries the secret: the HTTP client never puts paths in its
 * error messages, and the verdicts here never quote the request.
 */
export const telegramCheck: ProviderCheck = {
  id: 'telegram',
  provider: 'Telegram',
  detectors: ['telegram-bot-token'],
  apiReference: 'https://core.telegram.org/bots/api#getme',
  defaultBaseUrl: 'https://api.telegram.org',
  // The Bot API allows about 30 requests a second per bot; one request per check.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({ method: 'GET', url: `${env.baseUrl.replace(/\/+$/, '')}/bot${input.secret.reveal()}/getMe` });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const result = objectField(body, 'result');
  if (res.status === 200 && body?.ok === true && result && stringField(result, 'id')) {
    return compact({ outcome: 'live', reason: 'Telegram accepted the bot token', httpStatus: 200, owner: attributeBot(result) });
  }
  if (res.status === 401 && body?.ok === false && (body.error_code === 401 || /unauthorized/i.test(stringField(body, 'description') ?? ''))) {
    return { outcome: 'revoked', reason: `Telegram: ${stringField(body, 'description') ?? 'Unauthorized'}`, httpStatus: 401 };
  }
  if (res.status === 404 && body?.ok === false) {
    return { outcome: 'unknown', reason: 'Telegram did not recognise the request (404 Not Found); it does not say the token is invalid', httpStatus: 404 };
  }
  return unexpectedResponse(res);
}

/** Attribution: the bot's `@username` and numeric id from the `getMe` User object. */
export function attributeBot(user: Record<string, unknown>): ProviderOwner {
  const username = stringField(user, 'username');
  return compact({ user: username ? `@${username}` : stringField(user, 'id'), tokenName: stringField(user, 'first_name') });
}
