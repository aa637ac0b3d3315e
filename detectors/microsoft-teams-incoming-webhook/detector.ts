import type { Detector } from '../types.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const HOOK = /\/IncomingWebhook\/([0-9a-f]{32})\//;

/**
 * Microsoft Teams incoming webhook (Office 365 connector) URL:
 * `<tenant>.webhook.office.com/webhookb2/` (older: `outlook.office.com/webhook/`)
 * + group id `@` tenant id + `/IncomingWebhook/` + 32 hex + `/` + creator id,
 * and since 2024 an optional `/V2…` signature. Anyone with the URL can post to
 * the channel. Reported without the scheme. Microsoft is retiring these
 * connectors in favour of Workflows (see power-automate-workflow-url).
 */
export const detector: Detector = {
  id: 'microsoft-teams-incoming-webhook',
  family: 'microsoft-teams-webhook',
  provider: 'Microsoft',
  title: 'Microsoft Teams incoming webhook URL',
  severity: 'medium',
  tier: 'identifiable',
  docs: 'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
  revoke:
    'Remove the Incoming Webhook connector from the channel (Manage channel > Connectors) and create a new one, or move to a Workflows webhook; anyone with the URL can post.',
  keywords: ['.webhook.office.com/webhookb2/', 'outlook.office.com/webhook/', 'outlook.office365.com/webhook/'],
  pattern:
    `(?P<secret>(?:[A-Za-z0-9-]+\\.webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/${UUID}@${UUID}` +
    `/IncomingWebhook/[0-9a-f]{32}/${UUID}(?:/V2[A-Za-z0-9_-]{40,50})?)`,
  alphabet: 'A-Za-z0-9_-',
  window: { before: 63, after: 240 },
  randomPart: {
    alphabet: '0123456789abcdef',
    minLength: 32,
    maxLength: 32,
    of: (secret) => HOOK.exec(secret)?.[1] ?? null,
  },
};
