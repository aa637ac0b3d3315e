import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * ClickUp API v2 stand-in. A personal token travels bare in the
 * `Authorization` header (https://developer.clickup.com/docs/authentication),
 * so a `Bearer`-prefixed token is not read. The live body follows the
 * example of https://developer.clickup.com/reference/getauthorizeduser; the
 * error bodies are ClickUp's `{err, ECODE}` of
 * https://developer.clickup.com/docs/common_errors: OAUTH_025 is one of the
 * "Token not found" codes (a revoked token), OAUTH_027 one of the "Team not
 * authorized" codes.
 */
export const CLICKUP_TOKEN_NOT_FOUND: StandInReply = { status: 401, body: { err: 'Token invalid', ECODE: 'OAUTH_025' } };
export const CLICKUP_TEAM_NOT_AUTHORIZED: StandInReply = { status: 401, body: { err: 'Team not authorized', ECODE: 'OAUTH_027' } };
export const CLICKUP_HEADER_REQUIRED: StandInReply = { status: 401, body: { err: 'Authorization header required', ECODE: 'OAUTH_017' } };

/** The token as ClickUp reads a personal token: the bare header, `pk_…`. */
export function clickupCredential(request: RecordedRequest): string | undefined {
  const header = request.headers.authorization ?? '';
  return header.startsWith('pk_') ? header : undefined;
}

export const clickupRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/api/v2/user',
    credential: clickupCredential,
    live: () => ({
      status: 200,
      body: {
        user: {
          id: 123,
          username: 'John Doe',
          email: 'johndoe@example.com',
          color: '#000000',
          profilePicture: 'https://attachments-public.clickup.com/profilePictures/123_abc.jpg',
          initials: 'JD',
          week_start_day: null,
          global_font_support: false,
          timezone: 'America/New_York',
        },
      },
    }),
    revoked: (request) => (request.headers.authorization ? CLICKUP_TOKEN_NOT_FOUND : CLICKUP_HEADER_REQUIRED),
  },
];
