import { CHARS, run, type CharSet, type TokenRow, type TokenTable } from '../builders/token-row.js';

/**
 * Observability and SaaS credentials that are a documented prefix, an
 * alphabet and a length (detectors/builders/token-row.ts). Formats with a
 * structure to decode, a checksum, or a prefix too short to be a keyword on
 * its own keep folders: Grafana legacy API keys and 1Password service-account
 * tokens (base64 JSON), Trello tokens (CRC-32), Sentry DSNs and Cloudinary
 * URLs (several parts), Yandex Cloud IAM tokens (unbounded payload), Lob
 * (`live_`), LaunchDarkly (`api-`/`sdk-`), PostHog (`phx_`), ClickUp (`pk_`),
 * Zoho (`1000.`), PGP private key blocks, base64 Java keystores and bare
 * base64 DER private keys.
 */

/**
 * Bytes that may not touch a token. token-row's default writes `-` as `\-`,
 * which the engine's byte-class reader (engine/char-class.ts) takes as part of
 * a range, leaving `-` out; these rows spell the class out with `-` last.
 */
const BOUNDARY = 'A-Za-z0-9_-';

const hex = (n: number) => run(CHARS.hexLower, n);
const UUID = [hex(8), '-', hex(4), '-', hex(4), '-', hex(4), '-', hex(12)] as const;

// ---------------------------------------------------------------- New Relic

const NEW_RELIC_DOCS = 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/';
const newRelic = (row: Omit<TokenRow, 'provider' | 'docs' | 'family' | 'boundary'>): TokenRow => ({
  provider: 'New Relic',
  family: row.id,
  docs: NEW_RELIC_DOCS,
  boundary: BOUNDARY,
  ...row,
});

const pixie = (kind: 'api' | 'dep', id: string, what: string, docs: string, revoke: string): TokenRow => ({
  id,
  family: id,
  provider: 'New Relic',
  title: `Pixie ${what}`,
  docs,
  revoke,
  shape: [`px-${kind}-`, ...UUID],
  env: kind === 'api' ? 'PX_API_KEY' : 'PX_DEPLOY_KEY',
  boundary: BOUNDARY,
});

// ---------------------------------------------------------------- Dynatrace

/**
 * The token identifier shown in Dynatrace's documentation of its token format
 * (public portion only, which Dynatrace says may be displayed): a token
 * carrying it is the documentation example, whatever its secret portion.
 */
const DYNATRACE_DOC_EXAMPLE_ID = 'ST2EY72KQINMH574WMNVI7YN';

const dynatrace = (prefix: string, id: string, what: string, severity: 'high' | 'medium' = 'high'): TokenRow => ({
  id,
  family: 'dynatrace-token',
  provider: 'Dynatrace',
  title: `Dynatrace ${what}`,
  severity,
  docs: 'https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication',
  revoke:
    'Revoke or delete the token (Access Tokens in the environment, or the OAuth client / platform token in Account Management) and create a new one; Dynatrace says to rotate a leaked token at once.',
  // prefix + `.` + a 24-character public portion + `.` + a 64-character secret portion,
  // both uppercase letters and digits (Dynatrace documents the format and a regular expression).
  shape: [`${prefix}.`, run(CHARS.upperAlnum, 24), '.', run(CHARS.upperAlnum, 64)],
  env: 'DT_API_TOKEN',
  boundary: BOUNDARY,
  check: (secret) => secret.split('.')[1] !== DYNATRACE_DOC_EXAMPLE_ID,
  negatives: (t) => [`DT_API_TOKEN=${prefix}.${DYNATRACE_DOC_EXAMPLE_ID}.${t.chars(CHARS.upperAlnum.chars, 64)}`],
});

// ---------------------------------------------------------------- HubSpot

const hubspot = (region: 'na1' | 'eu1'): TokenRow => ({
  id: `hubspot-private-app-token-${region}`,
  family: 'hubspot-private-app-token',
  provider: 'HubSpot',
  title: `HubSpot private app access token (${region === 'na1' ? 'US' : 'EU'} data centre)`,
  docs: 'https://developers.hubspot.com/docs/api/private-apps',
  revoke:
    'Rotate the token on the private app\'s Auth tab in HubSpot (Settings > Integrations > Private Apps > Rotate), which expires the old one, and update the integration.',
  shape: [`pat-${region}-`, ...UUID],
  env: 'HUBSPOT_ACCESS_TOKEN',
  boundary: BOUNDARY,
});

// ---------------------------------------------------------------- Mapbox

const mapbox = (prefix: 'sk' | 'tk', id: string, what: string, severity: 'high' | 'medium'): TokenRow => ({
  id,
  family: 'mapbox-token',
  provider: 'Mapbox',
  title: `Mapbox ${what}`,
  severity,
  docs: 'https://docs.mapbox.com/accounts/guides/tokens/',
  revoke: 'Delete the token on the Access tokens page of the Mapbox account (or let a temporary token expire) and create a new one.',
  // `sk.`/`tk.` + base64url of `{"u":"<user>","a":"<token id>"}` (so always `eyJ1Ijoi`) + `.` + a
  // 22-character base64url signature. Public `pk.` tokens are meant to be shipped and are left out.
  shape: [`${prefix}.eyJ1Ijoi`, run(CHARS.base64url, 30, 110), '.', run(CHARS.base64url, 22)],
  env: prefix === 'sk' ? 'MAPBOX_SECRET_TOKEN' : 'MAPBOX_TEMPORARY_TOKEN',
  boundary: BOUNDARY,
  negatives: (t) => [`MAPBOX_ACCESS_TOKEN=pk.eyJ1Ijoi${t.chars(CHARS.base64url.chars, 40)}.${t.chars(CHARS.base64url.chars, 22)}`],
});

// ---------------------------------------------------------------- Honeycomb, Axiom

const honeycomb = (prefix: string, id: string, what: string): TokenRow => ({
  id,
  family: 'honeycomb-ingest-key',
  provider: 'Honeycomb',
  title: `Honeycomb ${what}`,
  severity: 'medium',
  docs: 'https://docs.honeycomb.io/api/authentication',
  revoke: 'Disable or delete the ingest key under Environment settings > API Keys in Honeycomb and create a new one.',
  // `hc<x>ik_` (Honeycomb documents the key-type prefix; the <x> letter varies, `a` and `x` are the
  // ones issued) + a 26-character key id (a ULID in lowercase) + a 32-character secret.
  shape: [prefix, run(CHARS.lowerAlnum, 58)],
  env: 'HONEYCOMB_API_KEY',
  boundary: BOUNDARY,
});

const axiom = (prefix: string, id: string, what: string, revoke: string): TokenRow => ({
  id,
  family: 'axiom-token',
  provider: 'Axiom',
  title: `Axiom ${what}`,
  docs: 'https://axiom.co/docs/reference/tokens',
  revoke,
  shape: [prefix, ...UUID],
  env: prefix === 'xaat-' ? 'AXIOM_TOKEN' : 'AXIOM_PERSONAL_ACCESS_TOKEN',
  boundary: BOUNDARY,
});

// ---------------------------------------------------------------- 42, Tines

const intra42 = (kind: 'ud' | 'af'): TokenRow => ({
  id: `intra42-client-secret-${kind}`,
  family: 'intra42-client-secret',
  provider: '42 (Intra)',
  title: `42 Intra API application secret (s4t2${kind})`,
  docs: 'https://api.intra.42.fr/apidoc/guides/getting_started',
  revoke: 'Generate a new secret for the application at profile.intra.42.fr (Settings > API, the application\'s page) and update the client.',
  shape: [`s-s4t2${kind}-`, hex(64)],
  env: 'FT_CLIENT_SECRET',
  boundary: BOUNDARY,
});

/** Tenant subdomains: lowercase letters, digits and `-`. */
const TENANT: CharSet = { chars: 'abcdefghijklmnopqrstuvwxyz0123456789-', cls: 'a-z0-9-' };

export const table: TokenTable = {
  name: 'observability-saas',
  rows: [
    // -------------------------------------------------------------- New Relic
    newRelic({
      id: 'new-relic-user-api-key',
      title: 'New Relic user API key',
      revoke: 'Delete the user key on the API keys page of New Relic (one.newrelic.com > API keys) and create a new one.',
      shape: ['NRAK-', run(CHARS.upperAlnum, 27)],
      env: 'NEW_RELIC_API_KEY',
    }),
    newRelic({
      id: 'new-relic-license-key',
      title: 'New Relic ingest license key',
      revoke: 'Create a new Ingest - License key on the API keys page, move the agents to it, then delete the leaked one.',
      // 40 characters ending in `NRAL`: a 6-character lead (hex, or a region such as `eu01xx`) and 30 hex.
      // The older 40-hex license keys carry no marker and need their keyword beside them.
      shape: [run(CHARS.lowerAlnum, 6), hex(30), 'NRAL'],
      keywords: ['NRAL'],
      env: 'NEW_RELIC_LICENSE_KEY',
      note: 'Current license keys end in the fixed marker NRAL after 36 lowercase hex characters (the first six may name a region).',
    }),
    newRelic({
      id: 'new-relic-insights-insert-key',
      title: 'New Relic Insights insert key',
      revoke: 'Delete the insert key under Data management > API keys (Insights insert keys) and create a new one.',
      shape: ['NRII-', run(CHARS.urlSafe, 32)],
      env: 'NEW_RELIC_INSERT_KEY',
    }),
    newRelic({
      id: 'new-relic-insights-query-key',
      title: 'New Relic Insights query key',
      severity: 'medium',
      revoke: 'Delete the query key under Data management > API keys (Insights query keys) and create a new one.',
      shape: ['NRIQ-', run(CHARS.urlSafe, 32)],
      env: 'NEW_RELIC_QUERY_KEY',
    }),
    newRelic({
      id: 'new-relic-rest-api-key',
      title: 'New Relic REST API key',
      revoke: 'Delete the REST API key on the API keys page (REST API keys are account-wide) and create a user key instead.',
      shape: ['NRRA-', hex(42)],
      env: 'NEW_RELIC_REST_API_KEY',
    }),
    newRelic({
      id: 'new-relic-admin-api-key',
      title: 'New Relic admin API key',
      severity: 'critical',
      revoke: 'Delete the admin key on the API keys page (admin keys act for an account administrator) and use user keys instead.',
      shape: ['NRAA-', hex(27)],
      env: 'NEW_RELIC_ADMIN_API_KEY',
    }),
    pixie(
      'api',
      'new-relic-pixie-api-key',
      'API key',
      'https://docs.px.dev/reference/admin/api-keys/',
      'Delete the key with `px api-key delete` (or in the Pixie UI under Admin > API Keys) and create a new one.',
    ),
    pixie(
      'dep',
      'new-relic-pixie-deploy-key',
      'deploy key',
      'https://docs.px.dev/reference/admin/deploy-keys/',
      'Delete the key with `px deploy-key delete` (or in the Pixie UI under Admin > Deployment Keys) and create a new one.',
    ),

    // -------------------------------------------------------------- Dynatrace
    dynatrace('dt0c01', 'dynatrace-api-token', 'access token (API, PaaS or personal access token)'),
    dynatrace('dt0s01', 'dynatrace-account-api-token', 'account management API token'),
    dynatrace('dt0s02', 'dynatrace-oauth-client-secret', 'OAuth client secret (Account Management)'),
    dynatrace('dt0s03', 'dynatrace-service-oauth-client-secret', 'OAuth client secret (services and integrations)'),
    dynatrace('dt0s06', 'dynatrace-oauth-refresh-token', 'OAuth refresh token', 'medium'),
    dynatrace('dt0s08', 'dynatrace-integration-oauth-client-secret', 'OAuth client secret (integrations)'),
    dynatrace('dt0s16', 'dynatrace-platform-token', 'platform token'),

    // -------------------------------------------------------------- 1Password
    {
      id: 'onepassword-secret-key',
      // One family with the service-account token, whose base64 JSON holds a Secret Key.
      family: 'onepassword-credential',
      provider: '1Password',
      title: '1Password account Secret Key',
      docs: 'https://support.1password.com/secret-key-security/',
      revoke:
        'Regenerate the Secret Key from your account on 1Password.com (or have an administrator recover the account, which issues a new one) and change the account password; the key alone does not open the vault, but it is half of what does.',
      // `A3-` + a 6-character account id + 26 characters in groups of 6-5-5-5-5; 34 characters without dashes.
      shape: ['A3-', run(CHARS.upperAlnum, 6), '-', run(CHARS.upperAlnum, 6), '-', run(CHARS.upperAlnum, 5), '-', run(CHARS.upperAlnum, 5), '-', run(CHARS.upperAlnum, 5), '-', run(CHARS.upperAlnum, 5)],
      env: 'OP_SECRET_KEY',
      boundary: BOUNDARY,
      // The Secret Key printed in 1Password's white paper (account id ASWWYB).
      check: (secret) => !secret.replaceAll('-', '').startsWith('A3ASWWYB798JRY'),
      note: '1Password documents the Secret Key as 34 letters and digits in dashed groups, always starting A3 (its version).',
    },

    // -------------------------------------------------------------- Collaboration and SaaS
    {
      id: 'notion-integration-token',
      provider: 'Notion',
      title: 'Notion integration token',
      docs: 'https://developers.notion.com/reference/authentication',
      revoke: 'Refresh (regenerate) the secret on the integration\'s Configuration tab at notion.so/profile/integrations, or delete the integration.',
      // `ntn_` + 46 characters (the first 11 are digits in every token seen; not relied on).
      // The legacy `secret_` + 43 form has no distinctive keyword and needs `notion` beside it.
      shape: ['ntn_', run(CHARS.base62, 46)],
      env: 'NOTION_TOKEN',
      boundary: BOUNDARY,
    },
    {
      id: 'prefect-api-key',
      provider: 'Prefect',
      title: 'Prefect Cloud API key',
      docs: 'https://docs.prefect.io/v3/how-to-guides/cloud/manage-users/api-keys',
      revoke: 'Delete the key under your account > API keys in Prefect Cloud (or the service account\'s keys) and create a new one.',
      shape: ['pnu_', run(CHARS.base62, 36)],
      env: 'PREFECT_API_KEY',
      boundary: BOUNDARY,
    },
    hubspot('na1'),
    hubspot('eu1'),
    {
      id: 'linear-oauth-access-token',
      family: 'linear-api-key',
      provider: 'Linear',
      title: 'Linear OAuth access token',
      docs: 'https://linear.app/developers/oauth-2-0-authentication',
      revoke: 'Revoke the token with POST https://api.linear.app/oauth/revoke, or have the user remove the app under Settings > Security & access > Authorized applications.',
      shape: ['lin_oauth_', hex(64)],
      env: 'LINEAR_OAUTH_TOKEN',
      boundary: BOUNDARY,
    },
    {
      id: 'nylas-api-key',
      provider: 'Nylas',
      title: 'Nylas v3 API key',
      severity: 'critical',
      docs: 'https://developer.nylas.com/docs/v3/auth/',
      revoke: 'Delete the key under API Keys in the Nylas Dashboard for the application and create a new one (an API key reaches every grant of the application).',
      shape: ['nyk_v0_', run(CHARS.base62, 64)],
      env: 'NYLAS_API_KEY',
      boundary: BOUNDARY,
    },
    {
      id: 'ory-project-api-key',
      provider: 'Ory',
      title: 'Ory Network project API key',
      severity: 'critical',
      docs: 'https://www.ory.sh/docs/concepts/personal-access-token',
      revoke: 'Revoke the key under Project settings > API Keys in the Ory Console and create a new one (it manages the project\'s identities).',
      shape: ['ory_pat_', run(CHARS.base62, 32)],
      env: 'ORY_API_KEY',
      boundary: BOUNDARY,
    },
    {
      id: 'inngest-signing-key',
      provider: 'Inngest',
      title: 'Inngest production signing key',
      docs: 'https://www.inngest.com/docs/platform/signing-keys',
      revoke: 'Rotate the signing key under Manage > Signing Key in the Inngest dashboard (create the new key, deploy it, then activate it), which retires the old one.',
      // `signkey-prod-` + 64 hex; branch and test environments use other prefixes and are left out.
      shape: ['signkey-prod-', hex(64)],
      env: 'INNGEST_SIGNING_KEY',
      boundary: BOUNDARY,
    },
    {
      id: 'figma-personal-access-token',
      provider: 'Figma',
      title: 'Figma personal access token',
      docs: 'https://developers.figma.com/docs/rest-api/personal-access-tokens/',
      revoke: 'Revoke the token under Settings > Security > Personal access tokens in Figma (revocation is instant) and generate a new one.',
      shape: ['figd_', run(CHARS.urlSafe, 40)],
      env: 'FIGMA_TOKEN',
      boundary: BOUNDARY,
    },
    {
      id: 'contentful-personal-access-token',
      provider: 'Contentful',
      title: 'Contentful personal access token (Content Management API)',
      docs: 'https://www.contentful.com/developers/docs/references/authentication/',
      revoke: 'Revoke the token under Account settings > CMA tokens in Contentful and create a new one.',
      shape: ['CFPAT-', run(CHARS.urlSafe, 43)],
      env: 'CONTENTFUL_MANAGEMENT_TOKEN',
      boundary: BOUNDARY,
    },
    {
      id: 'typeform-personal-access-token',
      provider: 'Typeform',
      title: 'Typeform personal access token',
      docs: 'https://www.typeform.com/developers/get-started/personal-access-token/',
      revoke: 'Delete the token under Account > Personal tokens in Typeform and generate a new one.',
      // `tfp_` + 59 characters: letters, digits and `_` (Typeform), with `-`, `.` and `=` accepted as
      // Gitleaks does (TruffleHog accepts 40 to 59; the row keeps Gitleaks' fixed length).
      shape: ['tfp_', run({ chars: `${CHARS.urlSafe.chars}.=`, cls: 'A-Za-z0-9_.=-' }, 59)],
      env: 'TYPEFORM_TOKEN',
      boundary: 'A-Za-z0-9_.-',
    },
    {
      id: 'openshift-oauth-access-token',
      provider: 'Red Hat',
      title: 'OpenShift OAuth access token',
      docs: 'https://docs.redhat.com/en/documentation/openshift_container_platform/4.16/html/authentication_and_authorization/managing-oauth-access-tokens',
      revoke: 'Delete the token with `oc delete oauthaccesstokens <name>` (or `oc logout` for your own session); an administrator can delete a user\'s tokens.',
      // `sha256~` + 43 base64url characters (the SHA-256-named token form of OpenShift 4.6+).
      shape: ['sha256~', run(CHARS.base64url, 43)],
      env: 'OPENSHIFT_TOKEN',
      boundary: BOUNDARY,
    },
    {
      id: 'maxmind-license-key',
      provider: 'MaxMind',
      title: 'MaxMind license key',
      severity: 'medium',
      docs: 'https://dev.maxmind.com/geoip/release-notes/2023-03-16-changes-to-maxmind-license-keys/',
      revoke: 'Deactivate the key under Manage License Keys in the MaxMind account portal and generate a new one.',
      // MaxMind documents 40 characters of [a-zA-Z0-9_] with a six-character prefix and the `_mmk`
      // suffix: the prefix, `_`, 29 characters and `_mmk`.
      shape: [run(CHARS.base62, 6), '_', run(CHARS.word, 29), '_mmk'],
      keywords: ['_mmk'],
      env: 'MAXMIND_LICENSE_KEY',
      boundary: BOUNDARY,
    },
    mapbox('sk', 'mapbox-secret-token', 'secret access token', 'high'),
    mapbox('tk', 'mapbox-temporary-token', 'temporary access token', 'medium'),
    {
      id: 'segment-public-api-token',
      provider: 'Twilio Segment',
      title: 'Segment Public API token',
      docs: 'https://docs.segmentapis.com/tag/Getting-Started/',
      revoke: 'Revoke the token under Settings > Workspace settings > Access Management > Tokens in Segment and create a new one.',
      shape: ['sgp_', run(CHARS.base62, 64)],
      env: 'SEGMENT_PUBLIC_API_TOKEN',
      boundary: BOUNDARY,
    },
    {
      id: 'frameio-developer-token',
      provider: 'Frame.io',
      title: 'Frame.io developer token',
      docs: 'https://developer.frame.io/docs/getting-started/authentication',
      revoke: 'Delete the token under Developer > Tokens at developer.frame.io and create a new one.',
      shape: ['fio-u-', run({ chars: `${CHARS.urlSafe.chars}=`, cls: 'A-Za-z0-9_=-' }, 64)],
      env: 'FRAMEIO_TOKEN',
      boundary: BOUNDARY,
    },
    {
      id: 'readme-api-key',
      provider: 'ReadMe',
      title: 'ReadMe API key',
      docs: 'https://docs.readme.com/main/reference/intro-authentication',
      revoke: 'Delete the key on the project\'s API Keys page in the ReadMe dashboard and create a new one.',
      shape: ['rdme_', run(CHARS.lowerAlnum, 70)],
      env: 'README_API_KEY',
      boundary: BOUNDARY,
    },
    intra42('ud'),
    intra42('af'),
    {
      id: 'stytch-live-project-secret',
      provider: 'Stytch',
      title: 'Stytch live project secret',
      severity: 'critical',
      docs: 'https://stytch.com/docs/resources/workspace-management/api-keys',
      revoke: 'Create a new secret under Project ID & API keys in the Stytch Dashboard (or with the Programmatic Workspace Actions API), move the backend to it, then delete the leaked one.',
      // `secret-live-` + the base64url of 26 random bytes: 35 characters and one `=`. The 35th
      // character holds the last 2 bits and 4 zero bits, so it is one of 16.
      shape: ['secret-live-', run(CHARS.base64url, 35), '='],
      env: 'STYTCH_SECRET',
      boundary: BOUNDARY,
      check: (secret) => 'AEIMQUYcgkosw048'.includes(secret.charAt(secret.length - 2)),
      note: 'Live project secrets are secret-live- + a padded 26-byte base64url body; test secrets (secret-test-) are left out.',
    },

    // -------------------------------------------------------------- Observability
    honeycomb('hcaik_', 'honeycomb-ingest-key', 'ingest key'),
    honeycomb('hcxik_', 'honeycomb-classic-ingest-key', 'ingest key (Classic environments)'),
    axiom(
      'xaat-',
      'axiom-api-token',
      'API token',
      'Delete the token under Settings > API tokens in Axiom and create a new one with the narrowest dataset permissions.',
    ),
    axiom(
      'xapt-',
      'axiom-personal-access-token',
      'personal access token',
      'Delete the token under Profile > Personal tokens in Axiom (it acts with all of your permissions) and create a new one.',
    ),

    // -------------------------------------------------------------- IoT and messaging
    {
      id: 'adafruit-io-key',
      provider: 'Adafruit',
      title: 'Adafruit IO key',
      severity: 'medium',
      docs: 'https://io.adafruit.com/api/docs/#authentication',
      revoke: 'Regenerate the key with "My Key" > Regenerate Key on io.adafruit.com (this invalidates the old key for every device).',
      shape: ['aio_', run(CHARS.base62, 28)],
      env: 'ADAFRUIT_IO_KEY',
      boundary: BOUNDARY,
    },
    {
      id: 'firebase-cloud-messaging-server-key',
      provider: 'Google Firebase',
      title: 'Firebase Cloud Messaging legacy server key',
      severity: 'medium',
      docs: 'https://firebase.google.com/docs/cloud-messaging/auth-server',
      revoke:
        'Delete the server key in the Firebase console (Project settings > Cloud Messaging) or the Google Cloud console (APIs & Services > Credentials); the legacy FCM API it served has been shut down, so move to the HTTP v1 API.',
      // `AAAA` + 7 characters + `:APA91b` + 134 characters. Device registration tokens also hold
      // `:APA91b` but are preceded by a 22-character id, not `AAAA` + 7.
      shape: ['AAAA', run(CHARS.urlSafe, 7), ':APA91b', run(CHARS.urlSafe, 134)],
      keywords: [':APA91b'],
      env: 'FCM_SERVER_KEY',
      boundary: BOUNDARY,
      negatives: (t) => [`const deviceToken = "${t.chars(CHARS.urlSafe.chars, 22)}:APA91b${t.chars(CHARS.urlSafe.chars, 134)}";`],
    },
    {
      id: 'tines-webhook-url',
      provider: 'Tines',
      title: 'Tines webhook URL with its secret',
      severity: 'medium',
      docs: 'https://www.tines.com/docs/actions/types/webhook/',
      revoke: 'Change the webhook action\'s secret in the Tines story (the last path segment) and update the senders.',
      // https://<tenant>.tines.com/webhook/<path, 32>/<secret, 32>.
      shape: ['https://', run(TENANT, 1, 30), '.tines.com/webhook/', run(CHARS.lowerAlnum, 32), '/', run(CHARS.lowerAlnum, 32)],
      keywords: ['.tines.com/webhook/'],
      env: 'TINES_WEBHOOK_URL',
      boundary: BOUNDARY,
    },
    {
      id: 'yandex-oauth-token',
      provider: 'Yandex',
      title: 'Yandex OAuth token',
      docs: 'https://yandex.com/dev/id/doc/en/tokens/token-info',
      revoke: 'Revoke the app\'s access at id.yandex.com (Security > Devices and apps) or with the OAuth revoke_token endpoint, then issue a new token.',
      // `y0_` + base64url of a binary token; every one seen starts `Ag` and has 55 or 58 characters.
      shape: ['y0_Ag', run(CHARS.base64url, 53, 56)],
      env: 'YANDEX_OAUTH_TOKEN',
      boundary: BOUNDARY,
    },
  ],
};
