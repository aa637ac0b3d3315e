import { describe, expect, it } from 'vitest';
import { examples as accessTokens } from '../../detectors/shopify-access-token/examples.js';
import { examples as customAppTokens } from '../../detectors/shopify-custom-app-token/examples.js';
import { examples as privateAppTokens } from '../../detectors/shopify-private-app-token/examples.js';
import { examples as sharedSecrets } from '../../detectors/shopify-shared-secret/examples.js';
import { SHOP_DOMAIN_COMPANION } from '../../detectors/builders/shopify-shop-domain.js';
import type { CheckInput } from '../types.js';
import { SecretValue } from '../../scanner/secret-value.js';
import { shopifyRoutes } from '../../test/support/providers/shopify.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeShop, shopBaseUrl, shopifyCheck } from './check.js';

const t = new TokenFactory('liveness-shopify');
const shpat = accessTokens.generate!(t);
const shpca = customAppTokens.generate!(t);
const shppa = privateAppTokens.generate!(t);
const shpss = sharedSecrets.generate!(t);
const SHOP = 'quiet-fox-42.myshopify.com';

function withShop(detector: string, token: string, shop: string = SHOP): CheckInput {
  return secretInput(detector, token, { companion: { name: SHOP_DOMAIN_COMPANION, value: new SecretValue(shop) } });
}

const JOHN_SMITH = { account: 'John Smith Test Store', email: 'j.smith@example.com', user: 'John Smith' };

describeProviderCheck({
  check: shopifyCheck,
  routes: shopifyRoutes,
  cases: [
    { input: withShop('shopify-access-token', shpat), credential: shpat, expectLive: (v) => expect(v.owner).toEqual(JOHN_SMITH) },
    { input: withShop('shopify-custom-app-token', shpca), credential: shpca, expectLive: (v) => expect(v.owner).toEqual(JOHN_SMITH) },
    { input: withShop('shopify-private-app-token', shppa), credential: shppa, expectLive: (v) => expect(v.owner).toEqual(JOHN_SMITH) },
  ],
});

/** The stand-in answering `reply` to every credential. */
function answering(reply: StandInReply): typeof shopifyRoutes {
  return shopifyRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}

describe('shopify liveness check, provider-specific answers', () => {
  it('calls the shop found beside the token: {shop} in the base URL is replaced by the companion', async () => {
    const { verdict, requests } = await checkOnce({
      check: shopifyCheck,
      routes: shopifyRoutes,
      input: withShop('shopify-access-token', shpat),
      valid: [shpat],
      baseUrl: (url) => `${url}/{shop}`,
    });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => r.path)).toEqual([`/${SHOP}/admin/api/2024-10/shop.json`]);
    expect(requests[0]!.headers['x-shopify-access-token']).toBe(shpat);
  });

  it('builds the default base URL from the shop domain', () => {
    expect(shopBaseUrl(shopifyCheck.defaultBaseUrl, SHOP)).toBe(`https://${SHOP}`);
    expect(shopBaseUrl('http://127.0.0.1:9999', SHOP)).toBe('http://127.0.0.1:9999');
  });

  it('is unknown, without a request, when no shop domain was found beside the token', async () => {
    const { verdict, requests } = await checkOnce({ check: shopifyCheck, routes: shopifyRoutes, input: secretInput('shopify-access-token', shpat), valid: [shpat] });
    expect(verdict).toEqual({ outcome: 'unknown', reason: 'shop domain not found beside the token' });
    expect(requests).toEqual([]);
  });

  it('never sends the token to a host that is not a myshopify.com shop', async () => {
    for (const host of ['evil.example', 'acme.myshopify.com.evil.example', 'acme.myshopify.com/x?', 'x@acme.myshopify.com']) {
      const { verdict, requests } = await checkOnce({
        check: shopifyCheck,
        routes: shopifyRoutes,
        input: withShop('shopify-access-token', shpat, host),
        valid: [shpat],
        baseUrl: (url) => `${url}/{shop}`,
      });
      expect(verdict.outcome, host).toBe('unknown');
      expect(requests, host).toEqual([]);
    }
  });

  it('is unknown for a shared secret, without a request', async () => {
    const { verdict, requests } = await checkOnce({ check: shopifyCheck, routes: shopifyRoutes, input: withShop('shopify-shared-secret', shpss), valid: [shpss] });
    expect(verdict.outcome).toBe('unknown');
    expect(verdict.reason).toMatch(/HMAC/);
    expect(requests).toEqual([]);
  });

  it('is unknown for a frozen, unknown or locked shop', async () => {
    const answers: Array<[number, StandInReply]> = [
      [402, { status: 402, body: { errors: 'Unavailable Shop' } }],
      [404, { status: 404, body: { errors: 'Not Found' } }],
      [423, { status: 423, body: { errors: 'This shop is unavailable' } }],
    ];
    for (const [status, reply] of answers) {
      const { verdict } = await checkOnce({ check: shopifyCheck, routes: answering(reply), input: withShop('shopify-access-token', shpat) });
      expect(verdict, String(status)).toMatchObject({ outcome: 'unknown', httpStatus: status });
    }
  });

  it('is live when the token is accepted but lacks a scope (403)', async () => {
    const reply = { status: 403, body: { errors: '[API] This action requires merchant approval for read_shop scope.' } };
    const { verdict } = await checkOnce({ check: shopifyCheck, routes: answering(reply), input: withShop('shopify-access-token', shpat) });
    expect(verdict).toMatchObject({ outcome: 'live', httpStatus: 403 });
  });

  it('attributes a shop', () => {
    expect(attributeShop({ name: 'Acme', email: 'ops@acme.example', shop_owner: 'Ann Acme', myshopify_domain: 'acme.myshopify.com' })).toEqual({
      account: 'Acme',
      email: 'ops@acme.example',
      user: 'Ann Acme',
    });
  });
});
