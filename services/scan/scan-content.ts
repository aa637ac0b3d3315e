import type { Engine } from '../../detectors/engine/engine.js';
import { FindingAggregator } from '../../scanner/aggregate.js';
import type { Finding } from '../../scanner/types.js';
import type { Fingerprinter } from '../../scanner/fingerprint.js';
import { parseUnifiedDiff } from './unified-diff.js';

/** What POST /v1/scan scans: a text as one file, or a unified diff's added lines. */
export interface ContentScanResult {
  readonly findings: Finding[];
  /** Bytes handed to the engine. */
  readonly bytes: number;
  readonly files: number;
}

export function scanText(engine: Engine, fingerprints: Fingerprinter, text: string, path: string): ContentScanResult {
  const buf = Buffer.from(text, 'utf8');
  const aggregator = new FindingAggregator(fingerprints);
  for (const match of engine.scan(buf)) aggregator.add(match, { kind: 'blob', path });
  return { findings: aggregator.findings(), bytes: buf.length, files: 1 };
}

/**
 * Scans only the lines a diff adds, each file's added lines as one text (so a
 * multi-line secret added in one block is still seen whole), and reports the
 * new file's path and line numbers.
 */
export function scanDiff(engine: Engine, fingerprints: Fingerprinter, diff: string): ContentScanResult {
  const aggregator = new FindingAggregator(fingerprints);
  let bytes = 0;
  const files = parseUnifiedDiff(diff);
  for (const file of files) {
    if (file.added.length === 0) continue;
    const buf = Buffer.from(file.added.join('\n'), 'utf8');
    bytes += buf.length;
    for (const match of engine.scan(buf)) {
      const line = file.lineNumbers[match.line - 1] ?? match.line;
      aggregator.add({ ...match, line }, { kind: 'blob', path: file.path, ...(file.commit ? { commit: file.commit } : {}) });
    }
  }
  return { findings: aggregator.findings(), bytes, files: files.length };
}
