import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../detectors/engine/engine.js';
import { redact } from '../detectors/engine/redact.js';
import { ALL_DETECTORS } from '../detectors/registry.js';
import type { Match } from '../detectors/types.js';
import { FindingAggregator } from '../scanner/aggregate.js';
import { keyedFingerprinter } from '../scanner/fingerprint.js';
import { listFiles } from './leaky-repo.js';
import { fmt } from './measure.js';
import type { BenchContext, BenchModule } from './types.js';

/**
 * Legacy-tier findings on ordinary code: the JavaScript, TypeScript, Python,
 * Ruby, PHP, Markdown, JSON and YAML of this checkout's `node_modules`, the global
 * `/usr/lib/node_modules` and the system's Python library, scanned file by
 * file with the full engine. Libraries, their tests and their docs hold
 * `password = getPassword()`, `token: string`, `NextToken`, validation rules
 * and fixtures by the thousand, and next to no live credentials: nearly
 * every legacy finding here is noise, so the count is what a change to the
 * legacy tier must not raise.
 *
 * Deterministic: files in sorted order, each read whole (none over 2 MiB).
 * `--sample N` prints every k-th legacy finding (N in all) with its file,
 * line and the line's text with the value redacted, to classify by eye;
 * `--dump FILE` writes every legacy finding so (JSON lines) for a diff of
 * two runs; `--roots A:B` scans other trees instead (a framework's
 * checkout). Values are never printed, only their redacted form.
 */
export const bench: BenchModule = {
  name: 'legacy-precision',
  title: 'legacy findings on ordinary library code and docs (node_modules, Python stdlib): the noise count',
  run,
};

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const PRECISION_ROOTS: readonly string[] = [join(repoRoot, 'node_modules'), '/usr/lib/node_modules', '/usr/lib/python3', '/usr/lib/python3.11'];

/** A fixed key: fingerprints play no part in the counts, and HMAC is fast where unkeyed scrypt is not. */
const FINGERPRINTS = keyedFingerprinter(Buffer.alloc(32, 7));

const EXTENSIONS = /\.(?:js|mjs|cjs|ts|mts|cts|jsx|tsx|py|rb|php|md|json|ya?ml)$/i;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface LegacyFinding {
  readonly detector: string;
  readonly path: string;
  readonly line: number;
  readonly confidence: string;
  readonly reason: string;
  /** The finding's line, value redacted, cut to 200 characters. */
  readonly shown: string;
}

export interface PrecisionResult {
  readonly files: number;
  readonly bytes: number;
  readonly ms: number;
  readonly identifiable: number;
  readonly legacy: readonly LegacyFinding[];
  readonly roots: readonly string[];
}

/** The finding's line, at most 80 bytes either side of the value, with the value redacted. */
function shownLine(buf: Buffer, m: Match): string {
  const from = Math.max(buf.lastIndexOf(10, m.start - 1) + 1, m.start - 80);
  let to = buf.indexOf(10, m.end);
  if (to === -1 || to > m.end + 80) to = Math.min(buf.length, m.end + 80);
  const text = buf.toString('latin1', from, m.start) + redact(m.secret) + buf.toString('latin1', m.end, to);
  return text.trim().replace(/[\t\r]/g, ' ');
}

export function measureLegacyPrecision(roots: readonly string[] = PRECISION_ROOTS): PrecisionResult {
  const engine = createEngine(ALL_DETECTORS);
  const used = roots.filter((r) => existsSync(r));
  const legacy: LegacyFinding[] = [];
  let files = 0;
  let bytes = 0;
  let identifiable = 0;
  const t0 = performance.now();
  for (const root of used) {
    for (const rel of listFiles(root, new Set(['.git']), (p) => EXTENSIONS.test(p))) {
      const abs = join(root, rel);
      let size: number;
      try {
        size = statSync(abs).size;
      } catch {
        continue;
      }
      if (size === 0 || size > MAX_FILE_BYTES) continue;
      const buf = readFileSync(abs);
      files++;
      bytes += buf.length;
      // Through the scanner's aggregation, as a report shows them: two detectors of one family on one value are one finding.
      const matches = engine.scan(buf);
      if (matches.length === 0) continue;
      const aggregator = new FindingAggregator(FINGERPRINTS);
      for (const m of matches) aggregator.add(m, { kind: 'blob', path: abs });
      for (const f of aggregator.findings()) {
        if (f.tier === 'identifiable') {
          identifiable += f.locations.length;
          continue;
        }
        for (const loc of f.locations) {
          const m = matches.find((x) => x.start === loc.offset && x.detector.family === f.family)!;
          legacy.push({ detector: f.detector, path: abs, line: loc.line, confidence: f.confidence, reason: f.reason, shown: shownLine(buf, m) });
        }
      }
    }
  }
  return { files, bytes, ms: performance.now() - t0, identifiable, legacy, roots: used };
}

function optionValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

async function run(ctx: BenchContext): Promise<void> {
  const roots = optionValue(ctx.args, '--roots');
  const r = measureLegacyPrecision(roots === undefined ? PRECISION_ROOTS : roots.split(':'));
  const byDetector = new Map<string, number>();
  for (const f of r.legacy) byDetector.set(f.detector, (byDetector.get(f.detector) ?? 0) + 1);
  ctx.table(
    'legacy findings per detector',
    ['detector', 'findings'],
    [...byDetector].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id, n]) => [id, fmt(n)]),
  );
  const sample = Number(optionValue(ctx.args, '--sample') ?? 0);
  if (sample > 0 && r.legacy.length > 0) {
    const step = Math.max(1, Math.floor(r.legacy.length / sample));
    const rows: string[][] = [];
    for (let i = 0; i < r.legacy.length && rows.length < sample; i += step) {
      const f = r.legacy[i]!;
      rows.push([f.detector, `${f.path}:${f.line}`, f.shown]);
    }
    ctx.table(`${rows.length} legacy findings, one in ${step} (values redacted)`, ['detector', 'where', 'line'], rows);
  }
  const dump = optionValue(ctx.args, '--dump');
  if (dump !== undefined) {
    writeFileSync(dump, r.legacy.map((f) => JSON.stringify(f)).join('\n') + '\n');
    ctx.log(`wrote ${fmt(r.legacy.length)} legacy findings to ${dump}`);
  }
  ctx.log(
    `legacy-precision: ${fmt(r.legacy.length)} legacy findings (${fmt(r.identifiable)} identifiable) in ${fmt(r.files)} files, ` +
      `${fmt(r.bytes / 1e6, 1)} MB (${r.roots.join(', ')}), ${fmt(r.ms / 1000, 1)} s`,
  );
}
