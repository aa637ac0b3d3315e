import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Slack Workflow Builder webhook URLs, which start a workflow for anyone who
 * posts to them: `hooks.slack.com/workflows/T.../A.../<id>/<24 chars>`
 * (legacy Workflow Builder) and `hooks.slack.com/triggers/T.../<id>/<32 hex>`
 * (webhook triggers). Reported without the scheme.
 */
const SECRET_TAIL = /[A-Za-z0-9]+$/;

export const detector: Detector = {
  id: 'slack-workflow-webhook',
  family: 'slack-webhook',
  provider: 'Slack',
  title: 'Slack workflow webhook URL',
  severity: 'medium',
  tier: 'identifiable',
  docs: 'https://docs.slack.dev/tools/deno-slack-sdk/guides/creating-webhook-triggers/',
  revoke:
    'Delete the trigger (Workflow Builder, or `slack trigger delete`) and create a new one; anyone with the URL can start the workflow.',
  keywords: ['hooks.slack.com/workflows/', 'hooks.slack.com/triggers/'],
  pattern:
    '(?P<secret>hooks\\.slack\\.com/(?:workflows/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{15,20}/[A-Za-z0-9]{24}|triggers/T[A-Z0-9]{8,12}/[0-9]{10,16}/[a-f0-9]{32}))',
  alphabet: 'A-Za-z0-9',
  window: { before: 0, after: 100 },
  validate: ({ secret }) => (looksGenerated(SECRET_TAIL.exec(secret)?.[0] ?? '') ? SHAPE_MATCH : null),
  // The secret after the last `/`: 24 base62 (workflows) or 32 hex (triggers). Judged as hex, the
  // narrower alphabet, which only makes the judgment stricter for the base62 form.
  randomPart: {
    alphabet: CHARS.hexLower.chars,
    minLength: 24,
    maxLength: 32,
    of: (secret) => SECRET_TAIL.exec(secret)?.[0] ?? null,
  },
};
