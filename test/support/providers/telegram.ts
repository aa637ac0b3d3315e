import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Telegram Bot API stand-in. The token travels in the path
 * (`/bot<token>/getMe`), as https://core.telegram.org/bots/api#making-requests
 * describes; the live body is a `getMe` User object
 * (https://core.telegram.org/bots/api#getme, https://core.telegram.org/bots/api#user),
 * the revoked body the API's `{"ok":false,"error_code":401,"description":"Unauthorized"}`.
 */
export const TELEGRAM_UNAUTHORIZED: StandInReply = { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
export const TELEGRAM_NOT_FOUND: StandInReply = { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };

const GET_ME = /^\/bot([^/]+)\/getMe$/;

/** The token in a `/bot<token>/getMe` path. */
export function telegramPathToken(request: RecordedRequest): string | undefined {
  const token = GET_ME.exec(request.path)?.[1];
  return token === undefined ? undefined : decodeURIComponent(token);
}

export const telegramRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: GET_ME,
    credential: telegramPathToken,
    live: (_request, token) => ({
      status: 200,
      body: {
        ok: true,
        result: {
          id: Number(token.slice(0, token.indexOf(':'))),
          is_bot: true,
          first_name: 'Deploy Notifier',
          username: 'deploy_notifier_bot',
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        },
      },
    }),
    revoked: () => TELEGRAM_UNAUTHORIZED,
  },
];
