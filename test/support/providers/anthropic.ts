import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Anthropic API stand-in. Live bodies follow the examples of
 * https://docs.anthropic.com/en/api/models-list and
 * https://platform.claude.com/docs/en/api/admin/organizations/me; errors
 * the shapes of https://docs.anthropic.com/en/api/errors (401
 * `authentication_error`, 400 when `anthropic-version` is missing).
 */
const ORGANIZATION_ID = '12345678-1234-5678-1234-567812345678';

/** `x-api-key: <key>` → key. */
export function apiKeyCredential(request: RecordedRequest): string | undefined {
  return request.headers['x-api-key'];
}

function error(status: number, type: string, message: string): StandInReply {
  return { status, body: { type: 'error', error: { type, message } } };
}

/** Anthropic refuses a request without `anthropic-version`, before anything else. */
function versioned(request: RecordedRequest, reply: StandInReply): StandInReply {
  return request.headers['anthropic-version'] ? reply : error(400, 'invalid_request_error', 'anthropic-version: header is required');
}

const INVALID_KEY = () => error(401, 'authentication_error', 'invalid x-api-key');

export const anthropicRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v1/models',
    credential: apiKeyCredential,
    live: (request) =>
      versioned(request, {
        status: 200,
        headers: { 'anthropic-organization-id': ORGANIZATION_ID },
        body: {
          data: [{ type: 'model', id: 'claude-sonnet-4-20250514', display_name: 'Claude Sonnet 4', created_at: '2025-05-22T00:00:00Z' }],
          has_more: true,
          first_id: 'claude-sonnet-4-20250514',
          last_id: 'claude-sonnet-4-20250514',
        },
      }),
    revoked: INVALID_KEY,
  },
  {
    method: 'GET',
    path: '/v1/organizations/me',
    credential: apiKeyCredential,
    live: (request) => versioned(request, { status: 200, body: { id: ORGANIZATION_ID, name: 'Organization Name', type: 'organization' } }),
    revoked: INVALID_KEY,
  },
];
