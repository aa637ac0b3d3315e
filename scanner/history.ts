import type { Engine, MatchStream } from '../detectors/engine/engine.js';
import type { Match } from '../detectors/types.js';
import { FindingAggregator } from './aggregate.js';
import { PieceCutter, sharedEnginePool, type EnginePool } from './engine-pool.js';
import { ScanAbortedError } from './git/errors.js';
import { readBlobs, type BlobSink, type BlobVisitor, type SkipReason } from './git/object-reader.js';
import { openRepository, type Repository } from './git/repository.js';
import type { Finding, Location, ScanProgress, ScanReport } from './types.js';

export interface HistoryScanOptions {
  readonly engine: Engine;
  readonly onProgress?: (p: ScanProgress) => void;
  /** Cancels the scan; use AbortSignal.timeout(ms) for a time budget. The rejection is a ScanAbortedError holding the partial report. */
  readonly signal?: AbortSignal;
  /** rev-list revision arguments; default `['--all']`. A push: `[new1, new2, '--not', '--all']`. */
  readonly revisions?: string[];
  /**
   * Environment for git. Given: kept, object-store variables included, so a
   * pre-receive hook passes process.env and git sees the quarantined
   * objects. Undefined: this process's environment without them. Either way
   * the repository is `repoPath` (GIT_DIR, GIT_WORK_TREE and the like are
   * dropped; see scanner/git/git-process.ts).
   */
  readonly env?: NodeJS.ProcessEnv;
  /** The repository, already opened (a hook that probed it once passes it on); `repoPath` and `env` are then not used. */
  readonly repository?: Repository;
  /**
   * Scan blob contents in worker threads (scanner/engine-pool.ts) while this
   * thread reads git, for long scans (`pushgate scan --history`). `true`: the
   * process-wide pool for the engine's detectors, whose threads start on
   * first use and stay warm for later scans, where threads pay (3 cores or
   * more, or PUSHGATE_ENGINE_THREADS; see engineThreads); otherwise, and for
   * detectors the registry does not have, this thread scans. Or a pool of
   * one's own. Default false: a push is small, and a thread's start-up and
   * first RE2 compiles would cost more than they save. Findings are the same
   * either way.
   */
  readonly parallel?: boolean | EnginePool;
}

/**
 * Scans every distinct blob reachable from `revisions` exactly once, as bytes
 * (binary and huge blobs included; content is streamed through the engine in
 * pipe-sized chunks), and reports one finding per secret with every place it
 * was introduced: commit, author, email, date, path, line, column.
 * Blobs that could not be read are counted in `stats.skipped` by reason.
 *
 * Errors (by `code`): NOT_A_REPOSITORY, REPOSITORY_UNTRUSTED,
 * REPOSITORY_CORRUPT (a commit or tree cannot be read), INVALID_REVISION,
 * GIT_NOT_FOUND, GIT_FAILED, GIT_OUTPUT_UNEXPECTED, SCAN_ABORTED (with
 * the partial report).
 */
export async function scanHistory(repoPath: string, options: HistoryScanOptions): Promise<ScanReport> {
  const started = performance.now();
  const { engine, onProgress, signal } = options;
  const aggregator = new FindingAggregator();
  const reasons: Record<string, number> = {};
  let skippedCount = 0;
  let skippedBytes = 0;
  let blobs = 0;
  let bytes = 0;

  const pool = options.parallel === true ? sharedEnginePool(engine) : options.parallel || null;
  const pooled = pool?.scan(engine.detectors);

  const visitor: BlobVisitor<Match[]> = {
    open() {
      const sink = pooled ? pooled.sink() : inThreadSink(engine);
      let size = 0;
      return {
        write(chunk) {
          size += chunk.length;
          sink.write(chunk);
        },
        end(truncated) {
          if (!truncated) blobs++;
          bytes += size;
          return sink.end(truncated);
        },
      };
    },
    place(blob, at, matches) {
      const commit = at.commit;
      const where = commit
        ? { path: at.path, blob, commit: commit.oid, author: commit.author, email: commit.email, date: commit.date }
        : { path: at.path, blob };
      for (const m of matches) aggregator.add(m, where);
    },
    skipped(_blob, reason: SkipReason, size) {
      skippedCount++;
      skippedBytes += size;
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    },
    ...(onProgress
      ? { progress: (p) => onProgress({ blobsDone: p.blobsRead, blobsTotal: p.blobsTotal, bytesDone: p.bytesRead }) }
      : {}),
  };

  const report = (): ScanReport => {
    const findings = aggregator.findings();
    for (const f of findings) sortLocations(f);
    return {
      findings,
      stats: {
        blobs,
        bytes,
        skipped: { count: skippedCount, bytes: skippedBytes, reasons: { ...reasons } },
        seconds: (performance.now() - started) / 1000,
      },
    };
  };

  try {
    const repo = options.repository ?? await openRepository(repoPath, {
      ...(options.env ? { env: options.env } : {}),
      ...(signal ? { signal } : {}),
    });
    await readBlobs(
      repo,
      { ...(options.revisions ? { revisions: options.revisions } : {}), ...(signal ? { signal } : {}), ...(pooled ? { throttle: pooled } : {}) },
      visitor,
    );
  } catch (err) {
    if (err instanceof ScanAbortedError) throw new ScanAbortedError<ScanReport>(report(), err.cause);
    throw err;
  } finally {
    pooled?.close();
  }
  return report();
}

/** Scans a blob on this thread, in the pieces PieceCutter cuts (the same pieces a pool's worker gets). */
function inThreadSink(engine: Engine): BlobSink<Match[]> {
  // Made at the first full piece: a blob that fits in one piece (most do) is scanned whole, in one pass,
  // without the stream's carried overlap being copied and scanned again at the end.
  let stream: MatchStream | undefined;
  const cutter = new PieceCutter();
  let found: Match[] | undefined;
  const push = (parts: Buffer[], length: number): void => {
    stream ??= engine.stream();
    const matches = stream.push(parts.length === 1 ? parts[0]! : Buffer.concat(parts, length));
    if (matches.length > 0) (found ??= []).push(...matches);
  };
  return {
    write: (chunk) => cutter.write(chunk, push),
    end() {
      const rest = cutter.rest();
      if (!stream) {
        const matches = engine.scan(rest.parts.length === 1 ? rest.parts[0]! : Buffer.concat(rest.parts, rest.length));
        return matches.length > 0 ? matches : undefined;
      }
      if (rest.length > 0) push(rest.parts, rest.length);
      const matches = stream.end();
      if (matches.length > 0) (found ??= []).push(...matches);
      return found;
    },
  };
}

/** Oldest introduction first, so `locations[0]` is where the secret entered the history. */
function sortLocations(finding: Finding): void {
  const time = (l: Location): number => (l.date ? Date.parse(l.date) : Number.POSITIVE_INFINITY);
  finding.locations.sort(
    (a, b) =>
      time(a) - time(b) ||
      (a.commit ?? '').localeCompare(b.commit ?? '') ||
      a.path.localeCompare(b.path) ||
      a.offset - b.offset,
  );
}
