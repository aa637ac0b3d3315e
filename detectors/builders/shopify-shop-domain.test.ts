import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { detector as accessToken } from '../shopify-access-token/detector.js';
import { detector as customApp } from '../shopify-custom-app-token/detector.js';
import { detector as privateApp } from '../shopify-private-app-token/detector.js';
import { examples } from '../shopify-access-token/examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { SHOP_DOMAIN_COMPANION } from './shopify-shop-domain.js';

/** The shop domain paired with a Shopify token, through the real engine. */
const engine = createEngine([accessToken]);
const t = new TokenFactory('shop-domain-companion');

function companionOf(text: string, token: string): string | undefined {
  const m = engine.scan(Buffer.from(text, 'latin1')).find((f) => f.secret === token);
  expect(m, 'token found').toBeDefined();
  return m!.companion?.value;
}

describe('shop-domain companion', () => {
  it('is declared by the three Admin API token detectors', () => {
    for (const d of [accessToken, customApp, privateApp]) expect(d.companion?.name).toBe(SHOP_DOMAIN_COMPANION);
  });

  it('pairs the nearest myshopify.com domain, before or after the token', () => {
    const token = examples.generate!(t);
    expect(companionOf(`shop=first.myshopify.com\n\n\n\ntoken=${token}\nnext=second.myshopify.com\n`, token)).toBe('second.myshopify.com');
    expect(companionOf(`token=${token}\nshop=https://acme-2.myshopify.com/admin\n`, token)).toBe('acme-2.myshopify.com');
  });

  it('does not cut a shop name or a longer host down to another shop', () => {
    const token = examples.generate!(t);
    // Mixed case: not a myshopify host as issued, and `ystore.myshopify.com` would be someone else's shop.
    expect(companionOf(`shop=MyStore.myshopify.com\ntoken=${token}\n`, token)).toBeUndefined();
    expect(companionOf(`shop=acme.myshopify.com.example.net\ntoken=${token}\n`, token)).toBeUndefined();
    expect(companionOf(`shop=www.acme.myshopify.com\ntoken=${token}\n`, token)).toBeUndefined();
  });

  it('pairs nothing when no domain is within the window', () => {
    const token = examples.generate!(t);
    expect(companionOf(`token=${token}\n`, token)).toBeUndefined();
    expect(companionOf(`shop=acme.myshopify.com\n${'#'.repeat(600)}\ntoken=${token}\n`, token)).toBeUndefined();
  });
});
