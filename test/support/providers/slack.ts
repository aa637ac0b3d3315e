import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Slack Web API stand-in for `auth.test`. Bodies follow the example
 * responses of https://docs.slack.dev/reference/methods/auth.test (user
 * token, and bot token with `bot_id`); Slack documents no app-level token
 * example, so that answer carries only the workspace and `app_id`. Slack
 * answers a dead token with HTTP 200 `{ ok: false, error: "invalid_auth" }`
 * and sends the token's scopes in `X-OAuth-Scopes`.
 */
const WORKSPACE = { url: 'https://subarachnoid.slack.com/', team: 'Subarachnoid Workspace', team_id: 'T12345678' };

function identity(token: string): StandInReply {
  if (token.startsWith('xoxb-') || token.startsWith('xoxe.xoxb-')) {
    return {
      status: 200,
      headers: { 'x-oauth-scopes': 'chat:write,channels:read' },
      body: { ok: true, ...WORKSPACE, user: 'bot', user_id: 'W23456789', bot_id: 'BZYBOTHED', is_enterprise_install: false },
    };
  }
  if (token.startsWith('xapp-')) {
    return { status: 200, headers: { 'x-oauth-scopes': 'connections:write' }, body: { ok: true, ...WORKSPACE, app_id: 'A0KRD7HC3' } };
  }
  return { status: 200, headers: { 'x-oauth-scopes': 'identify,search:read' }, body: { ok: true, ...WORKSPACE, user: 'grace', user_id: 'W12345678' } };
}

export const slackRoutes: StandInRoute[] = [
  {
    method: 'POST',
    path: '/api/auth.test',
    credential: bearerCredential,
    live: (_request, token) => identity(token),
    revoked: () => ({ status: 200, body: { ok: false, error: 'invalid_auth' } }),
  },
];

/**
 * https://docs.slack.dev/reference/methods/auth.revoke: `{ok: true, revoked:
 * true}`, then the token is dead; a dead token gets `invalid_auth`.
 */
export const slackRevocationRoutes: StandInRoute[] = [
  {
    method: 'POST',
    path: '/api/auth.revoke',
    credential: bearerCredential,
    revokes: true,
    live: () => ({ status: 200, body: { ok: true, revoked: true } }),
    revoked: () => ({ status: 200, body: { ok: false, error: 'invalid_auth' } }),
  },
];
