import { createEngine, type Engine } from '../../detectors/engine/engine.js';
import { examples as githubPat } from '../../detectors/github-pat-classic/examples.js';
import { ALL_DETECTORS } from '../../detectors/registry.js';
import { FindingAggregator } from '../../scanner/aggregate.js';
import { keyedFingerprinter, type Fingerprinter } from '../../scanner/fingerprint.js';
import type { Finding, Location, LocationKind } from '../../scanner/types.js';
import { TokenFactory } from './token-factory.js';

let engine: Engine | undefined;

/** One engine over every detector, shared by a test file. */
export function testEngine(): Engine {
  engine ??= createEngine(ALL_DETECTORS);
  return engine;
}

/** Keyed fingerprints under a fixed test key: deterministic and fast (the unkeyed legacy scheme is deliberately slow). */
export const TEST_FINGERPRINTS: Fingerprinter = keyedFingerprinter(Buffer.alloc(32, 0x5a));

/** GitHub classic PATs with valid checksums, generated now from a seed (never committed). */
export function githubTokens(seed: string, n: number): string[] {
  const t = new TokenFactory(seed);
  return Array.from({ length: n }, () => githubPat.generate!(t));
}

/** Findings as a scanner produces them: the real engine over `text`, every match at `location` (a file unless `kind` says otherwise). */
export function findingsIn(
  text: string,
  location: Omit<Location, 'kind' | 'line' | 'column' | 'offset'> & { kind?: LocationKind },
  fingerprints: Fingerprinter = TEST_FINGERPRINTS,
): Finding[] {
  const aggregator = new FindingAggregator(fingerprints);
  const at = { ...location, kind: location.kind ?? 'blob' };
  for (const m of testEngine().scan(Buffer.from(text, 'utf8'))) aggregator.add(m, at);
  return aggregator.findings();
}
