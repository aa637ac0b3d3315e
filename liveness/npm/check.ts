import { compact, isHtml, jsonObject, stringField, unexpectedResponse } from '../http/responses.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * npm access tokens (`npm_`, classic and granular). The check makes the
 * call `npm whoami` makes: `GET /-/whoami` on the registry with the token
 * as Bearer. It only names the token's user and needs no permission, so it
 * is the least a token can be asked: 200 `{ "username": ... }` is live, 401
 * means the registry does not know the token (revoked, expired or never
 * issued).
 */
export const npmCheck: ProviderCheck = {
  id: 'npm',
  provider: 'npm',
  detectors: ['npm-access-token'],
  apiReference: 'https://docs.npmjs.com/cli/v11/commands/npm-whoami',
  defaultBaseUrl: 'https://registry.npmjs.org',
  // The registry does not publish its limits for authenticated reads; stay gentle.
  rateLimit: { max: 5, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/-/whoami`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    const body = jsonObject(res);
    if (res.status === 200 && body && stringField(body, 'username')) {
      return { outcome: 'live', reason: 'the npm registry accepted the token', httpStatus: 200, owner: attributeNpmUser(body) };
    }
    // The registry's 401 body is not documented (JSON or text): any API answer that is not a proxy page counts.
    if (res.status === 401 && !isHtml(res)) return { outcome: 'revoked', reason: 'the npm registry rejected the token (401)', httpStatus: 401 };
    return unexpectedResponse(res);
  },
};

/** Attribution: the npm username of `GET /-/whoami`. */
export function attributeNpmUser(body: Record<string, unknown>): ProviderOwner {
  return compact({ user: stringField(body, 'username') });
}
