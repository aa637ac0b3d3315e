import type { Detector, RandomPart } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { CHARS } from '../builders/token-row.js';

/**
 * OpenAI API keys carry `T3BlbkFJ`, the base64 of "OpenAI", between two
 * random parts: project keys `sk-proj-...`, service account keys
 * `sk-svcacct-...` (also seen as `sk-service-...`), and legacy user keys
 * `sk-` + 20 + marker + 20. Admin keys have their own detector.
 */
const MARKER = 'T3BlbkFJ';
const PART = '[A-Za-z0-9_-]{20,120}';
/** The two random parts around the `T3BlbkFJ` marker, together (`parts` captures them as groups 1 and 2). */
export function aroundMarker(parts: RegExp): RandomPart {
  return {
    alphabet: CHARS.base64url.chars,
    minLength: 40,
    maxLength: 240,
    of: (secret) => {
      const m = parts.exec(secret);
      return m ? m[1]! + m[2]! : null;
    },
  };
}

/** The two random parts, split at the last marker as the greedy pattern does. */
const PARTS = /^sk-(?:(?:proj|svcacct|service)-)?(.+)T3BlbkFJ(.+)$/;

export const detector: Detector = {
  id: 'openai-api-key',
  family: 'openai-key',
  provider: 'OpenAI',
  title: 'OpenAI API key',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://platform.openai.com/docs/api-reference/authentication',
  revoke: 'Revoke the key at https://platform.openai.com/api-keys (or the project\'s API keys page) and check usage for unexpected spend.',
  keywords: [MARKER],
  pattern: `(?P<secret>sk-(?:(?:proj|svcacct|service)-${PART}|[A-Za-z0-9]{20})${MARKER}${PART})`,
  alphabet: 'A-Za-z0-9_-',
  window: { before: 132, after: 120 },
  validate: ({ secret }) => {
    const parts = PARTS.exec(secret);
    return parts && looksGenerated(parts[1]!) && looksGenerated(parts[2]!) ? SHAPE_MATCH : null;
  },
  randomPart: aroundMarker(PARTS),
};
