import { CHARS, run, type CharSet, type TokenRow, type TokenTable } from '../builders/token-row.js';

/**
 * Messaging, chat and e-mail credentials that are a documented prefix, an
 * alphabet and a length (detectors/builders/token-row.ts). Webhook URLs with
 * several parts to check (Discord, Microsoft Teams, Logic Apps / Power
 * Automate), tokens whose keyword needs a byte requirement (Mailchimp `-us`,
 * Mailgun `key-`, Resend `re_`), Telegram bot tokens (no prefix before the
 * bot id) and Intercom's base64 tokens keep folders. Twilio SIDs (`SK`/`AC` +
 * 32 hex) are identifiers, and Postmark, Mailjet, SparkPost, Mandrill,
 * Sendbird, Pusher, Vonage and MessageBird secrets have no prefix: they need
 * their keyword beside them.
 */

/**
 * Bytes that may not touch a token. token-row's default writes `-` as `\-`,
 * which the engine's byte-class reader (engine/char-class.ts) takes as part of
 * a range, leaving `-` out; these rows spell the class out with `-` last.
 */
const BOUNDARY = 'A-Za-z0-9_-';

/**
 * The last base32 character of a 64-byte value: 103 characters hold 515 bits,
 * so the last one carries 2 bits and 3 zero bits of padding.
 */
const BASE32_LAST_OF_64_BYTES: CharSet = { chars: 'aiqy', cls: 'aiqy' };

const brevo = (prefix: string, id: string, title: string, env: string, revoke: string): TokenRow => ({
  id,
  family: 'brevo-key',
  provider: 'Brevo',
  title,
  docs: 'https://help.brevo.com/hc/en-us/articles/209467485',
  revoke,
  // prefix + 64 hex + `-` + 16 alphanumerics.
  shape: [prefix, run(CHARS.hexLower, 64), '-', run(CHARS.base62, 16)],
  env,
  boundary: BOUNDARY,
});

const onesignal = (kind: 'app' | 'org', id: string, title: string, revoke: string): TokenRow => ({
  id,
  family: 'onesignal-api-key',
  provider: 'OneSignal',
  title,
  docs: 'https://documentation.onesignal.com/docs/keys-and-ids',
  revoke,
  // `os_v2_app_` / `os_v2_org_` + base32 (lowercase) of 64 bytes: the app or
  // organization id (a UUID) then 48 random bytes.
  shape: [`os_v2_${kind}_`, run(CHARS.base32Lower, 102), run(BASE32_LAST_OF_64_BYTES, 1)],
  env: 'ONESIGNAL_REST_API_KEY',
  boundary: BOUNDARY,
  note: 'The body decodes to 64 bytes, so the last of its 103 base32 characters is one of a, i, q, y (confirmed on published keys).',
});

export const table: TokenTable = {
  name: 'messaging-email',
  rows: [
    brevo(
      'xkeysib-',
      'brevo-api-key',
      'Brevo (Sendinblue) API key',
      'BREVO_API_KEY',
      'Delete the key under Settings > SMTP & API > API Keys in Brevo and generate a new one; check the transactional logs for mail you did not send.',
    ),
    brevo(
      'xsmtpsib-',
      'brevo-smtp-key',
      'Brevo (Sendinblue) SMTP key',
      'BREVO_SMTP_KEY',
      'Delete the key under Settings > SMTP & API > SMTP in Brevo and generate a new one.',
    ),
    {
      id: 'mailersend-api-token',
      provider: 'MailerSend',
      title: 'MailerSend API token',
      docs: 'https://www.mailersend.com/help/managing-api-tokens',
      revoke: 'Pause or delete the token under Integrations > API tokens in MailerSend and create a new one.',
      shape: ['mlsn.', run(CHARS.hexLower, 64)],
      env: 'MAILERSEND_API_KEY',
      boundary: BOUNDARY,
    },
    onesignal(
      'app',
      'onesignal-app-api-key',
      'OneSignal app API key',
      'Delete the key under Settings > Keys & IDs of the OneSignal app and create a new one.',
    ),
    onesignal(
      'org',
      'onesignal-organization-api-key',
      'OneSignal organization API key',
      'Delete the key under Organizations > Keys & IDs in OneSignal and create a new one; it can manage every app of the organization.',
    ),
    {
      id: 'slack-legacy-token',
      family: 'slack-token',
      provider: 'Slack',
      title: 'Slack legacy token (xoxs-)',
      docs: 'https://docs.slack.dev/authentication/tokens',
      revoke: 'Revoke it with the auth.revoke API method (or sign the session out) and stop using legacy tokens; it acts as the user who created it.',
      // `xoxs-` + three numeric ids + 64 hex.
      shape: ['xoxs-', run(CHARS.digits, 8, 14), '-', run(CHARS.digits, 8, 14), '-', run(CHARS.digits, 8, 14), '-', run(CHARS.hexLower, 64)],
      env: 'SLACK_TOKEN',
      boundary: BOUNDARY,
    },
    {
      id: 'slack-workspace-app-token',
      family: 'slack-token',
      provider: 'Slack',
      title: 'Slack workspace app access token (xoxa-2-)',
      docs: 'https://docs.slack.dev/authentication/tokens',
      revoke: 'Revoke it with the auth.revoke API method or uninstall the workspace app; workspace apps are retired, so move to a current app.',
      // `xoxa-2-` + three numeric ids + 32 hex.
      shape: ['xoxa-2-', run(CHARS.digits, 8, 14), '-', run(CHARS.digits, 8, 14), '-', run(CHARS.digits, 8, 14), '-', run(CHARS.hexLower, 32)],
      env: 'SLACK_TOKEN',
      boundary: BOUNDARY,
    },
  ],
};
