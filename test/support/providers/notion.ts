import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Notion API stand-in. The bot user follows the example of
 * https://developers.notion.com/reference/get-self; the 401 body is Notion's
 * error object for an invalid token (https://developers.notion.com/reference/status-codes).
 * Notion requires a `Notion-Version` header: without it the stand-in answers
 * 400 `missing_version`, as Notion does.
 */
export const NOTION_INVALID_TOKEN: StandInReply = {
  status: 401,
  body: { object: 'error', status: 401, code: 'unauthorized', message: 'API token is invalid.', request_id: '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0' },
};

export const notionRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v1/users/me',
    credential: bearerCredential,
    live: (request) =>
      request.headers['notion-version']
        ? {
            status: 200,
            body: {
              object: 'user',
              id: '16d84278-ab0e-484c-9bdd-b35da3bd8905',
              name: 'pied piper',
              avatar_url: null,
              type: 'bot',
              bot: { owner: { type: 'workspace', workspace: true }, workspace_name: "Ada's Notion Workspace" },
            },
          }
        : { status: 400, body: { object: 'error', status: 400, code: 'missing_version', message: 'Notion-Version header failed validation.' } },
    revoked: () => NOTION_INVALID_TOKEN,
  },
];
