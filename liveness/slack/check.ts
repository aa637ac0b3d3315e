import { compact, jsonObject, scopeList, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Slack tokens. Bot, user, app-level and expiring (rotated) access tokens
 * call `auth.test`, Slack's documented "checks authentication and tells you
 * who you are" method: no scope needed, nothing changed, generous rate
 * limit. Slack's Web API is RPC over POST (the method is `POST
 * /api/auth.test`), with the token as Bearer and an empty form body.
 *
 * Slack answers 200 either way: `{ ok: true, team, user, ... }` is live
 * (`X-OAuth-Scopes` lists the token's scopes); `{ ok: false, error }` is
 * revoked only for the errors that say the token is dead (`invalid_auth`,
 * `token_revoked`, `token_expired`, `account_inactive`). `invalid_auth` also
 * covers a token used from outside its IP allowlist; Slack does not tell the
 * two apart. Any other error (`not_authed`: no token seen; `not_allowed_token_type`;
 * `ratelimited`) says nothing about the token: unknown.
 *
 * Refresh tokens (`xoxe-`) only work with the app's client secret: unknown.
 */
const AUTH_TEST_TOKENS = ['slack-bot-token', 'slack-user-token', 'slack-app-token', 'slack-expiring-token'];

/** `ok: false` errors that mean the token no longer authenticates. */
const DEAD_TOKEN_ERRORS = new Set(['invalid_auth', 'token_revoked', 'token_expired', 'account_inactive']);

export const slackCheck: ProviderCheck = {
  id: 'slack',
  provider: 'Slack',
  detectors: [...AUTH_TEST_TOKENS, 'slack-refresh-token'],
  apiReference: 'https://docs.slack.dev/reference/methods/auth.test',
  defaultBaseUrl: 'https://slack.com',
  // auth.test allows "hundreds of requests per minute" per token; the queue spans many tokens.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    if (input.detector === 'slack-refresh-token') {
      return { outcome: 'unknown', reason: 'a refresh token can only be tested with its app client id and secret' };
    }
    const res = await env.http.request({
      method: 'POST',
      url: `${env.baseUrl}/api/auth.test`,
      headers: { authorization: `Bearer ${input.secret.reveal()}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status !== 200 || !body || typeof body.ok !== 'boolean') return unexpectedResponse(res);
  if (body.ok) {
    const scopes = scopeList(res.headers['x-oauth-scopes']);
    return compact({ outcome: 'live', reason: 'Slack accepted the token', httpStatus: 200, owner: attributeSlackIdentity(body), scopes });
  }
  const error = stringField(body, 'error') ?? 'no error code';
  if (DEAD_TOKEN_ERRORS.has(error)) return { outcome: 'revoked', reason: `Slack: ${error}`, httpStatus: 200 };
  return { outcome: 'unknown', reason: `Slack answered ok:false with ${error}, which says nothing about the token`, httpStatus: 200 };
}

/** Attribution: the workspace (`team`) and user (bot user for a bot token) of `auth.test`. */
export function attributeSlackIdentity(body: Record<string, unknown>): ProviderOwner {
  return compact({
    user: stringField(body, 'user') ?? stringField(body, 'user_id'),
    account: stringField(body, 'team') ?? stringField(body, 'team_id'),
  });
}
