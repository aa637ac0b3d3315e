import { createEngine, type Engine } from '../detectors/engine/engine.js';
import { IDENTIFIABLE_DETECTORS } from '../detectors/registry.js';
import { hookDetectors } from '../scanner/custom-config.js';
import { FindingAggregator } from '../scanner/aggregate.js';
import { fingerprinterFromEnv } from '../scanner/fingerprint.js';
import { maskedText } from '../scanner/mask.js';
import { openRepository } from '../scanner/git/repository.js';
import { runGit } from '../scanner/git/git-process.js';
import type { Finding } from '../scanner/types.js';
import { isZeroOid } from './ref-updates.js';
import { rejectionMessage } from './rejection-message.js';
import { scanPush } from './push-scan.js';

/**
 * Developer-side hooks for early feedback: the same engine and the same
 * message as the server's pre-receive hook. They are a convenience; the
 * server hook is the control (client hooks can be skipped with --no-verify).
 */
export interface ClientHookIo {
  readonly stdin: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly write: (text: string) => void;
}

/** pre-push: stdin lines `<local ref> <local oid> <remote ref> <remote oid>`; scans commits no remote-tracking ref has. */
export async function runPrePush(io: ClientHookIo): Promise<number> {
  const tips = new Set<string>();
  // The names the push gives its refs on the remote are scanned too.
  const refs: Array<{ name: string; target: string }> = [];
  for (const line of io.stdin.split('\n')) {
    const [, localOid, remoteRef] = line.trim().split(/\s+/);
    if (localOid && !isZeroOid(localOid) && /^[0-9a-f]{40,64}$/.test(localOid)) {
      tips.add(localOid);
      if (remoteRef) refs.push({ name: remoteRef, target: localOid });
    }
  }
  if (tips.size === 0) return 0;
  const repo = await openRepository(io.cwd);
  const remote = io.args[0];
  const known = remote && /^[A-Za-z0-9._\/-]+$/.test(remote) && !remote.includes('://') ? `--remotes=${remote}` : '--remotes';
  const { report, subjects } = await scanPush(repo, [...tips, '--not', known], {
    engine: createEngine(await hookDetectors(io.env, IDENTIFIABLE_DETECTORS)),
    fingerprints: fingerprinterFromEnv(io.env),
    signal: AbortSignal.timeout(120_000),
    refs,
  });
  if (report.findings.length === 0) return 0;
  io.write(rejectionMessage(report.findings, { subjects, source: 'pushgate pre-push', clientSide: true }));
  return 1;
}

/** pre-commit: scans the staged content of every added or modified file. */
export async function runPreCommit(io: ClientHookIo, given?: Engine): Promise<number> {
  const engine = given ?? createEngine(await hookDetectors(io.env, IDENTIFIABLE_DETECTORS));
  const repo = await openRepository(io.cwd);
  const run = { repoPath: repo.path };
  const raw = await runGit(['diff', '--cached', '--raw', '-z', '--no-renames', '--diff-filter=ACMRT', '--no-abbrev'], repo.invocation, run);
  // `:100644 100644 <old> <new> M\0path\0`
  const fields = raw.toString('latin1').split('\0');
  const staged: Array<{ oid: string | null; path: Buffer }> = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const meta = fields[i]!.split(' ');
    const oid = meta[3];
    const mode = meta[1];
    // Submodules are listed for their path (it is text the commit adds), not read.
    if (oid && !isZeroOid(oid)) staged.push({ oid: mode !== '160000' ? oid : null, path: Buffer.from(fields[i + 1]!, 'latin1') });
  }
  const aggregator = new FindingAggregator(fingerprinterFromEnv(io.env));
  for (const { oid, path: rawPath } of staged) {
    const inPath = engine.scan(rawPath);
    const path = inPath.length > 0 ? maskedText(rawPath, inPath) : rawPath.toString('utf8');
    for (const m of inPath) aggregator.add(m, { kind: 'path', path });
    if (oid === null) continue;
    const content = await runGit(['cat-file', 'blob', oid], repo.invocation, run);
    for (const m of engine.scan(content)) aggregator.add(m, { kind: 'blob', path, blob: oid });
  }
  const findings: Finding[] = aggregator.findings();
  if (findings.length === 0) return 0;
  io.write(rejectionMessage(findings, { subjects: new Map(), source: 'pushgate pre-commit', stage: 'commit', clientSide: true }));
  return 1;
}
