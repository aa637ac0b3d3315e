import type { CompanionSpec } from '../types.js';

/**
 * The shop a Shopify Admin API token belongs to. A token alone cannot be
 * tested: the Admin API lives on the shop's own host, `<shop>.myshopify.com`,
 * so the liveness check needs the domain found beside the token. The shop
 * name is lowercase letters, digits and hyphens; the boundary alphabet also
 * holds upper case so that `MyStore.myshopify.com` is not cut down to
 * another shop's name (`ystore.myshopify.com`), and the dot so that
 * `acme.myshopify.com.example.net` is not taken for a Shopify host.
 */
export const SHOP_DOMAIN_COMPANION = 'shop-domain';

/** A shop's Admin API host, RE2 and JavaScript syntax alike. */
const SHOP_DOMAIN = '[a-z0-9][a-z0-9-]{0,60}\\.myshopify\\.com';
const WHOLE_SHOP_DOMAIN = new RegExp(`^${SHOP_DOMAIN}$`);

/** True for a `<shop>.myshopify.com` host: the only hosts a Shopify token is ever sent to. */
export function isShopDomain(host: string): boolean {
  return WHOLE_SHOP_DOMAIN.test(host);
}

export const shopDomainCompanion: CompanionSpec = {
  name: SHOP_DOMAIN_COMPANION,
  pattern: `(?P<secret>${SHOP_DOMAIN})`,
  window: 512,
  alphabet: 'A-Za-z0-9.-',
};
