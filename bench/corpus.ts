import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Detector } from '../detectors/types.js';
import type { DetectorExamples } from '../detectors/examples-types.js';
import { TokenFactory } from '../test/support/token-factory.js';
import { TABLE_ENTRIES } from '../detectors/tables/tables.js';
import { CONTEXT_ENTRIES } from '../detectors/context-tables/context-tables.js';

/**
 * The benchmark corpus: real source text read from this machine at bench time
 * (never committed), with a few hundred generated tokens planted on their own
 * lines. Files are taken round-robin from several trees so the mix is part
 * JavaScript/TypeScript, part C headers, part Perl, not one language only.
 */
export interface Corpus {
  readonly bytes: Buffer;
  readonly files: number;
  /** Where the text came from, for the report. */
  readonly roots: readonly string[];
  readonly planted: readonly PlantedSecret[];
}

export interface PlantedSecret {
  readonly detectorId: string;
  readonly secret: string;
}

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const DEFAULT_ROOTS: readonly string[] = [
  join(repoRoot, 'node_modules'),
  '/usr/include',
  '/usr/lib/node_modules',
  '/usr/share/perl',
  '/usr/share/perl5',
];

const TEXT_EXTENSIONS = new Set([
  'js', 'mjs', 'cjs', 'ts', 'mts', 'cts', 'jsx', 'tsx', 'json', 'md', 'markdown', 'txt', 'yml', 'yaml',
  'h', 'hh', 'hpp', 'c', 'cc', 'cpp', 'inc', 'def', 'pm', 'pl', 'pod', 'py', 'sh', 'html', 'css', 'xml',
]);
const MAX_FILE_BYTES = 2 * 1024 * 1024;

function listFiles(root: string): string[] {
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
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const dot = e.name.lastIndexOf('.');
        if (dot > 0 && TEXT_EXTENSIONS.has(e.name.slice(dot + 1).toLowerCase())) out.push(p);
      }
    }
  };
  walk(root);
  return out;
}

/** Reads up to `targetBytes` of text files, round-robin over the roots that exist. */
function readSourceText(roots: readonly string[], targetBytes: number): { parts: Buffer[]; size: number; files: number; used: string[] } {
  const lists = roots.filter((r) => existsSync(r)).map((r) => ({ root: r, files: listFiles(r), next: 0 }));
  const parts: Buffer[] = [];
  let size = 0;
  let files = 0;
  const used = new Set<string>();
  while (size < targetBytes && lists.some((l) => l.next < l.files.length)) {
    for (const l of lists) {
      if (size >= targetBytes) break;
      while (l.next < l.files.length) {
        const path = l.files[l.next++]!;
        let st;
        try {
          st = statSync(path);
        } catch {
          continue;
        }
        if (st.size === 0 || st.size > MAX_FILE_BYTES) continue;
        const data = readFileSync(path);
        // Binary files are not source text.
        if (data.subarray(0, 8192).includes(0)) continue;
        parts.push(data);
        if (data[data.length - 1] !== 10) parts.push(Buffer.from('\n'));
        size += data.length + 1;
        files++;
        used.add(l.root);
        break;
      }
    }
  }
  return { parts, size, files, used: [...used] };
}

async function loadExamples(id: string): Promise<DetectorExamples | undefined> {
  // Table rows carry their examples; folders keep theirs beside the detector.
  const row = TABLE_ENTRIES.find((e) => e.row.id === id) ?? CONTEXT_ENTRIES.find((e) => e.row.id === id);
  if (row) return row.examples;
  try {
    const mod = (await import(new URL(`../detectors/${id}/examples.js`, import.meta.url).href)) as { examples?: DetectorExamples };
    return mod.examples;
  } catch {
    return undefined;
  }
}

/** Lines to plant: a generated token per line, or a detector's positive example text when it has no generator. */
async function plantLines(detectors: readonly Detector[], count: number): Promise<{ lines: string[]; planted: PlantedSecret[] }> {
  const sources: Array<{ id: string; make: (t: TokenFactory, n: number) => { line: string; secret: string } }> = [];
  for (const d of detectors) {
    const ex = await loadExamples(d.id);
    if (!ex) continue;
    const generate = ex.generate;
    if (generate) {
      sources.push({ id: d.id, make: (t, n) => {
        const secret = generate(t);
        return { line: `const BENCH_TOKEN_${n} = "${secret}";`, secret };
      } });
    } else {
      sources.push({ id: d.id, make: (t) => {
        const positives = ex.positives(t);
        const p = t.pick(positives);
        return { line: p.text.replace(/\n$/, ''), secret: p.secret };
      } });
    }
  }
  const lines: string[] = [];
  const planted: PlantedSecret[] = [];
  if (sources.length === 0) return { lines, planted };
  const t = new TokenFactory('bench-corpus');
  for (let n = 0; n < count; n++) {
    const s = sources[n % sources.length]!;
    const { line, secret } = s.make(t, n);
    lines.push(line);
    planted.push({ detectorId: s.id, secret });
  }
  return { lines, planted };
}

export interface CorpusOptions {
  readonly megabytes: number;
  readonly detectors: readonly Detector[];
  readonly plant: number;
  readonly roots?: readonly string[];
}

export async function buildCorpus(opts: CorpusOptions): Promise<Corpus> {
  const roots = opts.roots ?? DEFAULT_ROOTS;
  const { parts, files, used } = readSourceText(roots, opts.megabytes * 1e6);
  const text = Buffer.concat(parts);
  parts.length = 0;
  const { lines, planted } = await plantLines(opts.detectors, opts.plant);
  // Evenly spaced, each at the start of a line.
  const pieces: Buffer[] = [];
  let last = 0;
  for (let i = 0; i < lines.length; i++) {
    const target = Math.floor(((i + 1) * text.length) / (lines.length + 1));
    const nl = text.indexOf(10, Math.max(target, last));
    const at = nl === -1 ? text.length : nl + 1;
    pieces.push(text.subarray(last, at), Buffer.from(`${lines[i]}\n`, 'latin1'));
    last = at;
  }
  pieces.push(text.subarray(last));
  return { bytes: Buffer.concat(pieces), files, roots: used, planted };
}
