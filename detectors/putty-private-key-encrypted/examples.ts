import type { DetectorExamples } from '../examples-types.js';
import { makePpk } from '../putty-private-key/examples-ppk.js';

export const examples: DetectorExamples = {
  generate: (t) => makePpk(t, { encrypted: true }),
  positives: (t) => {
    const v3 = makePpk(t, { encrypted: true, algorithm: 'ssh-rsa' });
    const v2 = makePpk(t, { encrypted: true, version: 2 }).replace(/\n/g, '\r\n');
    return [
      { text: `${v3}\n`, secret: v3 },
      { text: `${v2}\r\n`, secret: v2 },
    ];
  },
  negatives: (t) => {
    const good = makePpk(t, { encrypted: true });
    // Version 3 encrypted files must say how the key was derived.
    const noKdf = good.replace(/^Argon2-Salt: .*\n/m, '');
    return [makePpk(t), noKdf, good.replace(/^Public-Lines: \d+/m, 'Public-Lines: 9')];
  },
};
