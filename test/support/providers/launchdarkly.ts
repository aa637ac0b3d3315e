import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * LaunchDarkly caller-identity stand-in. The live body carries the fields of
 * `CallerIdentityRep` and the 401 body is the `UnauthorizedErrorRep` example
 * of https://launchdarkly.com/docs/api/other/get-caller-identity (the
 * LaunchDarkly OpenAPI spec). LaunchDarkly reads an access token from the
 * `Authorization` header as it is, without `Bearer`
 * (https://launchdarkly.com/docs/api#authentication).
 *
 * The path may start with the instance's host
 * (`/app.eu.launchdarkly.com/api/v2/caller-identity`), for tests that
 * configure a base URL with `{host}` in its path.
 */
export const LAUNCHDARKLY_INVALID_TOKEN: StandInReply = { status: 401, body: { code: 'unauthorized', message: 'Invalid access token' } };

export const LAUNCHDARKLY_IDENTITY_PATH = /^(?:\/(app\.launchdarkly\.com|app\.launchdarkly\.us|app\.eu\.launchdarkly\.com))?\/api\/v2\/caller-identity$/;

export const LAUNCHDARKLY_IDENTITY: StandInReply = {
  status: 200,
  body: {
    accountId: '5f3a1c2b9d0e4a0012345678',
    authKind: 'token',
    tokenKind: 'personal',
    tokenId: '64b0c1d2e3f4a50012345678',
    tokenName: 'deploy-script',
    memberId: '5f3a1c2b9d0e4a0087654321',
    serviceToken: false,
    scopes: ['reader'],
  },
};

/** `Authorization: <token>` → token; a `Bearer` value is not how LaunchDarkly reads it. */
export function launchdarklyCredential(request: RecordedRequest): string | undefined {
  const value = request.headers.authorization;
  return value && !/^bearer /i.test(value) ? value : undefined;
}

export const launchdarklyRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: LAUNCHDARKLY_IDENTITY_PATH,
    credential: launchdarklyCredential,
    live: () => LAUNCHDARKLY_IDENTITY,
    revoked: () => LAUNCHDARKLY_INVALID_TOKEN,
  },
];
