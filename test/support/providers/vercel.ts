import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Vercel REST API stand-in. The user body follows the schema of
 * https://vercel.com/docs/rest-api/user/get-the-user (`user` with `id`,
 * `email`, `username`, `name`, `defaultTeamId`, ...); the 403 body is what
 * Vercel answers for a token it does not know: its error object with
 * `invalidToken: true` (Vercel's desktop client logs out on this 403: vercel/now-desktop#681).
 */
export const VERCEL_INVALID_TOKEN: StandInReply = { status: 403, body: { error: { code: 'forbidden', message: 'Not authorized', invalidToken: true } } };

export const vercelRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v2/user',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      body: {
        user: {
          id: 'AEIIDYVk59zbFF2Sxfyxxmua',
          email: 'me@example.com',
          name: 'John Doe',
          username: 'jdoe',
          avatar: null,
          defaultTeamId: 'team_nllPyCtREAqxxdyFKbbMDlxd',
          createdAt: 1630748523395,
          softBlock: null,
          billing: null,
          resourceConfig: {},
          stagingPrefix: 'jdoe',
          hasTrialAvailable: false,
          version: 'northstar',
        },
      },
    }),
    revoked: () => VERCEL_INVALID_TOKEN,
  },
];
