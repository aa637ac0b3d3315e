import type { Detector, Verdict } from '../types.js';

const SIG = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The last character of the base64url of 32 bytes (an HMAC-SHA256) carries 4 bits and 2 zero bits. */
const SIG_LAST = /[AEIMQUYcgkosw048]$/;
const MATCH: Verdict = { confidence: 'high', reason: 'workflow id, trigger path and a 43-character SAS signature' };

/**
 * Azure Logic Apps (Consumption) request-trigger callback URL:
 * `<prod-NN>.<region>.logic.azure.com[:443]/workflows/<32 hex>/triggers/<name>/paths/invoke?…&sig=<43>`.
 * The `sig` query parameter is a shared access signature: anyone with the URL
 * can run the workflow (Teams "Workflows" webhooks are such URLs). Reported
 * from the host to the end of the signature, without the scheme.
 */
export const detector: Detector = {
  id: 'azure-logic-apps-trigger-url',
  family: 'azure-workflow-trigger-url',
  provider: 'Microsoft',
  title: 'Azure Logic Apps trigger URL with SAS signature',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-securing-a-logic-app',
  revoke:
    'Regenerate the access keys of the logic app (Settings > Access keys > Regenerate) so every callback URL signed with them stops working, then hand out the new trigger URL.',
  keywords: ['.logic.azure.com'],
  pattern:
    '(?P<secret>[A-Za-z0-9-]+\\.[A-Za-z0-9]+\\.logic\\.azure\\.com(?::443)?/workflows/[0-9a-f]{32}/triggers/[A-Za-z0-9_.~%-]+' +
    '/paths/invoke/?\\?[A-Za-z0-9_.~%=&-]*?sig=[A-Za-z0-9_-]{43})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 62, after: 512 },
  validate: ({ secret }) => (SIG_LAST.test(secret) ? MATCH : null),
  randomPart: { alphabet: SIG, minLength: 43, maxLength: 43, of: (secret) => secret.slice(-43) },
};
