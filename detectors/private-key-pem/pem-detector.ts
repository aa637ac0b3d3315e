import type { Detector, DetectorMeta } from '../types.js';
import { PEM_BLOCK_PATTERN, PEM_KEYWORD, PEM_WINDOW_AFTER, PEM_WINDOW_BEFORE, pemKeyStructure } from './pem-text.js';

const KIND_NAMES = {
  'pkcs1-rsa': 'PKCS#1 RSA key',
  dsa: 'DSA key',
  'sec1-ec': 'SEC1 EC key',
  pkcs8: 'PKCS#8 key',
  'pkcs8-encrypted': 'encrypted PKCS#8 key',
  openssh: 'OpenSSH key',
  'openssh-encrypted': 'passphrase-protected OpenSSH key',
  'legacy-encrypted': 'PEM key with legacy (Proc-Type) encryption',
} as const;

/**
 * One pattern, two detectors: unencrypted and passphrase-protected keys share
 * the PEM framing and differ in severity, so each detector's validator
 * accepts only its half. The secret is the whole block as written.
 */
export function pemPrivateKeyDetector(encrypted: boolean, meta: Omit<DetectorMeta, 'tier'>): Detector {
  return {
    ...meta,
    tier: 'identifiable',
    keywords: [PEM_KEYWORD],
    pattern: PEM_BLOCK_PATTERN,
    alphabet: '',
    window: { before: PEM_WINDOW_BEFORE, after: PEM_WINDOW_AFTER },
    validate: ({ groups }) => {
      const structure = pemKeyStructure(groups['body'] ?? '');
      if (!structure || structure.encrypted !== encrypted) return null;
      return { confidence: 'high', reason: `PEM block holding a well-formed ${KIND_NAMES[structure.kind]}` };
    },
  };
}
