import { CHARS, run } from '../builders/token-row.js';
import { HEX, UUID, hex, type ContextTable } from '../builders/context-row.js';

/**
 * SaaS API keys with no prefix of their own: Okta's `00` + 40 characters,
 * Postmark's and Heroku's (legacy) UUIDs, Datadog's and Algolia's hex keys,
 * Facebook's 32-hex app secrets, Twitch's 30-character tokens. Each needs
 * the provider's word in the key it is assigned to.
 */
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
  ],
};
