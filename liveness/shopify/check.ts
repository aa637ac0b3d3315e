import { isShopDomain, SHOP_DOMAIN_COMPANION } from '../../detectors/builders/shopify-shop-domain.js';
import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Shopify Admin API tokens (`shpat_`, `shpca_`, `shppa_`). The Admin API is
 * served by each shop's own host, so the check needs the shop domain found
 * beside the token (the `shop-domain` companion); without it the token
 * cannot be tested. `GET /admin/api/2024-10/shop.json` with
 * `X-Shopify-Access-Token` reads the shop's own settings, which every Admin
 * API token may read whatever its scopes, and changes nothing: the least a
 * token can be asked. (An unsupported API version falls forward to the
 * oldest supported one, so the call keeps working.)
 *
 * - 200 names the shop: live.
 * - 401 "[API] Invalid API key or access token (unrecognized login or wrong
 *   password)": Shopify does not accept the token for that shop: revoked. A
 *   token paired with the wrong shop also gets this answer; the companion is
 *   the domain nearest the token, which in practice is its own shop.
 * - 403: Shopify accepted the token but it lacks a scope: live.
 * - 402 (shop frozen, unpaid), 404 (no such shop: closed, or a domain that
 *   is not the token's) and 423 (shop locked) say nothing about the token:
 *   unknown.
 *
 * Shared secrets (`shpss_`) only sign requests (HMAC of webhooks and OAuth
 * exchanges); there is no call to test one with: unknown.
 */
const SHOP_PLACEHOLDER = '{shop}';
const API_VERSION = '2024-10';
const TOKEN_DETECTORS = ['shopify-access-token', 'shopify-custom-app-token', 'shopify-private-app-token'];

export const shopifyCheck: ProviderCheck = {
  id: 'shopify',
  provider: 'Shopify',
  detectors: [...TOKEN_DETECTORS, 'shopify-shared-secret'],
  apiReference: 'https://shopify.dev/docs/api/admin-rest/2024-10/resources/shop#get-shop',
  defaultBaseUrl: `https://${SHOP_PLACEHOLDER}`,
  // The REST Admin API leaks 2 requests a second per app and shop (bucket of 40).
  rateLimit: { max: 2, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    if (!TOKEN_DETECTORS.includes(input.detector)) {
      return { outcome: 'unknown', reason: 'a shared secret signs requests (HMAC) and cannot be tested by itself' };
    }
    const shop = input.companion?.name === SHOP_DOMAIN_COMPANION ? input.companion.value.reveal() : undefined;
    if (shop === undefined) return { outcome: 'unknown', reason: 'shop domain not found beside the token' };
    // Whatever the finding says, the token only ever goes to a myshopify.com host.
    if (!isShopDomain(shop)) return { outcome: 'unknown', reason: 'the domain beside the token is not a myshopify.com shop' };
    const res = await env.http.request({
      method: 'GET',
      url: `${shopBaseUrl(env.baseUrl, shop)}/admin/api/${API_VERSION}/shop.json`,
      headers: { 'x-shopify-access-token': input.secret.reveal() },
    });
    return readAnswer(res);
  },
};

/** The default base URL names the shop as `{shop}`; a configured one without it (a proxy, a stand-in) is used as is. */
export function shopBaseUrl(baseUrl: string, shop: string): string {
  return baseUrl.split(SHOP_PLACEHOLDER).join(shop);
}

function readAnswer(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  const shop = objectField(body, 'shop');
  if (res.status === 200 && shop) {
    return compact({ outcome: 'live', reason: 'Shopify accepted the token', httpStatus: 200, owner: attributeShop(shop) });
  }
  if (res.status === 401 && body && body.errors !== undefined) {
    return { outcome: 'revoked', reason: 'Shopify: invalid API key or access token for this shop', httpStatus: 401 };
  }
  if (res.status === 403 && body && body.errors !== undefined) {
    return { outcome: 'live', reason: 'Shopify accepted the token but its scopes do not allow this resource', httpStatus: 403 };
  }
  if (res.status === 402) return { outcome: 'unknown', reason: 'the shop is frozen (unpaid); Shopify does not say whether the token works', httpStatus: 402 };
  if (res.status === 404) return { outcome: 'unknown', reason: 'Shopify does not know the shop (closed, or not the token\'s shop)', httpStatus: 404 };
  if (res.status === 423) return { outcome: 'unknown', reason: 'the shop is locked; Shopify does not say whether the token works', httpStatus: 423 };
  return unexpectedResponse(res);
}

/** Attribution: the shop's name, contact email and owner from `GET /admin/api/<version>/shop.json`. */
export function attributeShop(shop: Record<string, unknown>): ProviderOwner {
  return compact({ account: stringField(shop, 'name'), email: stringField(shop, 'email'), user: stringField(shop, 'shop_owner') });
}
