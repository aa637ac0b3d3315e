/**
 * Reads a unified diff (`git diff`, `git show`, `git log -p`,
 * `git format-patch`, or plain `diff -u`) and keeps what a push would add:
 * for each file, its added lines with their line numbers in the new file.
 * Hunks are read by their line counts, so a removed line that happens to
 * start with `--- ` is not taken for a header. Text outside hunks (commit
 * headers, messages, `index` lines) is allowed and skipped; a hunk that is
 * cut short is an error, because its remaining lines would go unscanned.
 */
export class DiffParseError extends Error {
  override readonly name = 'DiffParseError';
  readonly code = 'SCAN_DIFF_MALFORMED';
}

export interface DiffFile {
  /** Path in the new version (the old path for a deleted file, which has no added lines). */
  readonly path: string;
  /** The commit the file's hunks belong to, when the diff names it (`git log -p`, `git show`, format-patch). */
  readonly commit: string | null;
  /** Added lines, without the leading `+`. */
  readonly added: string[];
  /** New-file line number of each added line. */
  readonly lineNumbers: number[];
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const COMMIT = /^(?:commit ([0-9a-f]{40}|[0-9a-f]{64})\b|From ([0-9a-f]{40}|[0-9a-f]{64}) )/;

export function parseUnifiedDiff(text: string): DiffFile[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const files: DiffFile[] = [];
  let commit: string | null = null;
  let current: { path: string; commit: string | null; added: string[]; lineNumbers: number[] } | null = null;
  let oldPath: string | null = null;
  let sawHeader = false;
  /** A `diff --git` line opened a file whose `+++` line has not come yet (it may not: binary, mode-only). */
  let gitHeaderOpen = false;
  let hunkJustEnded = false;
  let oldLeft = 0;
  let newLeft = 0;
  let newLine = 0;

  const startFile = (path: string): void => {
    current = { path, commit, added: [], lineNumbers: [] };
    files.push(current);
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (oldLeft > 0 || newLeft > 0) {
      const kind = raw[0];
      if (kind === '+') {
        if (newLeft === 0) throw new DiffParseError(`line ${i + 1}: more added lines than the hunk header announced`);
        current!.added.push(raw.slice(1));
        current!.lineNumbers.push(newLine++);
        newLeft--;
      } else if (kind === '-') {
        if (oldLeft === 0) throw new DiffParseError(`line ${i + 1}: more removed lines than the hunk header announced`);
        oldLeft--;
      } else if (kind === ' ' || raw === '' || raw === '\r') {
        // Context (some tools strip the space of an empty context line).
        if (oldLeft === 0 || newLeft === 0) throw new DiffParseError(`line ${i + 1}: more context lines than the hunk header announced`);
        oldLeft--;
        newLeft--;
        newLine++;
      } else if (kind === '\\') {
        // "\ No newline at end of file"
      } else {
        throw new DiffParseError(`line ${i + 1}: hunk ends early (${oldLeft} old and ${newLeft} new lines missing)`);
      }
      hunkJustEnded = oldLeft === 0 && newLeft === 0;
      continue;
    }
    if (raw.startsWith('\\')) continue;
    // An added line right after a hunk's announced end: the counts are wrong and this line would go unscanned.
    if (hunkJustEnded && raw.startsWith('+')) throw new DiffParseError(`line ${i + 1}: more added lines than the hunk header announced`);
    hunkJustEnded = false;
    const commitMatch = COMMIT.exec(raw);
    if (commitMatch) {
      commit = commitMatch[1] ?? commitMatch[2] ?? null;
      continue;
    }
    if (raw.startsWith('diff --git ')) {
      sawHeader = true;
      oldPath = null;
      const m = /^diff --git (?:"?a\/)(.*?)"? "?b\/(.*?)"?$/.exec(raw);
      startFile(m ? unquote(m[2]!) : raw.slice('diff --git '.length));
      gitHeaderOpen = true;
      continue;
    }
    if (raw.startsWith('--- ')) {
      oldPath = headerPath(raw.slice(4));
      continue;
    }
    if (raw.startsWith('+++ ') && oldPath !== null) {
      sawHeader = true;
      const newPath = headerPath(raw.slice(4));
      const prefixed = (oldPath === '/dev/null' || oldPath.startsWith('a/')) && (newPath === '/dev/null' || newPath.startsWith('b/'));
      const strip = (p: string, prefix: string): string => (prefixed && p.startsWith(prefix) ? p.slice(prefix.length) : p);
      const path = newPath === '/dev/null' ? strip(oldPath, 'a/') : strip(newPath, 'b/');
      // A `diff --git` header already opened this file: its +++ line names it exactly.
      if (gitHeaderOpen && current) (current as { path: string }).path = path;
      else startFile(path);
      gitHeaderOpen = false;
      oldPath = null;
      continue;
    }
    const hunk = HUNK.exec(raw);
    if (hunk) {
      if (!current) throw new DiffParseError(`line ${i + 1}: hunk before any file header (---/+++ or diff --git)`);
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
      newLine = Number(hunk[3]);
      continue;
    }
  }
  if (oldLeft > 0 || newLeft > 0) throw new DiffParseError(`the diff ends inside a hunk (${oldLeft} old and ${newLeft} new lines missing): truncated?`);
  if (!sawHeader) throw new DiffParseError('no unified diff found (expected `diff --git` or `---`/`+++` file headers)');
  return files;
}

/** The path of a `---`/`+++` line: quoted C-style by git for unusual names; `diff -u` appends a tab and a time. */
function headerPath(rest: string): string {
  const s = rest.replace(/\r$/, '');
  if (s.startsWith('"')) return unquote(s);
  const tab = s.indexOf('\t');
  return tab >= 0 ? s.slice(0, tab) : s;
}

function unquote(s: string): string {
  if (!s.startsWith('"')) return s;
  const bytes: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 1; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '"') break;
    if (ch === '\\' && i + 1 < s.length) {
      const next = s[i + 1]!;
      if (/[0-7]/.test(next)) {
        bytes.push(parseInt(s.slice(i + 1, i + 4), 8));
        i += 3;
        continue;
      }
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i++;
      continue;
    }
    bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
