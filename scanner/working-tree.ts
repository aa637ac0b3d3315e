import { lstat, open, readdir, readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { Engine } from '../detectors/engine/engine.js';
import type { Match } from '../detectors/types.js';
import { FindingAggregator } from './aggregate.js';
import { unkeyedFingerprinter, type Fingerprinter } from './fingerprint.js';
import { maskedText } from './mask.js';
import { GitNotFoundError, NotARepositoryError } from './git/errors.js';
import { gitEnvironment, runGit, type GitInvocation } from './git/git-process.js';
import type { ScanProgress, ScanReport } from './types.js';

export type WorkingTreeErrorCode = 'SCAN_PATH_NOT_FOUND' | 'SCAN_NOT_A_DIRECTORY';

export class WorkingTreeError extends Error {
  override readonly name = 'WorkingTreeError';
  constructor(
    readonly code: WorkingTreeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface WorkingTreeScanOptions {
  readonly engine: Engine;
  /** How findings are fingerprinted (scanner/fingerprint.ts); default unkeyed-v2. The service and keyed CLI runs pass theirs. */
  readonly fingerprints?: Fingerprinter;
  readonly onProgress?: (p: ScanProgress) => void;
  readonly signal?: AbortSignal;
  /** Environment for git (see gitEnvironment: variables naming another repository are always dropped). */
  readonly env?: NodeJS.ProcessEnv;
  /** Walk every file under the root even in a git work tree, ignored ones included (`--no-git`). */
  readonly noGit?: boolean;
}

/** Files up to this size are read whole; larger ones are streamed so memory stays bounded. */
const WHOLE_FILE_LIMIT = 8 * 1024 * 1024;
const STREAM_CHUNK = 1024 * 1024;
/** Reads in flight at once: enough to hide file-system latency, few enough to keep memory small. */
const CONCURRENCY = 8;

export type SkipReason = 'symlink' | 'not-a-file' | 'missing' | 'unreadable';

interface FileEntry {
  /** Path relative to the scanned root, `/`-separated, as bytes (names need not be UTF-8). */
  readonly rel: Buffer;
  /** Known before reading (an unreadable directory of the walk). */
  readonly skip?: SkipReason;
}

/**
 * Scans the files of a directory as bytes.
 *
 * In a git work tree it scans what `git ls-files -co --exclude-standard`
 * lists under the directory: tracked files plus untracked files that are not
 * ignored, i.e. what could be committed next. Elsewhere it walks the file
 * system and skips only `.git` (repository internals, compressed; use a
 * history scan for those): `node_modules`, build output and the like are
 * scanned, because outside git there is no ignore list to say they are not
 * the user's. Symbolic links are never followed; they, special files,
 * vanished and unreadable files are counted in `stats.skipped` by reason.
 */
export async function scanWorkingTree(root: string, options: WorkingTreeScanOptions): Promise<ScanReport> {
  const started = performance.now();
  const { engine, onProgress, signal } = options;
  const env = gitEnvironment(options.env);

  let rootStat: Stats;
  try {
    rootStat = await lstat(root);
  } catch {
    throw new WorkingTreeError('SCAN_PATH_NOT_FOUND', `${root}: no such file or directory`);
  }
  if (rootStat.isSymbolicLink()) {
    // A symlinked root is what the user named: follow that one link.
    try {
      rootStat = await stat(root);
    } catch {
      throw new WorkingTreeError('SCAN_PATH_NOT_FOUND', `${root}: dangling symbolic link`);
    }
  }
  if (!rootStat.isDirectory()) throw new WorkingTreeError('SCAN_NOT_A_DIRECTORY', `${root}: not a directory`);

  signal?.throwIfAborted();
  const git: GitInvocation = { cwd: root, env };
  const inGit = options.noGit !== true && (await isGitWorkTree(git, signal));
  const files = inGit ? await gitListFiles(git, signal) : await walk(root);
  // What git's ignore rules kept out, so a scan of `node_modules` inside a repository does not look clean for nothing.
  const ignored = inGit ? await gitIgnoredCount(git, signal) : 0;

  const rootBytes = Buffer.from(root.endsWith('/') ? root : `${root}/`);
  const perFile: Array<Match[] | undefined> = new Array(files.length);
  const skippedReasons: Record<string, number> = {};
  let skippedCount = 0;
  let skippedBytes = 0;
  let blobs = 0;
  let bytes = 0;
  let done = 0;
  const skip = (reason: SkipReason, size: number): void => {
    skippedCount++;
    skippedBytes += size;
    skippedReasons[reason] = (skippedReasons[reason] ?? 0) + 1;
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      signal?.throwIfAborted();
      const i = next++;
      if (i >= files.length) return;
      const entry = files[i]!;
      const outcome: FileOutcome = entry.skip
        ? { skipped: entry.skip, size: 0 }
        : await scanFile(engine, Buffer.concat([rootBytes, entry.rel]));
      if ('skipped' in outcome) {
        skip(outcome.skipped, outcome.size);
      } else {
        blobs++;
        bytes += outcome.bytes;
        perFile[i] = outcome.matches;
      }
      done++;
      onProgress?.({ blobsDone: done, blobsTotal: files.length, bytesDone: bytes });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  signal?.throwIfAborted();

  // Aggregated in listing order, not completion order, so reports are deterministic.
  // A file's path is scanned too (a secret in a file or directory name), and shown masked wherever it appears.
  const aggregator = new FindingAggregator(options.fingerprints ?? unkeyedFingerprinter());
  for (let i = 0; i < files.length; i++) {
    const rel = files[i]!.rel;
    const inPath = engine.scan(rel);
    const path = inPath.length > 0 ? maskedText(rel, inPath) : rel.toString('utf8');
    for (const m of inPath) aggregator.add(m, { kind: 'path', path });
    const matches = perFile[i];
    if (!matches) continue;
    for (const m of matches) aggregator.add(m, { kind: 'blob', path });
  }
  await aggregator.settle();

  return {
    findings: aggregator.findings(),
    stats: {
      blobs,
      bytes,
      skipped: { count: skippedCount, bytes: skippedBytes, reasons: skippedReasons },
      seconds: (performance.now() - started) / 1000,
      ...(ignored > 0 ? { ignored } : {}),
    },
    fingerprints: aggregator.fingerprintInfo,
  };
}

/**
 * Scans a stream (standard input for `pushgate scan -`) as one file named
 * `name`, in chunks through the engine's stream, so input of any size is
 * read with bounded memory.
 */
export async function scanReadable(input: AsyncIterable<Buffer | string>, name: string, options: Pick<WorkingTreeScanOptions, 'engine' | 'fingerprints' | 'onProgress' | 'signal'>): Promise<ScanReport> {
  const started = performance.now();
  const { engine, signal } = options;
  const stream = engine.stream();
  const matches: Match[] = [];
  let bytes = 0;
  for await (const chunk of input) {
    signal?.throwIfAborted();
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytes += buf.length;
    // A copy: the engine may keep a view of the last chunk as overlap, and a stream may reuse its buffers.
    for (const m of stream.push(Buffer.from(buf))) matches.push(m);
    options.onProgress?.({ blobsDone: 0, blobsTotal: 1, bytesDone: bytes });
  }
  for (const m of stream.end()) matches.push(m);
  const aggregator = new FindingAggregator(options.fingerprints ?? unkeyedFingerprinter());
  for (const m of matches) aggregator.add(m, { kind: 'blob', path: name });
  await aggregator.settle();
  return {
    findings: aggregator.findings(),
    stats: { blobs: 1, bytes, skipped: { count: 0, bytes: 0, reasons: {} }, seconds: (performance.now() - started) / 1000 },
    fingerprints: aggregator.fingerprintInfo,
  };
}

/** Untracked paths under the work tree's current directory that git ignores, a wholly ignored directory counting once. */
async function gitIgnoredCount(git: GitInvocation, signal: AbortSignal | undefined): Promise<number> {
  const out = await runGit(['ls-files', '-z', '-o', '-i', '--exclude-standard', '--directory'], git, { repoPath: git.cwd, ...(signal ? { signal } : {}) });
  let n = 0;
  for (let i = out.indexOf(0); i !== -1; i = out.indexOf(0, i + 1)) n++;
  return n;
}

type FileOutcome = { matches: Match[]; bytes: number } | { skipped: SkipReason; size: number };

async function scanFile(engine: Engine, abs: Buffer): Promise<FileOutcome> {
  let st: Stats;
  try {
    st = await lstat(abs);
  } catch (err) {
    return { skipped: errno(err) === 'ENOENT' ? 'missing' : 'unreadable', size: 0 };
  }
  if (st.isSymbolicLink()) return { skipped: 'symlink', size: 0 };
  if (!st.isFile()) return { skipped: 'not-a-file', size: 0 };
  try {
    if (st.size <= WHOLE_FILE_LIMIT) {
      const buf = await readFile(abs);
      return { matches: engine.scan(buf), bytes: buf.length };
    }
    const fh = await open(abs, 'r');
    try {
      const stream = engine.stream();
      const matches: Match[] = [];
      for (;;) {
        // A fresh buffer per chunk: the engine may keep a view of the last one as overlap.
        const chunk = Buffer.allocUnsafe(STREAM_CHUNK);
        const { bytesRead } = await fh.read(chunk, 0, STREAM_CHUNK, null);
        if (bytesRead === 0) break;
        for (const m of stream.push(chunk.subarray(0, bytesRead))) matches.push(m);
      }
      for (const m of stream.end()) matches.push(m);
      return { matches, bytes: stream.bytes };
    } finally {
      await fh.close();
    }
  } catch (err) {
    return { skipped: errno(err) === 'ENOENT' ? 'missing' : 'unreadable', size: st.size };
  }
}

function errno(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/**
 * True inside a git work tree; false outside one and when git is not
 * installed. Other git failures (e.g. REPOSITORY_UNTRUSTED, "dubious
 * ownership") are thrown: falling back to a walk would silently scan ignored
 * files too.
 */
async function isGitWorkTree(git: GitInvocation, signal: AbortSignal | undefined): Promise<boolean> {
  try {
    const out = await runGit(['rev-parse', '--is-inside-work-tree'], git, { repoPath: git.cwd, ...(signal ? { signal } : {}) });
    return out.toString('utf8').trim() === 'true';
  } catch (err) {
    if (err instanceof NotARepositoryError || err instanceof GitNotFoundError) return false;
    throw err;
  }
}

async function gitListFiles(git: GitInvocation, signal: AbortSignal | undefined): Promise<FileEntry[]> {
  const stdout = await runGit(['ls-files', '-z', '-c', '-o', '--exclude-standard'], git, { repoPath: git.cwd, ...(signal ? { signal } : {}) });
  const out: FileEntry[] = [];
  const seen = new Set<string>();
  let start = 0;
  for (;;) {
    const nul = stdout.indexOf(0, start);
    if (nul === -1) break;
    if (nul > start) {
      const rel = stdout.subarray(start, nul);
      // Tracked files with merge conflicts are listed once per stage.
      const key = rel.toString('latin1');
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ rel: Buffer.from(rel) });
      }
    }
    start = nul + 1;
  }
  return out;
}

/** Depth-first walk, names as bytes, `.git` skipped, symlinks listed (and then skipped) but never followed. */
async function walk(root: string): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  const rootBytes = Buffer.from(root.endsWith('/') ? root : `${root}/`);
  const slash = Buffer.from('/');
  const gitName = Buffer.from('.git');
  const visit = async (relDir: Buffer | null): Promise<void> => {
    const abs = relDir ? Buffer.concat([rootBytes, relDir]) : rootBytes;
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true, encoding: 'buffer' });
    } catch {
      if (relDir) out.push({ rel: relDir, skip: 'unreadable' });
      return;
    }
    const named = entries.map((e) => ({ e, name: Buffer.from(e.name as unknown as Uint8Array) }));
    named.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const { e, name } of named) {
      if (name.equals(gitName)) continue;
      const rel = relDir ? Buffer.concat([relDir, slash, name]) : name;
      if (e.isDirectory()) await visit(rel);
      else out.push({ rel });
    }
  };
  await visit(null);
  return out;
}
