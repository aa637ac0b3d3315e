import { encodingNote, placeWords, shortId, tagLabel, tagWords } from '../scanner/report/location-text.js';
import { terminalText } from '../scanner/report/terminal-text.js';
import type { Finding, Location, LocationKind } from '../scanner/types.js';

/**
 * What a developer reads when a push is rejected. Plain text that survives
 * git's `remote: ` prefix: short lines, no color unless asked, every secret
 * redacted. Everything the pusher chose (subjects, paths, names, e-mails,
 * ref and tag names) goes through terminalText, so none of it can start a
 * `remote:` line of its own or drive the terminal.
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
  /** The remote to name in `git push <remote> <name>` advice (default `origin`). */
  readonly remote?: string;
  /**
   * A client hook (pre-commit, pre-push) on the developer's machine: `git
   * commit --no-verify` skips it, so the message does not promise what only
   * the server hook keeps.
   */
  readonly clientSide?: boolean;
}

const RULE = '-'.repeat(68);
/** Tags whose re-creation is spelled out; the rest are counted. */
const TAG_ADVICE_LIMIT = 3;

const t = terminalText;

function short(sha: string | undefined): string {
  return sha ? shortId(sha) : '(staged)';
}

export function rejectionMessage(findings: readonly Finding[], options: MessageOptions): string {
  const limit = options.limit ?? 10;
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  const red = (s: string) => (options.color ? `\x1b[31m${s}\x1b[0m` : s);
  const locations = findings.flatMap((f) => f.locations);
  const lines: string[] = [];
  lines.push(RULE);
  const staged = options.stage === 'commit';
  const where = staged ? 'in the staged changes' : `in ${placesCount(locations)}`;
  lines.push(red(bold(`${staged ? 'COMMIT' : 'PUSH'} REJECTED by ${options.source ?? 'pushgate'}: ${plural(findings.length, 'secret')} found ${where}`)));
  lines.push(
    options.clientSide
      ? 'This check on your machine is an early warning; the server\'s push protection is the control, and it has no bypass:'
      : 'Secrets must not enter the repository history. There is no bypass:',
  );
  lines.push(staged ? 'remove the secret from the files, `git add` them, then commit again.' : 'remove the secret from every commit of this push, then push again.');
  lines.push(RULE);
  findings.slice(0, limit).forEach((f, i) => {
    lines.push(bold(`[${i + 1}] ${f.title}: ${t(f.redacted)}`));
    const [first, ...more] = f.locations;
    if (first) lines.push(...firstLocationLines(first, options.subjects));
    for (const loc of more.slice(0, 5)) lines.push(`    also    ${alsoLine(loc)}`);
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
  lines.push(...removalAdvice(locations, options.remote ?? 'origin'));
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
    // The reason can quote what the push held (an object id, a ref name): escaped like all pusher text.
    `PUSH REJECTED by ${source}: the secret scan could not finish (${t(reason)}).`,
    'Pushes are only accepted after a complete scan, so this push was refused.',
    'Try again; if it keeps failing, split the push into smaller pushes or',
    'contact the administrators of this server.',
    RULE,
    '',
  ].join('\n');
}

const COMMIT_KINDS: ReadonlySet<LocationKind> = new Set(['blob', 'path', 'commit-message', 'commit-identity', 'commit-header']);
const TAG_PARTS: Readonly<Partial<Record<LocationKind, string>>> = { 'tag-message': 'message', 'tag-identity': 'tagger', 'tag-header': 'header' };
const TAG_KINDS: ReadonlySet<LocationKind> = new Set(Object.keys(TAG_PARTS) as LocationKind[]);

/** `1 commit`, `2 commits and 1 tag`, `1 ref name`: the objects that hold the findings. */
function placesCount(locations: readonly Location[]): string {
  const commits = new Set<string>();
  const tags = new Set<string>();
  const refs = new Set<string>();
  for (const l of locations) {
    if (COMMIT_KINDS.has(l.kind) && l.commit) commits.add(l.commit);
    else if (TAG_KINDS.has(l.kind)) tags.add(l.tag ?? l.tagName ?? '');
    else if (l.kind === 'ref-name') refs.add(l.ref ?? '');
  }
  const parts = [
    commits.size > 0 ? plural(commits.size, 'commit') : '',
    tags.size > 0 ? plural(tags.size, 'tag') : '',
    refs.size > 0 ? plural(refs.size, 'ref name') : '',
  ].filter(Boolean);
  if (parts.length === 0) return plural(0, 'commit');
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function commitLine(l: Location, subjects: ReadonlyMap<string, string>): string {
  // No commit yet: the pre-commit hook scans what is staged (the index), not the working tree.
  if (!l.commit) return '    staged  (not committed yet)';
  const subject = subjects.get(l.commit);
  return `    commit  ${short(l.commit)}${subject ? `  ${t(truncate(subject, 50))}` : ''}`;
}

function tagLine(l: Location): string {
  return `    tag     ${t(tagLabel(l))}`;
}

/** The first location of a finding: the object that holds it, then where in it. */
function firstLocationLines(l: Location, subjects: ReadonlyMap<string, string>): string[] {
  const enc = encodingNote(l.encoding);
  switch (l.kind) {
    case 'blob':
      return [commitLine(l, subjects), `    file    ${t(l.path ?? '')}:${l.line}${enc}`];
    case 'path':
      return [commitLine(l, subjects), `    path    ${t(l.path ?? '')}${enc}  (the file name holds it)`];
    case 'commit-message':
      return [commitLine(l, subjects), `    where   commit message, line ${l.line}${enc}`];
    case 'commit-identity':
      return [commitLine(l, subjects), `    where   author or committer name/e-mail, header line ${l.line}${enc}`];
    case 'commit-header':
      return [commitLine(l, subjects), `    where   commit header, line ${l.line}${enc}`];
    case 'tag-message':
      return [tagLine(l), `    where   tag message, line ${l.line}${enc}`];
    case 'tag-identity':
      return [tagLine(l), `    where   tagger name/e-mail, header line ${l.line}${enc}`];
    case 'tag-header':
      return [tagLine(l), `    where   tag header, line ${l.line}${enc}`];
    case 'ref-name':
      return [`    ref     ${t(l.ref ?? '')}${enc}`];
  }
}

function alsoLine(l: Location): string {
  if (l.kind === 'blob') return `${short(l.commit)}  ${t(l.path ?? '')}:${l.line}${encodingNote(l.encoding)}`;
  return t(placeWords(l));
}

/** How to take the secret out of each kind of place this push put one, oldest commit first. */
function removalAdvice(locations: readonly Location[], remote: string): string[] {
  const byKind = new Map<LocationKind, Location[]>();
  for (const l of locations) byKind.set(l.kind, [...(byKind.get(l.kind) ?? []), l]);
  // Locations are in the push's topological order (oldest first) when the push scanner builds them.
  const oldest = (...kinds: LocationKind[]): string => {
    const commit = kinds.flatMap((k) => byKind.get(k) ?? []).find((l) => l.commit)?.commit;
    return commit ? short(commit) : '<commit>';
  };
  const out: string[] = [];
  const only = byKind.size === 1;
  if (byKind.has('blob')) {
    out.push(only ? 'How to remove a secret from your unpushed commits:' : 'A secret in a file: remove it from your unpushed commits.');
    out.push('  In your last commit:  delete it from the file, `git add` the file,');
    out.push('                        then `git commit --amend` and push again.');
    out.push(`  In an earlier commit: \`git rebase -i ${oldest('blob')}^\`, mark that commit`);
    out.push('                        `edit`, delete the secret, `git commit --amend`,');
    out.push('                        `git rebase --continue`, then push again.');
    out.push('  Or start over:        `git reset --soft @{upstream}` keeps your changes');
    out.push('                        staged; delete the secret and commit again.');
  }
  if (byKind.has('path')) {
    out.push('A file name holds a secret: rename the file.');
    out.push('  In your last commit:  `git mv <old path> <new path>`, then');
    out.push('                        `git commit --amend` and push again.');
    out.push(`  In an earlier commit: \`git rebase -i ${oldest('path')}^\`, mark that commit`);
    out.push('                        `edit`, `git mv <old path> <new path>`,');
    out.push('                        `git commit --amend`, `git rebase --continue`,');
    out.push('                        then push again.');
  }
  if (byKind.has('commit-message')) {
    out.push('A commit message holds a secret: reword the commit.');
    out.push('  In your last commit:  `git commit --amend`, edit the message, push again.');
    out.push(`  In an earlier commit: \`git rebase -i ${oldest('commit-message')}^\`, mark that commit`);
    out.push('                        `reword`, edit the message, then push again.');
  }
  if (byKind.has('commit-identity')) {
    out.push('An author or committer name or e-mail holds a secret: fix your identity');
    out.push('(`git config user.name "Your Name"`,');
    out.push('`git config user.email you@example.com`), then re-create the commit.');
    out.push('  In your last commit:  `git commit --amend --reset-author`');
    out.push('                        (or `--author="Your Name <you@example.com>"`).');
    out.push(`  In an earlier commit: \`git rebase -i ${oldest('commit-identity')}^\`, mark that commit`);
    out.push('                        `edit`, `git commit --amend --reset-author`,');
    out.push('                        `git rebase --continue`, then push again.');
  }
  if (byKind.has('commit-header')) {
    out.push('A commit header (signature, encoding or other header) holds a secret:');
    out.push('re-create the commit with plain headers.');
    out.push('  In your last commit:  `git commit --amend --no-gpg-sign`, push again.');
    out.push(`  In an earlier commit: \`git rebase -i ${oldest('commit-header')}^\`, mark that commit`);
    out.push('                        `edit`, `git commit --amend --no-gpg-sign`,');
    out.push('                        `git rebase --continue`, then push again.');
  }
  out.push(...tagAdvice(locations.filter((l) => TAG_KINDS.has(l.kind)), remote));
  if (byKind.has('ref-name')) {
    const refs = byKind.get('ref-name')!;
    const tagsOnly = refs.every((l) => l.ref?.startsWith('refs/tags/'));
    const branchesOnly = refs.every((l) => l.ref?.startsWith('refs/heads/'));
    out.push(`A ${tagsOnly ? 'tag' : branchesOnly ? 'branch' : 'branch or tag'} name holds a secret: push it under another name.`);
    if (!tagsOnly) out.push('  A branch: `git branch -m <old name> <new name>`,');
    if (!branchesOnly) out.push('  A tag:    `git tag <new name> <old name>`, then `git tag -d <old name>`,');
    out.push(`  then \`git push ${shellWord(remote)} <new name>\`. The rejected name never`);
    out.push('  reached the server: there is nothing to delete there.');
  }
  return out;
}

/** One block per annotated tag: it cannot be edited, only deleted and re-created. */
function tagAdvice(locations: readonly Location[], remote: string): string[] {
  const tags = new Map<string, Location[]>();
  for (const l of locations) {
    const key = l.tag ?? l.tagName ?? '';
    tags.set(key, [...(tags.get(key) ?? []), l]);
  }
  const out: string[] = [];
  for (const [, ls] of [...tags].slice(0, TAG_ADVICE_LIMIT)) {
    const l = ls[0]!;
    const name = tagNameArg(l.tagName);
    const what = [...new Set(ls.map((x) => TAG_PARTS[x.kind]))].join(', ');
    out.push(`The annotated ${t(tagWords(l))} holds a secret (${what}):`);
    out.push('  a tag cannot be edited; delete it and create it again.');
    out.push(`  \`git rev-parse ${name}^{}\` names the tagged commit; then \`git tag -d ${name}\``);
    out.push(`  and \`git tag -a ${name} <that commit>\` with a clean message,`);
    if (ls.some((x) => x.kind === 'tag-identity')) {
      out.push('  after fixing your identity (`git config user.name`, `user.email`),');
    }
    out.push(`  then \`git push ${shellWord(remote)} ${name}\`.`);
  }
  if (tags.size > TAG_ADVICE_LIMIT) out.push(`  The same for ${plural(tags.size - TAG_ADVICE_LIMIT, 'more tag')}.`);
  return out;
}

/**
 * A tag name to put in a suggested command: quoted for the shell, or `<tag>`
 * when it is unknown or masked (a name holding a secret is shown as `***`,
 * which no ref name can contain).
 */
function tagNameArg(name: string | undefined): string {
  if (!name || name.includes('*')) return '<tag>';
  return t(shellWord(name));
}

/** A word a POSIX shell reads back as `s`: as it is when plain, else single-quoted. */
function shellWord(s: string): string {
  return /^[A-Za-z0-9._\/@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function uniqueByDetector(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.detector) && seen.add(f.detector));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Cut by code points, so a surrogate pair is never split into lone halves. */
function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}
