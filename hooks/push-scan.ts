import type { Engine } from '../detectors/engine/engine.js';
import { scanHistory } from '../scanner/history.js';
import type { Repository } from '../scanner/git/repository.js';
import { runGit } from '../scanner/git/git-process.js';
import type { ScanReport } from '../scanner/types.js';
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

export interface PushScanResult {
  readonly report: ScanReport;
  /** Subjects of the commits that carry findings, by sha. */
  readonly subjects: Map<string, string>;
}

/** Scans what `revisions` select in an opened repository (opened once per hook run, with the hook's quarantine environment). */
export async function scanPush(repo: Repository, revisions: string[], options: { engine: Engine; signal: AbortSignal }): Promise<PushScanResult> {
  const report = await scanHistory(repo.path, { engine: options.engine, signal: options.signal, revisions, repository: repo });
  const commits = [...new Set(report.findings.flatMap((f) => f.locations.map((l) => l.commit).filter((c): c is string => !!c)))];
  const subjects = new Map<string, string>();
  if (commits.length > 0) {
    const out = await runGit(['log', '--no-walk=unsorted', '--format=%H%x00%s', '--stdin'], repo.invocation, {
      input: commits.join('\n') + '\n',
      signal: options.signal,
      repoPath: repo.path,
    });
    for (const line of out.toString('utf8').split('\n')) {
      const [sha, subject] = line.split('\0');
      if (sha && subject !== undefined) subjects.set(sha, subject);
    }
  }
  return { report, subjects };
}
