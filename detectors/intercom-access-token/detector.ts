import type { Detector, Verdict } from '../types.js';

const MATCH: Verdict = { confidence: 'high', reason: 'base64 of `tok:` + UUID + `:n:n`' };
const DECODED = /^tok:([0-9a-f]{8})_([0-9a-f]{4})_([0-9a-f]{4})_([0-9a-f]{4})_([0-9a-f]{12}):[0-9]:[0-9]$/;

function uuidOf(secret: string): string | null {
  const m = DECODED.exec(Buffer.from(secret, 'base64').toString('latin1'));
  return m === null ? null : m.slice(1).join('');
}

/**
 * Intercom access token: the base64 of `tok:` + a UUID written with `_` +
 * `:1:0` (44 bytes, so 59 characters and one `=`), which is why every token
 * starts with `dG9rO`. The validator decodes it and checks that structure;
 * the random part is the UUID's 32 hex digits.
 */
export const detector: Detector = {
  id: 'intercom-access-token',
  family: 'intercom-access-token',
  provider: 'Intercom',
  title: 'Intercom access token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication',
  revoke:
    'Regenerate the access token on the Authentication page of the app in the Intercom Developer Hub (or uninstall the app), then update the integration.',
  keywords: ['dG9rO'],
  pattern: '(?P<secret>dG9rO[A-Za-z0-9+/]{54}=)',
  alphabet: 'A-Za-z0-9+/',
  window: { before: 0, after: 55 },
  validate: ({ secret }) => (uuidOf(secret) === null ? null : MATCH),
  randomPart: { alphabet: '0123456789abcdef', minLength: 32, maxLength: 32, of: (secret) => uuidOf(secret) },
};
