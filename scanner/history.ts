import type { Engine } from '../detectors/engine/engine.js';
import type { Match } from '../detectors/types.js';
import { FindingAggregator } from './aggregate.js';
import { ScanAbortedError } from './git/errors.js';
import { readBlobs, type BlobVisitor, type SkipReason } from './git/object-reader.js';
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
}

/** Bytes handed to the engine at once: blobs up to this size in one piece, larger ones streamed in pieces this big. */
const PIECE_BYTES = 1024 * 1024;

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

  const visitor: BlobVisitor<Match[]> = {
    open() {
      const stream = engine.stream();
      let found: Match[] | undefined;
      // Pipe chunks (~10-64 kB) are gathered into pieces of up to PIECE_BYTES before the engine sees
      // them: every push re-scans the engine's overlap (24 kB today) from the previous one, and
      // pushing 12 kB pieces took 1.5-3x the engine CPU of 1 MB pieces.
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = (): void => {
        if (pendingBytes === 0) return;
        const piece = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        const matches = stream.push(piece);
        if (matches.length > 0) (found ??= []).push(...matches);
      };
      return {
        write(chunk) {
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes >= PIECE_BYTES) flush();
        },
        end(truncated) {
          flush();
          const matches = stream.end();
          if (matches.length > 0) (found ??= []).push(...matches);
          if (!truncated) blobs++;
          bytes += stream.bytes;
          return found;
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
    await readBlobs(repo, { ...(options.revisions ? { revisions: options.revisions } : {}), ...(signal ? { signal } : {}) }, visitor);
  } catch (err) {
    if (err instanceof ScanAbortedError) throw new ScanAbortedError<ScanReport>(report(), err.cause);
    throw err;
  }
  return report();
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
