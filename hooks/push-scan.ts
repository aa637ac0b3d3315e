import type { Engine } from '../detectors/engine/engine.js';
import { scanHistory, type RefTarget } from '../scanner/history.js';
import type { Repository } from '../scanner/git/repository.js';
import { runGit } from '../scanner/git/git-process.js';
import { pushedRevisions } from '../scanner/git/object-reader.js';
import type { ScanReport } from '../scanner/types.js';
import type { Fingerprinter } from '../scanner/fingerprint.js';
import type { RefUpdate } from './ref-updates.js';

/**
 * Revisions that select exactly what a push introduces, across all its refs
 * at once: every new tip, minus everything the repository's existing refs
 * reach (refs are not yet updated while pre-receive runs). New branches whose
 * commits exist already select nothing; force pushes select only commits the
 * repository did not have; every intermediate commit is walked, so a secret
 * added and removed inside the push is still seen.
 */
export function pushRevisions(updates: readonly RefUpdate[]): string[] {
  const tips = [...new Set(updates.filter((u) => u.kind !== 'delete').map((u) => u.newOid))];
  return tips.length === 0 ? [] : [...tips, '--not', '--all'];
}

/** The refs a push creates or moves: their names are scanned, and they name the tags they point at. */
export function pushRefs(updates: readonly RefUpdate[]): RefTarget[] {
  return updates.filter((u) => u.kind !== 'delete').map((u) => ({ name: u.ref, target: u.newOid }));
}

export interface PushScanResult {
  readonly report: ScanReport;
  /** Subjects of the commits of the push, by sha, with secrets masked. */
  readonly subjects: ReadonlyMap<string, string>;
  /** Names of pushed refs that hold a secret, to the name with the secret masked (for anything that prints refs). */
  readonly refLabels: ReadonlyMap<string, string>;
}

/** The commit walk did not list exactly the commits `git rev-list` says the push introduces. */
export class IncompleteWalkError extends Error {
  readonly code = 'SCAN_WALK_INCOMPLETE';
  constructor(
    readonly expected: number,
    readonly walked: number,
  ) {
    super(`the commit walk covered ${walked} of the ${expected} commits the push introduces`);
  }
}

export interface PushScanOptions {
  readonly engine: Engine;
  readonly signal: AbortSignal;
  /** PUSHGATE_FINGERPRINT_KEY's fingerprints where the hook has it, so block events name the service's findings. */
  readonly fingerprints: Fingerprinter;
  /** The refs the push creates or moves (pushRefs); none for a scan of commits only. */
  readonly refs?: readonly RefTarget[];
}

/**
 * Scans what `revisions` select in an opened repository (opened once per
 * hook run, with the hook's quarantine environment), and checks that the
 * commit walk was complete: `git rev-list` over the same revisions, run
 * alongside, must list exactly the commits the walk parsed. A walk that came
 * up short for any reason (a git that printed nothing and exited 0, output
 * cut off) is an IncompleteWalkError, never a clean result.
 */
export async function scanPush(repo: Repository, revisions: string[], options: PushScanOptions): Promise<PushScanResult> {
  const walked = new Set<string>();
  // A push's tips on standard input, as the walk gets them: a mirror push of many refs overflows a command line.
  const pushed = pushedRevisions(revisions);
  const listed = runGit(['rev-list', ...(pushed ? ['--stdin', ...pushed.negative] : revisions)], repo.invocation, {
    repoPath: repo.path,
    signal: options.signal,
    ...(pushed ? { input: pushed.positive.join('\n') + '\n' } : {}),
  });
  // Settled either way before the scan's outcome is known; an error is raised below, after the scan's own.
  listed.catch(() => {});
  const report = await scanHistory(repo.path, {
    engine: options.engine,
    fingerprints: options.fingerprints,
    signal: options.signal,
    revisions,
    repository: repo,
    refs: options.refs ?? [],
    subjects: true,
    onWalked: (commit) => walked.add(commit),
  });
  const expected = (await listed).toString('latin1').split('\n').filter((l) => l !== '');
  let missing = 0;
  for (const commit of expected) if (!walked.has(commit)) missing++;
  if (missing > 0 || expected.length !== walked.size) throw new IncompleteWalkError(expected.length, walked.size);
  return { report, subjects: report.subjects, refLabels: report.refLabels };
}
