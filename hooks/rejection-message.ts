import type { Finding } from '../scanner/types.js';

/**
 * What a developer reads when a push is rejected. Plain text that survives
 * git's `remote: ` prefix: short lines, no color unless asked, every secret
 * redacted.
 */
export interface MessageOptions {
  /** Commit subjects by full sha, for "commit 1a2b3c4 (Add deploy script)". */
  readonly subjects: ReadonlyMap<string, string>;
  readonly color?: boolean;
  /** Findings shown in full; the rest are counted. */
  readonly limit?: number;
  /** The hook's name in messages, e.g. "pushgate pre-receive". */
  readonly source?: string;
  /** `commit`: the secret is only staged (pre-commit), so the advice is simpler. */
  readonly stage?: 'push' | 'commit';
}

const RULE = '-'.repeat(68);

function short(sha: string | undefined): string {
  return sha ? sha.slice(0, 10) : '(working tree)';
}

export function rejectionMessage(findings: readonly Finding[], options: MessageOptions): string {
  const limit = options.limit ?? 10;
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  const red = (s: string) => (options.color ? `\x1b[31m${s}\x1b[0m` : s);
  const commits = new Set(findings.flatMap((f) => f.locations.map((l) => l.commit).filter(Boolean)));
  const lines: string[] = [];
  lines.push(RULE);
  const staged = options.stage === 'commit';
  const where = staged ? 'in the staged changes' : `in ${plural(commits.size, 'commit')}`;
  lines.push(red(bold(`${staged ? 'COMMIT' : 'PUSH'} REJECTED by ${options.source ?? 'pushgate'}: ${plural(findings.length, 'secret')} found ${where}`)));
  lines.push('Secrets must not enter the repository history. There is no bypass:');
  lines.push(staged ? 'remove the secret from the files, `git add` them, then commit again.' : 'remove the secret from every commit of this push, then push again.');
  lines.push(RULE);
  findings.slice(0, limit).forEach((f, i) => {
    lines.push(bold(`[${i + 1}] ${f.title}: ${f.redacted}`));
    const [first, ...more] = f.locations;
    if (first) {
      const subject = first.commit ? options.subjects.get(first.commit) : undefined;
      lines.push(`    commit  ${short(first.commit)}${subject ? `  ${truncate(subject, 50)}` : ''}`);
      lines.push(`    file    ${first.path}:${first.line}`);
    }
    for (const loc of more.slice(0, 5)) lines.push(`    also    ${short(loc.commit)}  ${loc.path}:${loc.line}`);
    if (more.length > 5) lines.push(`    also    ${more.length - 5} more locations`);
  });
  if (findings.length > limit) lines.push(`... and ${plural(findings.length - limit, 'more secret')} not listed.`);
  lines.push(RULE);
  if (staged) {
    lines.push('Keep the secret out of the repository: read it from the environment or a');
    lines.push('secret manager instead. If it was ever shared or pushed anywhere, rotate it:');
    for (const f of uniqueByDetector(findings.slice(0, limit))) lines.push(`  - ${f.title}: ${f.revoke}`);
    lines.push(RULE);
    return lines.join('\n') + '\n';
  }
  lines.push('How to remove a secret from your unpushed commits:');
  lines.push('  In your last commit:  delete it from the file, `git add` the file,');
  lines.push('                        then `git commit --amend` and push again.');
  const oldest = oldestCommit(findings);
  lines.push(`  In an earlier commit: \`git rebase -i ${oldest ? short(oldest) : '<sha>'}^\`, mark that commit`);
  lines.push('                        `edit`, delete the secret, `git commit --amend`,');
  lines.push('                        `git rebase --continue`, then push again.');
  lines.push('  Or start over:        `git reset --soft @{upstream}` keeps your changes');
  lines.push('                        staged; delete the secret and commit again.');
  lines.push('If the secret was ever pushed anywhere else or shared, it is exposed:');
  lines.push('rotate it now. How, per credential:');
  for (const f of uniqueByDetector(findings.slice(0, limit))) lines.push(`  - ${f.title}: ${f.revoke}`);
  lines.push(RULE);
  return lines.join('\n') + '\n';
}

/** The failure message when the scan could not finish: the push is rejected, never let through. */
export function failClosedMessage(reason: string, source = 'pushgate'): string {
  return [
    RULE,
    `PUSH REJECTED by ${source}: the secret scan could not finish (${reason}).`,
    'Pushes are only accepted after a complete scan, so this push was refused.',
    'Try again; if it keeps failing, split the push into smaller pushes or',
    'contact the administrators of this server.',
    RULE,
    '',
  ].join('\n');
}

function oldestCommit(findings: readonly Finding[]): string | undefined {
  // Locations are in the push's topological order (oldest first) when the push scanner builds them.
  for (const f of findings) for (const l of f.locations) if (l.commit) return l.commit;
  return undefined;
}

function uniqueByDetector(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.detector) && seen.add(f.detector));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
