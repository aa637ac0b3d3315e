import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Stripe live secret and restricted keys. `GET /v1/account` retrieves the
 * account the key belongs to: a read of one object, no side effect, the
 * smallest call that both authenticates the key and names its owner.
 * 200 is the Account object (id, business name, dashboard display name,
 * email); 401 means Stripe does not accept the key (unknown, rolled and
 * expired, or deleted). A restricted key without the Account read
 * permission gets 403 with an `invalid_request_error`: Stripe authenticated
 * it and refused the resource, so it is live; the error message names the
 * account id.
 */
export const stripeCheck: ProviderCheck = {
  id: 'stripe',
  provider: 'Stripe',
  detectors: ['stripe-secret-key', 'stripe-restricted-key'],
  apiReference: 'https://docs.stripe.com/api/accounts/retrieve',
  defaultBaseUrl: 'https://api.stripe.com',
  // Stripe allows 100 live-mode read requests a second per account; the queue spans many accounts.
  rateLimit: { max: 10, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/v1/account`,
      headers: { authorization: `Bearer ${input.secret.reveal()}` },
    });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const error = objectField(body, 'error');
  if (res.status === 200 && body && stringField(body, 'id')) {
    return { outcome: 'live', reason: 'Stripe accepted the key', httpStatus: 200, owner: attributeStripeAccount(body) };
  }
  if (res.status === 401 && error) {
    return { outcome: 'revoked', reason: `Stripe rejected the key (${stringField(error, 'code') ?? stringField(error, 'type') ?? '401'})`, httpStatus: 401 };
  }
  if (res.status === 403 && stringField(error, 'type') === 'invalid_request_error') {
    return compact({ outcome: 'live', reason: 'Stripe accepted the key but it may not read the account', httpStatus: 403, owner: attributeStripePermissionError(error!) });
  }
  return unexpectedResponse(res);
}

/** Attribution: the account's dashboard display name (else business name, else id), and its email. */
export function attributeStripeAccount(account: Record<string, unknown>): ProviderOwner {
  const displayName = stringField(objectField(objectField(account, 'settings'), 'dashboard'), 'display_name');
  const businessName = stringField(objectField(account, 'business_profile'), 'name');
  return compact({ account: displayName ?? businessName ?? stringField(account, 'id'), email: stringField(account, 'email') });
}

/** Attribution from a restricted key's permission error: the account id its message names, if any. */
export function attributeStripePermissionError(error: Record<string, unknown>): ProviderOwner | undefined {
  const account = /\baccount '(acct_[A-Za-z0-9]+)'/.exec(stringField(error, 'message') ?? '')?.[1];
  return account ? { account } : undefined;
}
