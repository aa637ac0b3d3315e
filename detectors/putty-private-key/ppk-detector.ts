import type { Detector, DetectorMeta } from '../types.js';
import { PPK_KEYWORD, PPK_PATTERN, PPK_WINDOW_AFTER, parsePpk } from './ppk.js';

/** As for PEM: one pattern, an unencrypted and a passphrase-protected detector. */
export function ppkDetector(encrypted: boolean, meta: Omit<DetectorMeta, 'tier'>): Detector {
  return {
    ...meta,
    tier: 'identifiable',
    keywords: [PPK_KEYWORD],
    pattern: PPK_PATTERN,
    alphabet: '',
    window: { before: 0, after: PPK_WINDOW_AFTER },
    validate: ({ secret }) => {
      const ppk = parsePpk(secret);
      if (!ppk || ppk.encrypted !== encrypted) return null;
      return encrypted
        ? { confidence: 'high', reason: `PuTTY v${ppk.version} ${ppk.algorithm} key file, passphrase-protected (structure checked)` }
        : { confidence: 'high', reason: `PuTTY v${ppk.version} ${ppk.algorithm} key file with a valid Private-MAC` };
    },
  };
}
