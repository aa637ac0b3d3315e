import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createEngine } from '../detectors/engine/engine.js';
import { ALL_DETECTORS } from '../detectors/registry.js';
import { FindingAggregator } from '../scanner/aggregate.js';
import { keyedFingerprinter } from '../scanner/fingerprint.js';
import { fmt } from './measure.js';
import type { BenchContext, BenchModule } from './types.js';

/**
 * Recall on Plazmaz/leaky-repo, the labelled repository of leaked
 * credentials: `.leaky-meta/secrets.csv` says, per file, how many lines leak
 * something (`num_risk`) or disclose something useful (`num_informative`);
 * 175 labelled lines in all.
 *
 * Every file of the checkout (not `.git/` nor `.leaky-meta/`) is scanned
 * with the full engine (identifiable and legacy detectors) and its matches
 * go through the scanner's FindingAggregator, as `pushgate scan` does. Per
 * file, the distinct lines holding a finding are counted: at most the file's
 * labels count as found, the rest (and every line of an unlabelled file) as
 * outside the labels, which is where false findings show. The labels say how
 * many lines, not which, so a file's count is a bound, not a line-by-line
 * match.
 *
 * The checkout comes from `LEAKY_REPO` (a path; the bench skips without it)
 * and is never copied anywhere: its files are full of realistic credentials.
 * Only paths, line numbers and detector ids are printed, never a value.
 * `--verbose`: the per-file table.
 */
export const bench: BenchModule = {
  name: 'leaky-repo',
  title: 'legacy and identifiable recall on leaky-repo (LEAKY_REPO=path): labelled lines found, lines outside the labels',
  run,
};

/** Per file of the label list: lines that leak (risk) and lines that disclose (informative). */
export interface FileLabels {
  readonly risk: number;
  readonly informative: number;
}

/** Parses `secrets.csv`: `name,num_risk,num_informative` rows, `#` comments and blank lines. */
export function parseLabels(csv: string): Map<string, FileLabels> {
  const out = new Map<string, FileLabels>();
  for (const raw of csv.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [name, risk, informative] = line.split(',').map((s) => s.trim());
    if (name === undefined || risk === undefined || informative === undefined) continue;
    const r = Number(risk);
    const i = Number(informative);
    if (!Number.isInteger(r) || !Number.isInteger(i)) continue;
    out.set(name, { risk: r, informative: i });
  }
  return out;
}

/**
 * Files under `root`, `/`-separated relative paths in sorted order, skipping
 * the directories named in `skipDirs` (relative paths) and symbolic links.
 */
export function listFiles(root: string, skipDirs: ReadonlySet<string>, accept: (rel: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      const rel = relative(root, abs).split(sep).join('/');
      if (e.isDirectory()) {
        if (!skipDirs.has(rel) && !skipDirs.has(e.name)) walk(abs);
      } else if (e.isFile() && accept(rel)) {
        out.push(rel);
      }
    }
  };
  walk(root);
  return out;
}

/** One file's outcome. */
export interface FileResult {
  readonly path: string;
  readonly labels: number;
  /** Distinct lines with a finding. */
  readonly lines: number;
  readonly found: number;
  readonly outside: number;
  /** Detector ids with a finding in the file, with their line counts. */
  readonly detectors: ReadonlyMap<string, number>;
}

export interface LeakyRepoResult {
  readonly files: readonly FileResult[];
  readonly labelled: number;
  readonly found: number;
  readonly outside: number;
  readonly scanned: number;
  readonly bytes: number;
  readonly ms: number;
}

/** Scans a leaky-repo checkout and counts labelled lines found and lines outside the labels. */
export async function measureLeakyRepo(root: string): Promise<LeakyRepoResult> {
  const labels = parseLabels(readFileSync(join(root, '.leaky-meta', 'secrets.csv'), 'utf8'));
  const paths = listFiles(root, new Set(['.git', '.leaky-meta']));
  const engine = createEngine(ALL_DETECTORS);
  // A fixed key: fingerprints play no part in the counts, and HMAC is fast where unkeyed scrypt is not.
  const aggregator = new FindingAggregator(keyedFingerprinter(Buffer.alloc(32, 7)));
  const t0 = performance.now();
  let bytes = 0;
  for (const path of paths) {
    const buf = readFileSync(join(root, path));
    bytes += buf.length;
    for (const m of engine.scan(buf)) aggregator.add(m, { kind: 'blob', path });
  }
  await aggregator.settle();
  const findings = aggregator.findings();
  const ms = performance.now() - t0;

  const linesOf = new Map<string, Map<number, Set<string>>>();
  for (const f of findings) {
    for (const loc of f.locations) {
      if (loc.kind !== 'blob' || loc.path === undefined) continue;
      let lines = linesOf.get(loc.path);
      if (!lines) linesOf.set(loc.path, (lines = new Map()));
      let ids = lines.get(loc.line);
      if (!ids) lines.set(loc.line, (ids = new Set()));
      ids.add(f.detector);
    }
  }
  const files: FileResult[] = [];
  const names = new Set([...paths.filter((p) => labels.has(p) || linesOf.has(p)), ...labels.keys()]);
  for (const path of [...names].sort()) {
    const l = labels.get(path);
    const count = l ? l.risk + l.informative : 0;
    const lines = linesOf.get(path) ?? new Map<number, Set<string>>();
    const detectors = new Map<string, number>();
    for (const ids of lines.values()) for (const id of ids) detectors.set(id, (detectors.get(id) ?? 0) + 1);
    const found = Math.min(lines.size, count);
    files.push({ path, labels: count, lines: lines.size, found, outside: lines.size - found, detectors });
  }
  const sum = (f: (r: FileResult) => number): number => files.reduce((s, r) => s + f(r), 0);
  return { files, labelled: sum((r) => r.labels), found: sum((r) => r.found), outside: sum((r) => r.outside), scanned: paths.length, bytes, ms };
}

async function run(ctx: BenchContext): Promise<void> {
  const root = process.env['LEAKY_REPO'];
  if (root === undefined || root === '') {
    ctx.log('skipped: set LEAKY_REPO to a checkout of https://github.com/Plazmaz/leaky-repo (a work tree, not a bare clone)');
    return;
  }
  if (!existsSync(join(root, '.leaky-meta', 'secrets.csv')) || !statSync(root).isDirectory()) {
    ctx.log(`skipped: LEAKY_REPO=${root} is not a leaky-repo checkout (no .leaky-meta/secrets.csv)`);
    return;
  }
  const verbose = ctx.args.includes('--verbose');
  const r = await measureLeakyRepo(root);
  if (verbose) {
    ctx.table(
      'per file (labels = num_risk + num_informative; lines = distinct lines with a finding)',
      ['file', 'labels', 'lines', 'found', 'outside', 'detectors (lines)'],
      r.files.map((f) => [
        f.path,
        fmt(f.labels),
        fmt(f.lines),
        fmt(f.found),
        f.outside > 0 ? fmt(f.outside) : '',
        [...f.detectors].map(([id, n]) => (n > 1 ? `${id} (${n})` : id)).join(', '),
      ]),
    );
  }
  const byDetector = new Map<string, number>();
  for (const f of r.files) for (const [id, n] of f.detectors) byDetector.set(id, (byDetector.get(id) ?? 0) + n);
  ctx.table(
    'lines with a finding, per detector',
    ['detector', 'lines'],
    [...byDetector].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id, n]) => [id, fmt(n)]),
  );
  ctx.log(
    `leaky-repo: ${fmt(r.found)} of ${fmt(r.labelled)} labelled lines found, ${fmt(r.outside)} lines with a finding outside the labels ` +
      `(${fmt(r.scanned)} files, ${fmt(r.bytes / 1024, 0)} KiB, ${fmt(r.ms, 0)} ms)`,
  );
}
