import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Shopify Admin API stand-in. The shop body follows the example of
 * https://shopify.dev/docs/api/admin-rest/2024-10/resources/shop#get-shop
 * (shortened); the 401 body is Shopify's answer to an unknown or revoked
 * token, see https://shopify.dev/docs/api/usage/response-codes.
 *
 * The path may start with the shop's host (`/<shop>.myshopify.com/admin/...`),
 * for tests that configure a base URL with `{shop}` in its path: the live
 * answer then reports that shop, as Shopify answers on the shop's own host.
 */
export const SHOPIFY_INVALID_TOKEN: StandInReply = {
  status: 401,
  body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
};

export const SHOPIFY_SHOP_PATH = /^(?:\/([a-z0-9-]+\.myshopify\.com))?\/admin\/api\/2024-10\/shop\.json$/;

function accessTokenCredential(request: RecordedRequest): string | undefined {
  return request.headers['x-shopify-access-token'];
}

function shop(request: RecordedRequest): StandInReply {
  const host = SHOPIFY_SHOP_PATH.exec(request.path)?.[1] ?? 'jsmith.myshopify.com';
  return {
    status: 200,
    headers: { 'x-shopify-shop-api-call-limit': '1/40', 'x-shopify-api-version': '2024-10' },
    body: {
      shop: {
        id: 690933842,
        name: 'John Smith Test Store',
        email: 'j.smith@example.com',
        domain: 'shop.apple.com',
        province: 'California',
        country: 'US',
        city: 'Cupertino',
        created_at: '2007-12-31T19:00:00-05:00',
        currency: 'USD',
        customer_email: 'customers@apple.com',
        iana_timezone: 'America/New_York',
        shop_owner: 'John Smith',
        plan_name: 'enterprise',
        plan_display_name: 'Shopify Plus',
        myshopify_domain: host,
      },
    },
  };
}

export const shopifyRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: SHOPIFY_SHOP_PATH,
    credential: accessTokenCredential,
    live: shop,
    revoked: () => SHOPIFY_INVALID_TOKEN,
  },
];
