import { CHARS, run } from '../builders/token-row.js';
import { HEX, UUID, hex, type ContextRow, type ContextTable } from '../builders/context-row.js';

/**
 * SaaS API keys with no prefix of their own: Okta's `00` + 40 characters,
 * Postmark's and Heroku's (legacy) UUIDs, Datadog's and Algolia's hex keys,
 * Facebook's 32-hex app secrets, Twitch's 30-character tokens, Twilio's
 * 32-character auth tokens and API key secrets, Zendesk's and Razorpay's
 * letters and digits, Auth0's 64-character client secrets. Some have a short
 * prefix that says nothing alone (Airtable's `pat` and `key`, Dropbox's
 * `sl.`, Asana's `1/`). Each needs the provider's word in the key it is
 * assigned to.
 */

/**
 * Letters past `f`: a random run of letters and digits has them, a hex digest
 * (a commit id, a SHA-1 or SHA-256 next to the provider's word) does not.
 */
const notHex = (v: string): boolean => /[G-Zg-z]/.test(v);

/** Asana personal access tokens: `1/<user gid>:<32 hex>`, since 2023 `2/<user gid>/<token gid>:<32 hex>`. */
const asana = (version: 1 | 2): ContextRow => ({
  id: version === 1 ? 'asana-personal-access-token' : 'asana-personal-access-token-v2',
  family: 'asana-personal-access-token',
  provider: 'Asana',
  title: `Asana personal access token (${version}/ form)`,
  docs: 'https://developers.asana.com/docs/personal-access-token',
  revoke: 'Deauthorize the token in the Asana developer console (My apps > Personal access tokens) and create a new one.',
  keywords: ['asana'],
  value:
    version === 1
      ? ['1/', run(CHARS.digits, 16, 19), ':', run(HEX, 32)]
      : ['2/', run(CHARS.digits, 16, 19), '/', run(CHARS.digits, 16, 19), ':', run(HEX, 32)],
  valueName: version === 1 ? '"1/", a user id, ":" and 32 hex characters' : '"2/", a user id and a token id, ":" and 32 hex characters',
  env: 'ASANA_ACCESS_TOKEN',
  note: 'Asana calls the format opaque; the shape is the one its tokens have had (and other scanners match).',
  negatives: (t) => [`asana_pat: ${version}/${t.chars(CHARS.digits.chars, 16)}`, `ASANA_TASK_URL=https://app.asana.com/0/${t.chars(CHARS.digits.chars, 16)}/${t.chars(CHARS.digits.chars, 16)}`],
});

/** Dropbox short-lived access tokens: `sl.` + 130 to 152 characters, or (newer) `sl.u.` + a longer body. */
const dropbox = (prefix: 'sl.' | 'sl.u.', min: number, max: number): ContextRow => ({
  id: prefix === 'sl.' ? 'dropbox-short-lived-access-token' : 'dropbox-short-lived-access-token-v2',
  family: 'dropbox-short-lived-access-token',
  provider: 'Dropbox',
  title: `Dropbox short-lived access token (${prefix})`,
  docs: 'https://developers.dropbox.com/oauth-guide',
  revoke: 'Revoke it (POST https://api.dropboxapi.com/2/auth/token/revoke with the token) or disconnect the app; it also expires within hours, but a refresh token next to it does not.',
  keywords: ['dropbox'],
  value: [prefix, run(CHARS.urlSafe, min, max)],
  valueName: `"${prefix}" and ${min} or more token characters`,
  env: 'DROPBOX_ACCESS_TOKEN',
  note: '`sl.` also starts locale files and keys (`sl.json`, `sl.yml`); the token needs its word.',
});

export const table: ContextTable = {
  name: 'saas',
  rows: [
    {
      id: 'okta-api-token',
      provider: 'Okta',
      title: 'Okta API token (SSWS)',
      severity: 'critical',
      docs: 'https://developer.okta.com/docs/guides/create-an-api-token/main/',
      revoke: 'Revoke the token in the Okta Admin Console (Security > API > Tokens); deactivating its admin user revokes it too.',
      keywords: ['okta', 'SSWS'],
      value: ['00', run(CHARS.urlSafe, 40)],
      valueName: '"00" and 40 token characters',
      env: 'OKTA_API_TOKEN',
      positives: (_t, v) => {
        const a = v();
        return [{ text: `curl -H "Authorization: SSWS ${a}" https://dev-1234.okta.com/api/v1/users\n`, secret: a }];
      },
      negatives: () => [`okta_api_token: ${'0'.repeat(42)}aa`],
    },
    {
      id: 'postmark-api-token',
      provider: 'Postmark',
      title: 'Postmark server or account API token',
      docs: 'https://postmarkapp.com/developer/api/overview#authentication',
      revoke: 'Generate a new token on the API Tokens tab of the Postmark server (or account) and delete the old one.',
      keywords: ['postmark'],
      value: UUID,
      valueName: 'a UUID',
      env: 'POSTMARK_SERVER_TOKEN',
      positives: (_t, v) => {
        const a = v();
        return [{ text: `curl https://api.postmarkapp.com/email -H "X-Postmark-Server-Token: ${a}"\n`, secret: a }];
      },
    },
    {
      id: 'heroku-api-key',
      provider: 'Heroku',
      title: 'Heroku API key (UUID, before the HRKU- prefix)',
      severity: 'critical',
      docs: 'https://devcenter.heroku.com/articles/authentication',
      revoke: 'Regenerate the API key under Account settings in the Heroku Dashboard (or `heroku authorizations:revoke`).',
      keywords: ['heroku'],
      value: UUID,
      valueName: 'a UUID',
      env: 'HEROKU_API_KEY',
      negatives: () => [`curl https://kolkrabbi.heroku.com/apps/98fc74a8-ff56-4a21-85f6-7a1fcac895c9/github/push`],
    },
    {
      id: 'datadog-api-key',
      provider: 'Datadog',
      title: 'Datadog API key',
      docs: 'https://docs.datadoghq.com/account_management/api-app-keys/',
      revoke: 'Revoke the key under Organization Settings > API Keys in Datadog and create a new one.',
      keywords: ['datadog', 'dd_api_key', 'dd-api-key', 'ddapikey'],
      value: hex(32),
      valueName: '32 hex characters',
      env: 'DD_API_KEY',
    },
    {
      id: 'datadog-application-key',
      provider: 'Datadog',
      title: 'Datadog application key',
      docs: 'https://docs.datadoghq.com/account_management/api-app-keys/',
      revoke: 'Revoke the key under Organization Settings > Application Keys in Datadog and create a new one.',
      keywords: ['datadog', 'dd_app_key', 'dd_application_key', 'dd-application-key', 'ddappkey'],
      value: hex(40),
      valueName: '40 hex characters',
      env: 'DD_APP_KEY',
    },
    {
      id: 'algolia-admin-api-key',
      provider: 'Algolia',
      title: 'Algolia admin or write API key',
      docs: 'https://www.algolia.com/doc/guides/security/api-keys/',
      revoke: 'Regenerate the admin key (or delete the key) under Settings > API Keys in the Algolia dashboard.',
      keywords: ['algolia'],
      value: hex(32),
      valueName: '32 hex characters',
      env: 'ALGOLIA_ADMIN_KEY',
      // Search-only keys are meant to ship in front-end code.
      notKeyWords: ['search', 'searchonly', 'search_only'],
      negatives: (_t, v) => [`ALGOLIA_SEARCH_API_KEY=${v()}`],
    },
    {
      id: 'mailgun-private-api-key',
      provider: 'Mailgun',
      title: 'Mailgun private API key (without the key- prefix)',
      docs: 'https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/',
      revoke: 'Delete the key under API Security in the Mailgun control panel and create a new one.',
      keywords: ['mailgun'],
      value: [run(HEX, 32), '-', run(HEX, 8), '-', run(HEX, 8)],
      valueName: '32, 8 and 8 hex characters joined by dashes',
      env: 'MAILGUN_API_KEY',
    },
    {
      id: 'new-relic-legacy-license-key',
      family: 'new-relic-license-key',
      provider: 'New Relic',
      title: 'New Relic license key (40 hex, before the NRAL suffix)',
      docs: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key',
      revoke: 'Create a new Ingest - License key on the API keys page, move the agents to it, then delete the leaked one.',
      keywords: ['newrelic', 'new_relic', 'new-relic'],
      value: hex(40),
      valueName: '40 hex characters',
      env: 'NEW_RELIC_LICENSE_KEY',
    },
    {
      id: 'new-relic-legacy-license-key-yml',
      family: 'new-relic-license-key',
      provider: 'New Relic',
      title: 'New Relic license key in an agent newrelic.yml',
      docs: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key',
      revoke: 'Create a new Ingest - License key on the API keys page, move the agents to it, then delete the leaked one.',
      keywords: ['New Relic account'],
      value: hex(40),
      valueName: '40 hex characters',
      // The agent template's `# Required license key associated with your New Relic account.` comment, then `license_key:`.
      gap: { pattern: String.raw`[^\r\n]*\r?\n(?:[ \t]*(?:#[^\r\n]*)?\r?\n){0,2}[ \t]*license_key[ \t]*:[ \t]*["']?`, reach: 160 },
      env: 'New Relic account',
      positives: (_t, v) => {
        const [a, b] = [v(), v()];
        return [
          { text: `common: &default_settings\n  # Required license key associated with your New Relic account.\n  license_key: ${a}\n\n  app_name: orders\n`, secret: a },
          { text: `# Required license key associated with your New Relic account.\nlicense_key: '${b}'\n`, secret: b },
        ];
      },
    },
    {
      id: 'facebook-app-secret',
      provider: 'Meta',
      title: 'Facebook app secret',
      docs: 'https://developers.facebook.com/docs/facebook-login/security/#appsecret',
      revoke: 'Reset the app secret under App settings > Basic in the Meta for Developers dashboard.',
      keywords: ['facebook'],
      value: hex(32),
      valueName: '32 hex characters',
      env: 'FACEBOOK_APP_SECRET',
      positives: (_t, v) => {
        const a = v();
        return [{ text: `   # config.facebook.key = "${a}"\n`, secret: a }];
      },
    },
    {
      id: 'twitch-oauth-token',
      provider: 'Twitch',
      title: 'Twitch OAuth token or client secret',
      docs: 'https://dev.twitch.tv/docs/authentication/',
      revoke: 'Revoke the token (POST https://id.twitch.tv/oauth2/revoke) or create a new client secret in the Twitch developer console.',
      keywords: ['twitch'],
      value: [run(CHARS.lowerAlnum, 30)],
      valueName: '30 lower-case letters and digits',
      env: 'TWITCH_CLIENT_SECRET',
    },
    {
      id: 'particle-access-token',
      provider: 'Particle',
      title: 'Particle Cloud access token',
      docs: 'https://docs.particle.io/reference/cloud-apis/access-tokens/',
      revoke: 'Delete the token with `particle token revoke` (or the Cloud API) and create a new one.',
      keywords: ['particle'],
      value: hex(40),
      valueName: '40 hex characters',
      env: 'PARTICLE_ACCESS_TOKEN',
    },
    {
      id: 'twilio-auth-token',
      provider: 'Twilio',
      title: 'Twilio auth token or API key secret',
      severity: 'critical',
      docs: 'https://www.twilio.com/docs/usage/api',
      revoke: 'For an auth token: create a secondary auth token in the Twilio Console (Account > API keys & tokens) and promote it, which retires the old one. For an API key secret: delete its API key (SK…) and create a new one.',
      keywords: ['twilio'],
      // The auth token is 32 hex; an API key secret 32 letters and digits.
      value: [run(CHARS.base62, 32)],
      valueName: '32 letters and digits',
      env: 'TWILIO_AUTH_TOKEN',
      notKeyWords: ['sid'],
      positives: (t) => {
        const [a, b] = [t.chars(HEX.chars, 32), t.chars(CHARS.base62.chars, 32)];
        return [
          { text: `TWILIO_ACCOUNT_SID=AC${t.chars(HEX.chars, 32)}\nTWILIO_AUTH_TOKEN=${a}\n`, secret: a },
          { text: `TWILIO_API_KEY=SK${t.chars(HEX.chars, 32)}\nTWILIO_API_SECRET=${b}\n`, secret: b },
        ];
      },
      // Account and service SIDs are `AC`/`VA`/`MG` + 32 hex: 34 characters.
      negatives: (t) => [`TWILIO_ACCOUNT_SID=AC${t.chars(HEX.chars, 32)}`, `twilio_verify_service: VA${t.chars(HEX.chars, 32)}`],
    },
    {
      id: 'twilio-api-key-sid',
      provider: 'Twilio',
      title: 'Twilio API key SID (SK…, the public half of an API key)',
      severity: 'low',
      docs: 'https://www.twilio.com/docs/iam/api-keys',
      revoke: 'The SID alone grants nothing; if its secret leaked with it, delete the API key in the Twilio Console (Account > API keys & tokens) and create a new one.',
      keywords: ['twilio'],
      value: ['SK', run(HEX, 32)],
      valueName: '"SK" and 32 hex characters',
      env: 'TWILIO_API_KEY_SID',
      note: 'An identifier, reported (low) because its secret usually stands beside it; `SK` + 32 hex alone is too common to report.',
      negatives: (t) => [`TWILIO_ACCOUNT_SID=AC${t.chars(HEX.chars, 32)}`, `sk${t.chars(HEX.chars, 32)} twilio`],
    },
    asana(1),
    asana(2),
    {
      id: 'zendesk-api-token',
      provider: 'Zendesk',
      title: 'Zendesk API token',
      severity: 'critical',
      docs: 'https://developer.zendesk.com/api-reference/introduction/security-and-auth/',
      revoke: 'Delete the token under Admin Center > Apps and integrations > APIs > API tokens in Zendesk (it can impersonate any user, admins included) and create a new one.',
      keywords: ['zendesk'],
      value: [run(CHARS.base62, 40)],
      valueName: '40 letters and digits',
      check: notHex,
      env: 'ZENDESK_API_TOKEN',
      negatives: (t) => [`zendesk_app_revision: ${t.chars(HEX.chars, 40)}`, `ZENDESK_SUBDOMAIN=acmesupport`],
    },
    {
      id: 'razorpay-key-secret',
      provider: 'Razorpay',
      title: 'Razorpay API key secret',
      severity: 'critical',
      docs: 'https://razorpay.com/docs/api/authentication/',
      revoke: 'Regenerate the key under Account & Settings > API Keys in the Razorpay Dashboard (test and live mode keys are separate) and update the integration.',
      keywords: ['razorpay'],
      value: [run(CHARS.base62, 24)],
      valueName: '24 letters and digits',
      check: notHex,
      env: 'RAZORPAY_KEY_SECRET',
      note: 'The key id (`rzp_live_…`, `rzp_test_…`) is public by design (checkout pages embed it); only the secret beside it is reported.',
      negatives: (t) => [
        `RAZORPAY_KEY_ID=rzp_live_${t.chars(CHARS.base62.chars, 14)}`,
        `var options = { "key": "rzp_live_${t.chars(CHARS.base62.chars, 14)}", "amount": "50000", "name": "Acme" }; new Razorpay(options);`,
        `razorpay_signature: ${t.chars(HEX.chars, 64)}`,
      ],
    },
    {
      id: 'airtable-personal-access-token',
      provider: 'Airtable',
      title: 'Airtable personal access token',
      docs: 'https://support.airtable.com/docs/creating-personal-access-tokens',
      revoke: 'Delete (or regenerate) the token in the Airtable developer hub (airtable.com/create/tokens).',
      keywords: ['airtable'],
      value: ['pat', run(CHARS.base62, 14), '.', run(HEX, 64)],
      valueName: '"pat", a 14-character token id, "." and 64 hex characters',
      env: 'AIRTABLE_ACCESS_TOKEN',
      negatives: (t) => [`AIRTABLE_BASE_ID=app${t.chars(CHARS.base62.chars, 14)}`, `airtable_token: pat${t.chars(CHARS.base62.chars, 14)}`],
    },
    {
      id: 'airtable-api-key',
      family: 'airtable-personal-access-token',
      provider: 'Airtable',
      title: 'Airtable legacy API key (key…, retired February 2024)',
      severity: 'low',
      docs: 'https://airtable.com/developers/web/api/authentication',
      revoke: 'Airtable no longer accepts API keys; remove it, and replace its use with a personal access token of narrow scope.',
      keywords: ['airtable'],
      value: ['key', run(CHARS.base62, 14)],
      valueName: '"key" and 14 letters and digits',
      env: 'AIRTABLE_API_KEY',
      note: 'Retired by Airtable (hence low severity); reported so that one still in use elsewhere is replaced.',
      // Base, table, record and view ids are `app`, `tbl`, `rec`, `viw` + 14.
      negatives: (t) => [`AIRTABLE_BASE=app${t.chars(CHARS.base62.chars, 14)}`, `airtable_table: tbl${t.chars(CHARS.base62.chars, 14)}`],
    },
    {
      id: 'auth0-client-secret',
      provider: 'Okta (Auth0)',
      title: 'Auth0 application client secret',
      docs: 'https://auth0.com/docs/get-started/applications/application-settings',
      revoke: 'Rotate the client secret under Applications > (application) > Settings in the Auth0 Dashboard (or the Management API’s rotate-secret endpoint) and update the application.',
      keywords: ['auth0'],
      value: [run(CHARS.urlSafe, 64)],
      valueName: '64 token characters',
      // Hex of the same length (a SHA-256, the SDKs' `openssl rand -hex 32` cookie secret) is not a client secret.
      check: notHex,
      env: 'AUTH0_CLIENT_SECRET',
      negatives: (t) => [`AUTH0_SECRET='${t.chars(HEX.chars, 64)}'`, `AUTH0_CLIENT_ID=${t.chars(CHARS.base62.chars, 32)}`],
    },
    dropbox('sl.', 130, 152),
    dropbox('sl.u.', 130, 2048),
  ],
};
