import type { Detector } from '../types.js';
import { glsaChecksum } from './checksum.js';
import { slicedRandomPart } from '../builders/random-part.js';
import { CHARS } from '../builders/token-row.js';

export const detector: Detector = {
  id: 'grafana-service-account-token',
  family: 'grafana-token',
  provider: 'Grafana',
  title: 'Grafana service account token',
  severity: 'high',
  tier: 'identifiable',
  docs: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/',
  revoke: 'Delete the token from the service account in Grafana (Administration > Users and access > Service accounts) and create a new one.',
  keywords: ['glsa_'],
  pattern: '(?P<secret>glsa_[A-Za-z0-9]{32}_[0-9a-f]{8})',
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 41 },
  validate: ({ secret }) =>
    glsaChecksum(secret.slice(0, 37)) === secret.slice(38)
      ? { confidence: 'high', reason: 'prefix, length and CRC-32 checksum' }
      : null,
  // The 32 random characters before the checksum.
  randomPart: slicedRandomPart(CHARS.base62.chars, 32, 32, 5, 37),
};
