/**
 * Incremental parser of the commit walk that attributes blobs:
 * `git log -z --raw -c --no-renames --root --no-abbrev --format=<LOG_FORMAT>`.
 * With -z every field is NUL-terminated, so paths need no unquoting and may
 * hold any byte. Each commit is a header (marker + oid, author, email, ISO
 * date) followed by raw diff entries, two tokens each: the meta token
 * (`:srcmode dstmode srcoid dstoid status`, one more `:` and one more mode and
 * oid per extra parent in the combined form of merges) and the path.
 */

/** The walk's --format: \x01 marks a commit header so it cannot be taken for a diff entry. */
export const LOG_FORMAT = '%x01%H%x00%an%x00%ae%x00%aI';

export interface CommitInfo {
  readonly oid: string;
  readonly author: string;
  readonly email: string;
  /** ISO 8601 author date. */
  readonly date: string;
}

export interface LogRawHandler {
  /** A blob that `commit` has at `path` and none of its parents had there. */
  introduced(commit: CommitInfo, blob: string, path: string): void;
  /** A commit of the walk, once, when its header has been read (before its diff entries). */
  commit?(commit: CommitInfo): void;
  /**
   * A path that `commit` has (any entry type: file, symlink, submodule) and
   * that differs from every parent, as raw bytes (a slice valid during the
   * call). `added`: no parent had the path at all, so this commit brought
   * the path itself into the history.
   */
  path?(commit: CommitInfo, path: Buffer, added: boolean): void;
}

export class LogParseError extends Error {
  readonly code = 'GIT_OUTPUT_UNEXPECTED';
  constructor(detail: string) {
    super(`unexpected git log output: ${detail}`);
  }
}

const NUL = 0;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

type State = 'any' | 'author' | 'email' | 'date' | 'path';

export class LogRawParser {
  private pending: Buffer | null = null;
  private state: State = 'any';
  private oid = '';
  private author = '';
  private email = '';
  private commit: CommitInfo | null = null;
  /** Blob oid of the entry whose path token comes next; '' when the entry is not a blob being added or changed. */
  private entryBlob = '';
  /** The entry's path exists in the commit (not a deletion). */
  private entryPresent = false;
  /** No parent has the entry's path. */
  private entryAdded = false;

  constructor(private readonly handler: LogRawHandler) {}

  push(chunk: Buffer): void {
    let buf = chunk;
    let i = 0;
    if (this.pending) {
      buf = Buffer.concat([this.pending, chunk]);
      this.pending = null;
    }
    for (;;) {
      const end = buf.indexOf(NUL, i);
      if (end === -1) {
        if (i < buf.length) this.pending = Buffer.from(buf.subarray(i));
        return;
      }
      this.token(buf, i, end);
      i = end + 1;
    }
  }

  /** Checks that the output ended between records. */
  end(): void {
    if (this.pending && this.pending.toString('latin1').trim() !== '') throw new LogParseError('output ends inside a record');
    if (this.state !== 'any') throw new LogParseError(`output ends while expecting ${this.state}`);
  }

  private token(buf: Buffer, start: number, end: number): void {
    switch (this.state) {
      case 'path':
        if (this.commit) {
          if (this.entryBlob) this.handler.introduced(this.commit, this.entryBlob, buf.toString('utf8', start, end));
          if (this.entryPresent && this.handler.path) this.handler.path(this.commit, buf.subarray(start, end), this.entryAdded);
        }
        this.state = 'any';
        return;
      case 'author':
        this.author = buf.toString('utf8', start, end);
        this.state = 'email';
        return;
      case 'email':
        this.email = buf.toString('utf8', start, end);
        this.state = 'date';
        return;
      case 'date':
        this.commit = { oid: this.oid, author: this.author, email: this.email, date: buf.toString('latin1', start, end) };
        this.state = 'any';
        this.handler.commit?.(this.commit);
        return;
      case 'any': {
        // Records are separated by newlines in some places and by empty tokens in others.
        while (start < end && buf[start] === 0x0a) start++;
        if (start === end) return;
        const first = buf[start];
        if (first === 0x01) {
          this.oid = buf.toString('latin1', start + 1, end);
          this.state = 'author';
        } else if (first === 0x3a /* : */) {
          this.entryBlob = this.meta(buf.toString('latin1', start, end));
          this.state = 'path';
        } else {
          throw new LogParseError(`unexpected token ${JSON.stringify(buf.toString('latin1', start, Math.min(end, start + 80)))}`);
        }
        return;
      }
    }
  }

  /**
   * The new blob of a raw entry, or '' for deletions, trees and submodules;
   * also notes whether the path is present in the commit and whether every
   * parent lacked it (all source modes 000000).
   */
  private meta(token: string): string {
    let colons = 0;
    while (token.charCodeAt(colons) === 0x3a) colons++;
    const fields = token.slice(colons).split(' ');
    // colons parents: colons+1 modes, colons+1 oids, then the status.
    if (fields.length !== 2 * colons + 3) throw new LogParseError(`bad raw entry ${JSON.stringify(token.slice(0, 200))}`);
    const mode = parseInt(fields[colons]!, 8);
    this.entryPresent = mode !== 0;
    let added = true;
    for (let p = 0; p < colons && added; p++) if (parseInt(fields[p]!, 8) !== 0) added = false;
    this.entryAdded = added;
    const oid = fields[2 * colons + 1]!;
    const kind = mode & S_IFMT;
    if (kind !== S_IFREG && kind !== S_IFLNK) return '';
    if (/^0+$/.test(oid)) return '';
    return oid;
  }
}
