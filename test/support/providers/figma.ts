import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Figma REST API stand-in. The user body follows
 * https://developers.figma.com/docs/rest-api/users-endpoints/ (`id`,
 * `email`, `handle`, `img_url`); Figma answers an invalid token with 403 and
 * `{"status":403,"err":"Invalid token"}` (https://developers.figma.com/docs/rest-api/errors/).
 * Figma reads a personal access token from the `X-Figma-Token` header only.
 */
export const FIGMA_INVALID_TOKEN: StandInReply = { status: 403, body: { status: 403, err: 'Invalid token' } };

/** `X-Figma-Token: <token>` → token. */
export function figmaTokenCredential(request: RecordedRequest): string | undefined {
  return request.headers['x-figma-token'] || undefined;
}

export const figmaRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v1/me',
    credential: figmaTokenCredential,
    live: () => ({ status: 200, body: { id: '1078592436712', email: 'ada@example.com', handle: 'Ada Lovelace', img_url: 'https://s3-alpha.figma.com/profile/ada' } }),
    revoked: () => FIGMA_INVALID_TOKEN,
  },
];
