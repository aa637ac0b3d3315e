import { CHARS, run, type TokenRow, type TokenTable } from '../builders/token-row.js';

/**
 * Payment and commerce credentials that are a documented prefix, an alphabet
 * and a length (detectors/builders/token-row.ts). Test and sandbox keys
 * (`sk_test_`, `shippo_test_`, `EZTK`, `FLWSECK_TEST-`, `duffel_test_`,
 * `pdl_sdbx_apikey_`, `SB-Mid-server-`, `cfsk_ma_test_`, `TEST-...`) are
 * deliberately left out, as for Stripe: they move no money. Polar's
 * organization access token carries a CRC-32 and keeps a folder.
 */

/**
 * Bytes that may not touch a token. token-row's default writes `-` as `\-`,
 * which the engine's byte-class reader (engine/char-class.ts) takes as part of
 * a range, leaving `-` out; these rows spell the class out with `-` last.
 */
const BOUNDARY = 'A-Za-z0-9_-';

const UUID = [run(CHARS.hexLower, 8), '-', run(CHARS.hexLower, 4), '-', run(CHARS.hexLower, 4), '-', run(CHARS.hexLower, 4), '-', run(CHARS.hexLower, 12)] as const;

const square = (id: string, title: string, shape: TokenRow['shape'], env: string, revoke: string): TokenRow => ({
  id,
  family: 'square-credential',
  provider: 'Square',
  title,
  severity: 'critical',
  docs: 'https://developer.squareup.com/docs/build-basics/access-tokens',
  revoke,
  shape,
  env,
  boundary: BOUNDARY,
});

const plaid = (type: string, id: string, title: string): TokenRow => ({
  id,
  family: 'plaid-token',
  provider: 'Plaid',
  title,
  severity: 'critical',
  docs: 'https://plaid.com/docs/quickstart/glossary/',
  revoke: 'Call /item/remove for the Item (or rotate the access token with /item/access_token/invalidate), then rotate the client secret in the Plaid dashboard if it was stored beside it.',
  // Plaid documents its tokens as `[type]-[environment]-[uuid]`; only production ones are reported.
  shape: [`${type}-production-`, ...UUID],
  env: 'PLAID_ACCESS_TOKEN',
  boundary: BOUNDARY,
});

/**
 * Polar credentials: prefix + 43 characters. Since Polar added a checksum the
 * body is 37 base62 characters and a CRC-32 in base62 (the organization access
 * token folder checks it); tokens issued before that are 43 URL-safe
 * characters, so these rows accept both.
 */
const polar = (prefix: string, id: string, title: string, revoke: string, severity: 'critical' | 'high' | 'medium' = 'critical'): TokenRow => ({
  id,
  family: 'polar-token',
  provider: 'Polar',
  title,
  severity,
  docs: 'https://polar.sh/docs/integrate/authentication',
  revoke,
  shape: [prefix, run(CHARS.urlSafe, 43)],
  env: 'POLAR_ACCESS_TOKEN',
  boundary: BOUNDARY,
  note: 'Prefixes from Polar\'s source (polarsource/polar: TOKEN_PREFIX and the OAuth2 constants).',
});

const POLAR_OAUTH_REVOKE =
  'Revoke the token at the OAuth2 revocation endpoint (POST /v1/oauth2/revoke) or have the user remove the app\'s access in Polar settings; rotate the client secret if it leaked too.';

export const table: TokenTable = {
  name: 'payment-commerce',
  rows: [
    square(
      'square-access-token',
      'Square access token',
      ['EAAA', run(CHARS.urlSafe, 60)],
      'SQUARE_ACCESS_TOKEN',
      'Replace the personal access token in the Square Developer Console (Credentials > Replace), or revoke an OAuth token with the RevokeToken endpoint; then review recent payments.',
    ),
    square(
      'square-legacy-access-token',
      'Square legacy access token',
      ['sq0atp-', run(CHARS.urlSafe, 22)],
      'SQUARE_ACCESS_TOKEN',
      'Replace the access token in the Square Developer Console (Credentials) and review recent payments.',
    ),
    square(
      'square-application-secret',
      'Square OAuth application secret',
      ['sq0csp-', run(CHARS.urlSafe, 43)],
      'SQUARE_APPLICATION_SECRET',
      'Replace the application secret in the Square Developer Console (OAuth > Replace secret); tokens obtained with it stay valid until revoked.',
    ),
    {
      id: 'stripe-webhook-signing-secret',
      provider: 'Stripe',
      title: 'Webhook signing secret (Stripe, Standard Webhooks)',
      docs: 'https://docs.stripe.com/webhooks',
      revoke:
        'Roll the endpoint\'s signing secret in the Stripe Dashboard (Developers > Webhooks > Roll secret), or in the provider that issued it (Standard Webhooks / Svix portals), and update the receiver.',
      // Stripe issues `whsec_` + 32 alphanumerics; Standard Webhooks (Svix, Clerk, Resend)
      // issue `whsec_` + the base64 of 24 bytes, also 32 characters. The base64 run covers
      // both; longer Standard Webhooks secrets and the Stripe CLI's 64-hex local secret are
      // not claimed (the boundary rejects a longer body rather than reporting a prefix of it).
      shape: ['whsec_', run(CHARS.base64, 32)],
      env: 'STRIPE_WEBHOOK_SECRET',
      boundary: 'A-Za-z0-9+/_-',
      note: 'A forged webhook needs only this secret, so it is reported wherever the whsec_ prefix is followed by a full-length body.',
      negatives: () => ['STRIPE_WEBHOOK_SECRET=whsec_test_secret', 'STRIPE_WEBHOOK_SECRET=whsec_...'],
    },
    {
      id: 'shippo-live-api-token',
      provider: 'Shippo',
      title: 'Shippo live API token',
      docs: 'https://docs.goshippo.com/docs/guides_general/authentication',
      revoke: 'Delete the live key under API Configuration > Developer keys in the Shippo portal and create a new one; check for labels you did not buy.',
      shape: ['shippo_live_', run(CHARS.hexLower, 40)],
      env: 'SHIPPO_API_TOKEN',
      boundary: BOUNDARY,
    },
    {
      id: 'easypost-production-api-key',
      provider: 'EasyPost',
      title: 'EasyPost production API key',
      docs: 'https://docs.easypost.com/docs/authentication',
      revoke: 'Disable the key on the API Keys page of the EasyPost Dashboard and create a new one; check for postage you did not buy.',
      shape: ['EZAK', run(CHARS.base62, 54)],
      env: 'EASYPOST_API_KEY',
      boundary: BOUNDARY,
    },
    {
      id: 'flutterwave-live-secret-key',
      provider: 'Flutterwave',
      title: 'Flutterwave live secret key',
      severity: 'critical',
      docs: 'https://developer.flutterwave.com/docs/integration-guides/authentication',
      revoke: 'Generate a new secret key under Settings > API Keys in the Flutterwave dashboard (the old one then expires) and review recent transfers.',
      shape: ['FLWSECK-', run(CHARS.hexLower, 32), '-X'],
      env: 'FLW_SECRET_KEY',
      boundary: BOUNDARY,
    },
    {
      id: 'duffel-live-access-token',
      provider: 'Duffel',
      title: 'Duffel live access token',
      severity: 'critical',
      docs: 'https://duffel.com/docs/api/overview/test-mode',
      revoke: 'Delete the token on the Access tokens page of the Duffel dashboard (Developers) and create a new one; check for bookings you did not make.',
      shape: ['duffel_live_', run(CHARS.urlSafe, 43)],
      env: 'DUFFEL_ACCESS_TOKEN',
      boundary: BOUNDARY,
    },
    {
      id: 'braintree-access-token',
      provider: 'PayPal Braintree',
      title: 'PayPal Braintree SDK access token',
      severity: 'critical',
      docs: 'https://developer.paypal.com/braintree/docs/guides/ec-braintree-sdk/testing-go-live',
      revoke: 'Revoke the access token on the Access Token page of the PayPal developer dashboard, request new credentials, and review recent transactions.',
      // `access_token$production$` + 16-character merchant id + `$` + 32 hex.
      shape: ['access_token$production$', run(CHARS.lowerAlnum, 16), '$', run(CHARS.hexLower, 32)],
      env: 'BRAINTREE_ACCESS_TOKEN',
      boundary: BOUNDARY,
    },
    plaid('access', 'plaid-access-token', 'Plaid production access token'),
    plaid('asset-report', 'plaid-asset-report-token', 'Plaid production asset report token'),
    {
      id: 'paddle-api-key',
      provider: 'Paddle',
      title: 'Paddle live API key',
      severity: 'critical',
      docs: 'https://developer.paddle.com/api-reference/about/authentication',
      revoke: 'Revoke the key under Paddle > Developer tools > Authentication and create a new one; Paddle also revokes keys it finds exposed.',
      // `pdl_live_apikey_` + a 26-character ULID + `_` + 22 characters + `_` + 3 characters (69 in all).
      shape: ['pdl_live_apikey_', run(CHARS.base62, 26), '_', run(CHARS.base62, 22), '_', run(CHARS.base62, 3)],
      env: 'PADDLE_API_KEY',
      boundary: BOUNDARY,
      note: 'The key id is a lowercase ULID; it is matched as base62 so that the whole body is judged as one random part.',
    },
    {
      id: 'mercury-production-api-token',
      provider: 'Mercury',
      title: 'Mercury production API token',
      severity: 'critical',
      docs: 'https://docs.mercury.com/docs/getting-started',
      revoke: 'Revoke the token under Settings > API Tokens in the Mercury dashboard and generate a new one; review recent transactions and recipients.',
      // `secret-token:mercury_production_` + a short kind + `_` + 40-50 characters + the fixed tail `_yrucrem`.
      shape: ['mercury_production_', run(CHARS.lower, 3, 6), '_', run(CHARS.base62, 40, 50), '_yrucrem'],
      env: 'MERCURY_API_TOKEN',
      boundary: BOUNDARY,
    },
    {
      id: 'midtrans-production-server-key',
      provider: 'Midtrans',
      title: 'Midtrans production server key',
      severity: 'critical',
      docs: 'https://docs.midtrans.com/docs/access-keys',
      revoke: 'Ask Midtrans support to regenerate the server key (Settings > Access Keys shows it; it cannot be changed there) and review recent transactions.',
      // Production server keys are `Mid-server-` + 24; sandbox keys carry an `SB-` prefix, which the boundary rejects.
      shape: ['Mid-server-', run(CHARS.urlSafe, 24)],
      env: 'MIDTRANS_SERVER_KEY',
      boundary: BOUNDARY,
      negatives: (t) => [`MIDTRANS_SERVER_KEY=SB-Mid-server-${t.chars(CHARS.base62.chars, 24)}`],
    },
    {
      id: 'ramp-client-secret',
      provider: 'Ramp',
      title: 'Ramp API client secret',
      severity: 'critical',
      docs: 'https://docs.ramp.com/developer-api/v1/authorization',
      revoke: 'Rotate the client secret of the developer app in the Ramp dashboard (Company > Developer) and revoke tokens issued with it.',
      shape: ['ramp_sec_', run(CHARS.base62, 48)],
      env: 'RAMP_CLIENT_SECRET',
      boundary: BOUNDARY,
    },
    {
      id: 'pagarme-live-api-key',
      provider: 'Pagar.me',
      title: 'Pagar.me live API key (v4)',
      severity: 'critical',
      docs: 'https://docs.pagar.me/v2/docs/api-key-e-encryption-key',
      revoke: 'Regenerate the API key under Chaves de API in the Pagar.me dashboard and review recent transactions.',
      shape: ['ak_live_', run(CHARS.base62, 30)],
      env: 'PAGARME_API_KEY',
      boundary: BOUNDARY,
    },
    {
      id: 'cashfree-production-secret-key',
      provider: 'Cashfree',
      title: 'Cashfree production client secret',
      severity: 'critical',
      docs: 'https://cashfree.com/docs/api-reference/authentication',
      revoke: 'Generate new API keys under Developers > API Keys in the Cashfree dashboard, delete the leaked pair, and review recent payouts.',
      shape: ['cfsk_ma_prod_', run(CHARS.hexLower, 32), '_', run(CHARS.hexLower, 8)],
      env: 'CASHFREE_CLIENT_SECRET',
      boundary: BOUNDARY,
    },
    {
      id: 'mercadopago-access-token',
      provider: 'Mercado Pago',
      title: 'Mercado Pago production access token',
      severity: 'critical',
      docs: 'https://www.mercadopago.com.br/developers/en/docs/your-integrations/credentials',
      revoke: 'Renew the production credentials under Your integrations > Credentials in the Mercado Pago developer panel and review recent payments.',
      // `APP_USR-` + app id + `-` + 6 digits + `-` + 32 hex + `-` + user id; the public key is `APP_USR-` + a UUID.
      shape: ['APP_USR-', run(CHARS.digits, 15, 16), '-', run(CHARS.digits, 6), '-', run(CHARS.hexLower, 32), '-', run(CHARS.digits, 6, 12)],
      env: 'MP_ACCESS_TOKEN',
      boundary: BOUNDARY,
      negatives: (t) => [
        // The public key, meant for the browser.
        `MP_PUBLIC_KEY=APP_USR-${t.chars(CHARS.hexLower.chars, 8)}-${t.chars(CHARS.hexLower.chars, 4)}-4${t.chars(CHARS.hexLower.chars, 3)}-8${t.chars(CHARS.hexLower.chars, 3)}-${t.chars(CHARS.hexLower.chars, 12)}`,
      ],
    },
    polar(
      'polar_pat_',
      'polar-personal-access-token',
      'Polar personal access token',
      'Revoke the token under Settings > Developers (personal access tokens) in Polar and create a new one.',
    ),
    polar('polar_at_u_', 'polar-user-oauth-access-token', 'Polar OAuth access token (user)', POLAR_OAUTH_REVOKE, 'high'),
    polar('polar_at_o_', 'polar-organization-oauth-access-token', 'Polar OAuth access token (organization)', POLAR_OAUTH_REVOKE),
    polar('polar_rt_u_', 'polar-user-oauth-refresh-token', 'Polar OAuth refresh token (user)', POLAR_OAUTH_REVOKE, 'high'),
    polar('polar_rt_o_', 'polar-organization-oauth-refresh-token', 'Polar OAuth refresh token (organization)', POLAR_OAUTH_REVOKE),
    polar(
      'polar_cs_',
      'polar-oauth-client-secret',
      'Polar OAuth client secret',
      'Rotate the client secret of the OAuth2 client under Settings > Developers in Polar and update the app.',
    ),
    polar(
      'polar_crt_',
      'polar-client-registration-token',
      'Polar OAuth client registration token',
      'Delete and recreate the OAuth2 client (the registration token manages it) under Settings > Developers in Polar.',
      'high',
    ),
    polar(
      'polar_whs_',
      'polar-webhook-secret',
      'Polar webhook secret',
      'Regenerate the secret of the webhook endpoint under Settings > Webhooks in Polar and update the receiver.',
      'high',
    ),
    polar(
      'polar_cst_',
      'polar-customer-session-token',
      'Polar customer session token',
      'It expires on its own; revoke the customer\'s sessions in Polar if it may still be valid.',
      'medium',
    ),
    polar('polar_us_', 'polar-user-session-token', 'Polar user session token', 'Sign the user out of all sessions in Polar (it is a browser session token).', 'medium'),
  ],
};
