import type { Detector, Verdict } from '../types.js';

const SIG = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The last character of the base64url of 32 bytes (an HMAC-SHA256) carries 4 bits and 2 zero bits. */
const SIG_LAST = /[AEIMQUYcgkosw048]$/;
const MATCH: Verdict = { confidence: 'high', reason: 'workflow id, trigger path and a 43-character SAS signature' };

/**
 * Power Automate HTTP-trigger URL on the Power Platform host, which Teams
 * "Workflows" webhooks now use: `<environment>.<nn>.environment.api.powerplatform.com[:443]/powerautomate/automations/direct/[<xx>/<nn>/]workflows/<32 hex>/triggers/<name>/paths/invoke?…&sig=<43>`.
 * With the trigger open to "Anyone", the `sig` shared access signature is the
 * only credential: anyone with the URL can run the flow. Reported from the
 * host to the end of the signature, without the scheme.
 */
export const detector: Detector = {
  id: 'power-automate-workflow-url',
  family: 'azure-workflow-trigger-url',
  provider: 'Microsoft',
  title: 'Power Automate / Teams Workflows webhook URL with SAS signature',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://learn.microsoft.com/en-us/power-automate/oauth-authentication',
  revoke:
    'Delete the flow\'s HTTP trigger (or the whole Workflows webhook) and create a new one so a new signature is issued, and restrict who may trigger it.',
  keywords: ['.environment.api.powerplatform.com'],
  pattern:
    '(?P<secret>[A-Za-z0-9-]+\\.[0-9a-z]{2}\\.environment\\.api\\.powerplatform\\.com(?::443)?/powerautomate/automations/direct/(?:[a-z]{2}/[0-9]{2}/)?' +
    'workflows/[0-9a-f]{32}/triggers/[A-Za-z0-9_.~%-]+/paths/invoke/?\\?[A-Za-z0-9_.~%=&-]*?sig=[A-Za-z0-9_-]{43})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 67, after: 560 },
  validate: ({ secret }) => (SIG_LAST.test(secret) ? MATCH : null),
  randomPart: { alphabet: SIG, minLength: 43, maxLength: 43, of: (secret) => secret.slice(-43) },
};
