import { jsonObject, stringField } from '../http/responses.js';
import { unexpectedRevocationAnswer } from '../revocation/run-revocation.js';
import type { ProviderRevoker } from '../revocation/types.js';

/**
 * Slack `auth.revoke`: the token revokes itself (`POST /api/auth.revoke`,
 * bearer, empty form). Slack answers 200 either way: `{ok: true, revoked:
 * true}` is accepted; `{ok: false, error}` is refused (`invalid_auth`,
 * `token_revoked`, `account_inactive`: already dead, which the check that
 * follows will say). `ok: true` without `revoked: true` is what Slack sends
 * in test mode: failed, since nothing was revoked.
 */
export const slackRevoker: ProviderRevoker = {
  checkId: 'slack',
  provider: 'Slack',
  detectors: ['slack-bot-token', 'slack-user-token', 'slack-expiring-token'],
  apiReference: 'https://docs.slack.dev/reference/methods/auth.revoke',
  call: 'POST /api/auth.revoke (the token revokes itself)',
  async revoke(input, env) {
    const res = await env.http.request({
      method: 'POST',
      url: `${env.baseUrl}/api/auth.revoke`,
      headers: { authorization: `Bearer ${input.secret.reveal()}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    const body = jsonObject(res);
    if (res.status === 200 && body?.ok === true && body.revoked === true) return { outcome: 'accepted', reason: 'Slack revoked the token', httpStatus: 200 };
    if (res.status === 200 && body?.ok === false) return { outcome: 'refused', reason: `Slack refused: ${stringField(body, 'error') ?? 'no error given'}`, httpStatus: 200 };
    if (res.status === 200 && body?.ok === true) return { outcome: 'failed', reason: 'Slack answered ok but did not say the token was revoked', httpStatus: 200 };
    return unexpectedRevocationAnswer(res);
  },
};
