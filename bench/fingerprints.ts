import { randomBytes } from 'node:crypto';
import { ALL_DETECTORS } from '../detectors/registry.js';
import type { Match } from '../detectors/types.js';
import { FindingAggregator } from '../scanner/aggregate.js';
import { keyedFingerprinter, unkeyedFingerprinter, v1Fingerprint, type Fingerprinter } from '../scanner/fingerprint.js';
import { fmt, median } from './measure.js';
import type { BenchModule } from './types.js';

/**
 * What fingerprints cost a scan: N distinct legacy secrets (values people
 * choose, so unkeyed-v2 fingerprints them with scrypt) through one
 * FindingAggregator, settled in parallel as scanHistory and scanWorkingTree do,
 * against keyed-v2 (HMAC) and v1 (SHA-256) in the same run. The slow scheme's
 * cost per guess is the point; this says what it costs a user per secret.
 */
const SECRETS = 200;

export const bench: BenchModule = {
  name: 'fingerprints',
  title: `fingerprinting ${SECRETS} distinct legacy secrets: unkeyed-v2 (scrypt, settled in parallel) vs keyed-v2 (HMAC) vs v1 (SHA-256)`,
  async run(ctx) {
    const legacy = ALL_DETECTORS.find((d) => d.family === 'legacy-credential')!;
    const v1: Fingerprinter = { scheme: 'unkeyed-v2', of: v1Fingerprint };
    const schemes: Array<[string, Fingerprinter]> = [
      ['v1: SHA-256 (baseline)', v1],
      ['keyed-v2: HMAC-SHA-256', keyedFingerprinter(randomBytes(32))],
      ['unkeyed-v2: scrypt N=2^13, settled in parallel', unkeyedFingerprinter()],
    ];
    const times = new Map<string, number[]>();
    for (let rep = 0; rep <= ctx.reps; rep++) {
      for (const [name, fingerprints] of schemes) {
        const agg = new FindingAggregator(fingerprints);
        const salt = randomBytes(4).toString('hex');
        const t0 = performance.now();
        for (let i = 0; i < SECRETS; i++) agg.add(matchOf(legacy, `pw-${salt}-${i}`), { kind: 'blob', path: 'config.py' });
        await agg.settle();
        agg.findings();
        // The first round warms up (module loads, thread pool start).
        if (rep > 0) times.set(name, [...(times.get(name) ?? []), performance.now() - t0]);
      }
    }
    const base = median(times.get(schemes[0]![0])!);
    ctx.table(
      `${SECRETS} distinct legacy secrets, median of ${ctx.reps}`,
      ['scheme', 'total ms', 'ms per secret', 'vs v1'],
      schemes.map(([name]) => {
        const ms = median(times.get(name)!);
        return [name, fmt(ms, 1), fmt(ms / SECRETS, 3), `${fmt(ms / base, 0)}x`];
      }),
    );
  },
};

function matchOf(detector: Match['detector'], secret: string): Match {
  return { detector, secret, start: 0, end: secret.length, line: 1, column: 1, confidence: 'medium', reason: 'bench', context: {} };
}
