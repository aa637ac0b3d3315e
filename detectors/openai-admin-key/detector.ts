import type { Detector } from '../types.js';
import { looksGenerated, SHAPE_MATCH } from '../builders/token-shape.js';
import { aroundMarker } from '../openai-api-key/detector.js';

/** OpenAI admin key (organization Admin API): `sk-admin-` + random + `T3BlbkFJ` + random. */
const PARTS = /^sk-admin-(.+)T3BlbkFJ(.+)$/;

export const detector: Detector = {
  id: 'openai-admin-key',
  family: 'openai-key',
  provider: 'OpenAI',
  title: 'OpenAI admin key',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://platform.openai.com/docs/api-reference/admin-api-keys',
  revoke:
    'Delete the admin key in the organization settings (Admin keys) or with the Admin API, then review the audit log: it can manage users, projects and keys.',
  keywords: ['sk-admin-'],
  pattern: '(?P<secret>sk-admin-[A-Za-z0-9_-]{20,120}T3BlbkFJ[A-Za-z0-9_-]{20,120})',
  alphabet: 'A-Za-z0-9_-',
  window: { before: 0, after: 250 },
  validate: ({ secret }) => {
    const parts = PARTS.exec(secret);
    return parts && looksGenerated(parts[1]!) && looksGenerated(parts[2]!) ? SHAPE_MATCH : null;
  },
  randomPart: aroundMarker(PARTS),
};
