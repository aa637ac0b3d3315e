import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Pulumi Cloud REST API stand-in. Pulumi reads the token from
 * `Authorization: token <token>` and answers 401 when it is missing or
 * invalid (https://www.pulumi.com/docs/pulumi-cloud/reference/api-basics/).
 * The user body has the fields `pulumi whoami --verbose` shows (`githubLogin`,
 * `name`, `email`, `organizations`).
 */
export const PULUMI_INVALID_TOKEN: StandInReply = { status: 401, body: { code: 401, message: 'Unauthorized: No credentials provided or are invalid.' } };

/** `Authorization: token <token>` → token. */
export function pulumiTokenCredential(request: RecordedRequest): string | undefined {
  const m = /^token (.+)$/i.exec(request.headers.authorization ?? '');
  return m?.[1];
}

export const pulumiRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/api/user',
    credential: pulumiTokenCredential,
    live: () => ({
      status: 200,
      body: {
        githubLogin: 'ada',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        avatarUrl: 'https://example.com/ada.png',
        organizations: [{ githubLogin: 'analytical-engines', name: 'Analytical Engines', avatarUrl: 'https://example.com/ae.png' }],
      },
    }),
    revoked: () => PULUMI_INVALID_TOKEN,
  },
];
