import { CatFileBatchParser, CatFileParseError, type CatFileHandler } from './cat-file-parser.js';
import { CorruptRepositoryError, InvalidRevisionError, ScanAbortedError } from './errors.js';
import { gitFailure, runGit, spawnError, spawnGit, StderrTail, type GitChild } from './git-process.js';
import { LOG_FORMAT, LogRawParser, type CommitInfo } from './log-raw-parser.js';
import type { Repository } from './repository.js';

/**
 * The git object reader: every distinct blob reachable from a set of
 * revisions, read once, plus every place (commit, path) that introduced it.
 *
 * How: one commit walk, `git log --raw -c --root`, lists for every commit
 * the blobs it has at a path where none of its parents had them; the first
 * time a blob shows up its oid goes to a long-lived `git cat-file --batch`,
 * whose output is parsed here and streamed to the visitor in pipe-sized
 * pieces. The walk and the object reads run in their own processes while
 * this thread parses and scans, which is how a scan uses two cores.
 *
 * Measured (bench/history.ts, 2-core shared machine; PERF-NOTES.md agrees):
 * - the git binary over isomorphic-git: isomorphic-git inflates and resolves
 *   deltas in JavaScript on the scanning thread and read the same blobs
 *   15-30x slower; it also cannot see a pre-receive quarantine.
 * - `git log --raw` drives the reads rather than `git rev-list --objects`:
 *   rev-list gives reachability but not which commit introduced a blob, so
 *   attribution needs the log walk anyway, and one walk is cheaper than two.
 * - Reading git stays on this thread. Reading it in a worker while this
 *   thread scans was slower (1.5 s vs 1.2 s): thread start-up and shipping
 *   every byte between threads cost more CPU (+0.5 s) than the reading it
 *   moved. The engine can run in worker threads instead (a sink's `end` may
 *   return a promise, and `throttle` holds reads back; see
 *   scanner/engine-pool.ts for when that pays: not on 2 cores).
 *
 * Every blob of every commit is introduced by some commit: by induction, a
 * blob at a path is either in a parent at that path (and introduced there or
 * earlier) or the commit's diff against every parent shows it; roots
 * (--root), shallow boundaries and merge resolutions (-c: paths that differ
 * from all parents) are covered. A blob reachable only from a ref that points
 * at a tree or blob (no commit) is found by checking the revision tips
 * separately (readTips).
 *
 * Beyond blobs, for visitors that ask: every path entry of the walk, the raw
 * object of every commit walked (headers and message, read by the same
 * cat-file process as the blobs, so each is read once), and every annotated
 * tag object among the revision tips, with chains of tags followed.
 */

/** Why an object was not scanned. */
export type SkipReason = 'missing-object' | 'corrupt-object' | 'not-a-blob' | 'oversized-object';

/** Where a blob was introduced. `commit` is absent only for blobs reachable from a ref without a commit (tag of a tree or blob). */
export interface BlobPlace {
  readonly commit?: CommitInfo;
  /** Path in the commit; for a ref to a tree, `<ref>:<path>`; for a ref to a blob, the ref name. */
  readonly path: string;
}

export interface BlobHeader {
  readonly oid: string;
  readonly size: number;
}

/**
 * Receives one blob's content, in pipe-sized pieces (never the whole blob at
 * once). `end` returns what to keep for the blob, or undefined if none of its
 * places matter, or a promise of either when the content is scanned elsewhere
 * (scanner/engine-pool.ts): places found meanwhile wait for it, the read
 * finishes once every such promise has settled, and fails if one rejects.
 * `truncated`: git failed part-way (a corrupt object, also reported as
 * skipped); what came before is real content.
 */
export interface BlobSink<T> {
  write(chunk: Buffer): void;
  end(truncated: boolean): T | undefined | Promise<T | undefined>;
}

export interface ReadProgress {
  readonly blobsRead: number;
  /** Known once the commit walk has finished. */
  readonly blobsTotal: number | undefined;
  readonly bytesRead: number;
}

export interface BlobVisitor<T> {
  /** Once per distinct blob, in the order they are read. */
  open(blob: BlobHeader): BlobSink<T>;
  /** Every place of a blob whose sink kept something, also places found after it was read. */
  place(blob: string, at: BlobPlace, kept: T): void;
  /** An object that could not be read (size 0 if unknown). A blob's places are not reported. */
  skipped(oid: string, reason: SkipReason, bytes: number): void;
  progress?(p: ReadProgress): void;
  /**
   * Every commit of the walk, once, with its raw object (headers, then a
   * blank line, then the message). Given, the reader reads commit objects.
   */
  commit?(commit: CommitInfo, raw: Buffer): void;
  /**
   * Every path entry of the walk (LogRawHandler.path): raw bytes, valid
   * during the call. Also every path of a tip that is a tree (no commit:
   * `commit` undefined, `added` true).
   */
  path?(commit: CommitInfo | undefined, path: Buffer, added: boolean): void;
  /**
   * Every annotated tag object among the positive revision tips, and the
   * tags those point at, once each, with its raw object. In a push
   * (`<tips> --not --all`) tags some existing ref already points at are
   * not new and are left out. Given, the reader reads tag objects.
   */
  tag?(tag: string, raw: Buffer): void;
  /** Each commit the walk lists, as its header is parsed (before its object is read). */
  walked?(commit: string): void;
}

/**
 * Commit and tag objects are gathered whole before the visitor sees them;
 * beyond this they are counted as skipped (`oversized-object`) rather than
 * held in memory. git itself refuses far smaller messages in `git commit`;
 * only a crafted object gets near it.
 */
export const MAX_TEXT_OBJECT_BYTES = 64 * 1024 * 1024;

export interface ReadOptions {
  /**
   * rev-list revision arguments. Default `['--all']`: every ref (branches,
   * tags, remote-tracking refs, notes, stash) and HEAD. A push:
   * `[new1, new2, '--not', '--all']`. An empty list selects nothing (git
   * would read it as HEAD).
   */
  readonly revisions?: readonly string[];
  readonly signal?: AbortSignal;
  /** Holds the object reads back while a consumer that scans elsewhere catches up (bounds its memory). */
  readonly throttle?: ReadThrottle;
}

export interface ReadThrottle {
  /** True when reading should stop until `onDrain` calls back. */
  readonly saturated: boolean;
  onDrain(resume: () => void): void;
}

export interface ReadSummary {
  readonly blobs: number;
  readonly bytes: number;
}

const PSEUDO_OPTIONS = /^--(all|not|branches|tags|remotes|reflog|glob=.+|exclude=.+|branches=.+|tags=.+|remotes=.+)$/;

/** Revisions are passed to git as arguments: only revisions and rev-list pseudo-options, never other options. */
export function checkRevisions(revisions: readonly string[]): void {
  for (const r of revisions) {
    if (r === '' || r.includes('\n') || (r.startsWith('-') && !PSEUDO_OPTIONS.test(r))) throw new InvalidRevisionError(JSON.stringify(r));
  }
}

/** Oids requested from cat-file while the walk runs ahead; bounds the memory of pending places. */
const MAX_IN_FLIGHT = 20_000;
/** A cat-file that dies on a corrupt object is restarted after it; more deaths than this end the scan. */
const MAX_RESTARTS = 1_000;
const PROGRESS_INTERVAL_MS = 100;

/** Places of a blob that is requested but not yet read. */
class Pending {
  constructor(readonly places: BlobPlace[]) {}
}
/** What a sink kept for a blob; later places are reported at once. */
class Kept<T> {
  constructor(readonly value: T) {}
}
/** Read, nothing kept (or skipped): later places are dropped. */
const DONE = 0;

type BlobState<T> = Pending | Kept<T> | typeof DONE;

/**
 * A push's revisions split in two: the positive ones when they are all full
 * object ids, and the rest, from the first `--not` on, when everything after
 * it is negative (`<new>... --not --all`). Then the tips need no
 * `git rev-parse` to resolve, and go to git on standard input, where a
 * mirror push of 100,000 refs fits (the command line does not). Null for
 * anything else.
 */
export function pushedRevisions(revisions: readonly string[]): { positive: string[]; negative: string[] } | null {
  const positive: string[] = [];
  let negative = false;
  let first = -1;
  for (let i = 0; i < revisions.length; i++) {
    const r = revisions[i]!;
    if (r === '--not') {
      negative = !negative;
      if (first === -1) first = i;
    } else if (negative && (r === '--all' || OBJECT_ID.test(r))) continue;
    else if (!negative && OBJECT_ID.test(r)) positive.push(r);
    else return null;
  }
  // A second `--not` would make later ids positive again: only the simple form.
  if (first !== -1 && revisions.slice(first + 1).includes('--not')) return null;
  return { positive, negative: first === -1 ? [] : revisions.slice(first) };
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** The positive revisions of a push (pushedRevisions), or null. */
export function positiveObjectIds(revisions: readonly string[]): string[] | null {
  return pushedRevisions(revisions)?.positive ?? null;
}

export function readBlobs<T>(repo: Repository, options: ReadOptions, visitor: BlobVisitor<T>): Promise<ReadSummary> {
  const revisions = options.revisions ?? ['--all'];
  checkRevisions(revisions);
  if (revisions.length === 0) return Promise.resolve({ blobs: 0, bytes: 0 });
  return new BlobReader(repo, revisions, visitor, options.signal, options.throttle).run();
}

/** A commit object being gathered, or one that is read only to be skipped. */
type TextObject =
  | { readonly kind: 'commit'; readonly commit: CommitInfo; readonly chunks: Buffer[] }
  | { readonly kind: 'skip'; readonly reason: SkipReason; readonly chunks: Buffer[] };

/** The `object` and `type` headers of a raw tag object. */
export function taggedObject(raw: Buffer): { oid: string; type: string } | null {
  const head = raw.toString('latin1', 0, Math.min(raw.length, 200));
  const m = /^object ([0-9a-f]{40}|[0-9a-f]{64})\ntype ([a-z]+)\n/.exec(head);
  return m ? { oid: m[1]!, type: m[2]! } : null;
}

class BlobReader<T> {
  private readonly blobs = new Map<string, BlobState<T>>();
  private readonly children = new Set<GitChild>();
  private settled = false;
  private resolve!: (s: ReadSummary) => void;
  private reject!: (e: unknown) => void;

  /** A push's revisions (pushedRevisions), or null. */
  private readonly pushed: { positive: string[]; negative: string[] } | null;

  // Commit walk and tips.
  private log: GitChild | null = null;
  private walkDone = false;
  private tipsDone = false;

  // cat-file: the oids written to the current process, answered in order from `head`.
  private cat: GitChild | null = null;
  private catStderr = new StderrTail();
  private requested: string[] = [];
  private head = 0;
  private restarts = 0;
  private inputEnded = false;
  /** Oids cat-file said were missing, classified at the end against its stderr. */
  private readonly missing: string[] = [];
  /** Objects a partial clone does not have (see readAbsent). */
  private readonly absent = new Set<string>();
  private readonly stderrOids = new Set<string>();

  /** Commits whose object was asked of cat-file for the visitor, by oid. */
  private readonly commitsWanted = new Map<string, CommitInfo>();

  // The object being read: a blob into its sink, or a commit gathered whole for the visitor.
  private current: { oid: string; size: number; sink: BlobSink<T> | null; text?: TextObject } | null = null;
  private blobsRead = 0;
  private bytesRead = 0;
  private lastProgress = 0;
  /** Sinks whose `end` returned a promise that has not settled yet. */
  private unsettled = 0;
  /** cat-file answered everything and exited: the read is done once `unsettled` is 0. */
  private catDone = false;

  constructor(
    private readonly repo: Repository,
    private readonly revisions: readonly string[],
    private readonly visitor: BlobVisitor<T>,
    private readonly signal: AbortSignal | undefined,
    private readonly throttle: ReadThrottle | undefined,
  ) {
    this.pushed = pushedRevisions(revisions);
  }

  run(): Promise<ReadSummary> {
    return new Promise<ReadSummary>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      if (this.signal?.aborted) {
        this.fail(new ScanAbortedError(undefined, this.signal.reason));
        return;
      }
      this.signal?.addEventListener('abort', this.onAbort, { once: true });
      this.start().catch((err: unknown) => this.fail(err));
    });
  }

  private async start(): Promise<void> {
    if (this.repo.partialClone) await this.readAbsent();
    if (this.settled) return;
    // cat-file starts with the first blob to read: a push that brings no new blob (a branch made at an
    // existing commit, a merge of known trees) spawns one process fewer.
    this.startWalk();
    await this.readTips();
    this.tipsDone = true;
    this.maybeEndInput();
  }

  /**
   * In a partial clone, reading an absent blob makes git fetch it from the
   * promisor remote, and git before 2.45 dies when it cannot (we forbid the
   * network). rev-list --missing=print lists absent objects without fetching,
   * so they are counted as missing and never asked for.
   */
  private async readAbsent(): Promise<void> {
    const out = await runGit(['rev-list', '--objects', '--no-object-names', '--missing=print', ...(this.pushed ? ['--stdin', ...this.pushed.negative] : this.revisions)], this.repo.invocation, {
      ...(this.pushed ? { input: this.pushed.positive.join('\n') + '\n' } : {}),
      repoPath: this.repo.path,
      ...(this.signal ? { signal: this.signal } : {}),
    });
    for (const line of out.toString('latin1').split('\n')) if (line.startsWith('?')) this.absent.add(line.slice(1));
  }

  private readonly onAbort = (): void => {
    this.fail(new ScanAbortedError(undefined, this.signal?.reason));
  };

  private fail(err: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.signal?.removeEventListener('abort', this.onAbort);
    for (const child of this.children) child.kill();
    this.reject(err);
  }

  private succeed(): void {
    if (this.settled) return;
    this.settled = true;
    this.signal?.removeEventListener('abort', this.onAbort);
    for (const oid of this.missing) {
      this.visitor.skipped(oid, this.stderrOids.has(oid) && !this.absent.has(oid) ? 'corrupt-object' : 'missing-object', 0);
    }
    this.reportProgress(true);
    this.resolve({ blobs: this.blobsRead, bytes: this.bytesRead });
  }

  private track(child: GitChild): void {
    this.children.add(child);
    child.on('close', () => this.children.delete(child));
  }

  // ---- the commit walk -------------------------------------------------

  private startWalk(): void {
    const args = [
      'log',
      '-z',
      '--raw',
      '-c',
      '--no-renames',
      '--root',
      '--no-abbrev',
      '--no-color',
      '--no-show-signature',
      '--no-relative',
      `--format=${LOG_FORMAT}`,
      ...(this.pushed ? ['--stdin', ...this.pushed.negative] : this.revisions),
    ];
    const log = spawnGit(args, this.repo.invocation);
    this.log = log;
    this.track(log);
    const stderr = new StderrTail();
    const visitor = this.visitor;
    const parser = new LogRawParser({
      introduced: (commit, blob, path) => this.introduce(blob, { commit, path }),
      commit: (commit) => {
        visitor.walked?.(commit.oid);
        if (visitor.commit) this.introduceCommit(commit);
      },
      ...(visitor.path ? { path: (commit: CommitInfo, path: Buffer, added: boolean) => visitor.path!(commit, path, added) } : {}),
    });
    log.on('error', (err) => this.fail(spawnError(err)));
    log.stdin.on('error', () => {});
    log.stdin.end(this.pushed ? this.pushed.positive.join('\n') + '\n' : undefined);
    log.stderr.on('data', (c: Buffer) => stderr.push(c));
    log.stdout.on('data', (chunk: Buffer) => {
      if (this.settled) return;
      try {
        parser.push(chunk);
        this.flushRequests();
      } catch (err) {
        this.fail(err);
      }
    });
    log.on('close', (code) => {
      if (this.settled) return;
      if (code !== 0) {
        this.fail(gitFailure(this.repo.path, 'log', code, stderr.text()));
        return;
      }
      try {
        parser.end();
      } catch (err) {
        this.fail(err);
        return;
      }
      this.walkDone = true;
      this.maybeEndInput();
    });
  }

  /**
   * The revision tips: annotated tag objects among them are read (with the
   * tags they point at) for the visitor's `tag`; tips that peel to a tree or
   * blob (e.g. a tag of a tree) have blobs that belong to no commit, so the
   * walk cannot see them, and are listed here.
   */
  private async readTips(): Promise<void> {
    const opts = { repoPath: this.repo.path, ...(this.signal ? { signal: this.signal } : {}) };
    // `git rev-parse --revs-only`: positive tips as they are, negative ones as `^<oid>`; run only when needed.
    let parsed: Promise<string[]> | undefined;
    // A push's tips are ids already, and only its negative part is resolved (its tips could overflow a command line).
    const revParse = (): Promise<string[]> =>
      (parsed ??= runGit(['rev-parse', '--revs-only', ...(this.pushed ? this.pushed.negative : this.revisions)], this.repo.invocation, opts).then((out) =>
        out.toString('latin1').split('\n').filter((l) => l !== ''),
      ));
    const revs = this.pushed?.positive ?? (await revParse()).filter((l) => !l.startsWith('^'));
    if (revs.length === 0 || this.settled) return;
    const wantTags = this.visitor.tag !== undefined;
    // Each tip as it is (a tag object?) when tags are wanted, and peeled (a tree or blob?).
    const typed = (
      await runGit(['cat-file', '--batch-check=%(objecttype) %(objectname)'], this.repo.invocation, {
        ...opts,
        input: revs.map((r) => (wantTags ? `${r}\n${r}^{}\n` : `${r}^{}\n`)).join(''),
      })
    )
      .toString('latin1')
      .split('\n');
    const per = wantTags ? 2 : 1;
    const tags: string[] = [];
    const tips: Array<{ type: string; oid: string; rev: string }> = [];
    revs.forEach((rev, i) => {
      if (wantTags) {
        const [type, oid] = (typed[i * per] ?? '').split(' ');
        if (type === 'tag' && oid) tags.push(oid);
      }
      const [type, oid] = (typed[i * per + per - 1] ?? '').split(' ');
      if ((type === 'tree' || type === 'blob') && oid) tips.push({ type, oid, rev });
    });
    if (tags.length > 0 && !this.settled) {
      // A tag that a negative revision names (in a push, a ref that already points at it) is not new.
      const known = new Set((await revParse()).filter((l) => l.startsWith('^')).map((l) => l.slice(1)));
      await this.readTags(tags.filter((t) => !known.has(t)), known, opts);
    }
    if (tips.length === 0 || this.settled) return;
    const names = await this.refNames(opts);
    for (const tip of tips) {
      const name = names.get(tip.rev) ?? names.get(tip.oid) ?? tip.rev;
      if (tip.type === 'blob') {
        this.introduce(tip.oid, { path: name });
        continue;
      }
      const listing = await runGit(['ls-tree', '-r', '-z', '--full-tree', tip.oid], this.repo.invocation, opts);
      for (const entry of listing.toString('latin1').split('\0')) {
        const tab = entry.indexOf('\t');
        if (tab === -1) continue;
        const [, type, oid] = entry.slice(0, tab).split(' ');
        const raw = Buffer.from(entry.slice(tab + 1), 'latin1');
        this.visitor.path?.(undefined, raw, true);
        if (type === 'blob' && oid) this.introduce(oid, { path: `${name}:${raw.toString('utf8')}` });
      }
    }
    this.flushRequests();
  }

  /**
   * Reads annotated tag objects with a cat-file of their own (the scan's
   * cat-file buffers its answers until its input ends, so a tag found to
   * point at another tag could not be asked of it in time), following
   * chains of tags; each tag once.
   */
  private async readTags(first: string[], seen: Set<string>, opts: { repoPath: string; signal?: AbortSignal }): Promise<void> {
    let batch = [...new Set(first)];
    for (const oid of batch) seen.add(oid);
    while (batch.length > 0 && !this.settled) {
      const next: string[] = [];
      const objects = new Map<string, { type: string; chunks: Buffer[]; size: number }>();
      let cur: { type: string; chunks: Buffer[]; size: number } | null = null;
      const parser = new CatFileBatchParser({
        objectStart: (oid, type, size) => {
          cur = { type, chunks: [], size };
          objects.set(oid, cur);
        },
        content: (chunk) => cur!.chunks.push(Buffer.from(chunk)),
        objectEnd: () => {
          cur = null;
        },
        missing: (name) => {
          this.missing.push(name);
        },
      });
      const out = await runGit(['cat-file', '--batch'], this.repo.invocation, { ...opts, input: batch.join('\n') + '\n' });
      parser.push(out);
      if (this.settled) return;
      for (const oid of batch) {
        const obj = objects.get(oid);
        if (!obj) continue; // missing: reported with the others at the end
        if (obj.type !== 'tag' || obj.size > MAX_TEXT_OBJECT_BYTES) {
          this.visitor.skipped(oid, obj.type !== 'tag' ? 'corrupt-object' : 'oversized-object', obj.size);
          continue;
        }
        const raw = Buffer.concat(obj.chunks);
        this.visitor.tag!(oid, raw);
        const target = taggedObject(raw);
        if (target?.type === 'tag' && !seen.has(target.oid)) {
          seen.add(target.oid);
          next.push(target.oid);
        }
      }
      batch = next;
    }
  }

  private async refNames(opts: { repoPath: string; signal?: AbortSignal }): Promise<Map<string, string>> {
    const out = await runGit(['for-each-ref', '--format=%(objectname) %(refname)'], this.repo.invocation, opts);
    const names = new Map<string, string>();
    for (const line of out.toString('utf8').split('\n')) {
      const sp = line.indexOf(' ');
      if (sp > 0 && !names.has(line.slice(0, sp))) names.set(line.slice(0, sp), line.slice(sp + 1));
    }
    return names;
  }

  // ---- blobs and their places -------------------------------------------

  private toRequest: string[] = [];

  private introduce(blob: string, at: BlobPlace): void {
    const state = this.blobs.get(blob);
    if (state === undefined) {
      if (this.absent.has(blob)) {
        this.blobs.set(blob, DONE);
        this.missing.push(blob);
        return;
      }
      this.blobs.set(blob, new Pending([at]));
      this.toRequest.push(blob);
    } else if (state instanceof Pending) {
      state.places.push(at);
    } else if (state instanceof Kept) {
      this.visitor.place(blob, at, state.value);
    }
  }

  /** A commit of the walk whose object the visitor wants. */
  private introduceCommit(commit: CommitInfo): void {
    if (this.commitsWanted.has(commit.oid)) return;
    this.commitsWanted.set(commit.oid, commit);
    this.toRequest.push(commit.oid);
  }

  private flushRequests(): void {
    if (this.toRequest.length === 0 || this.settled) return;
    const cat = this.cat ?? this.startCatFile([]);
    const batch = this.toRequest;
    this.toRequest = [];
    for (const oid of batch) this.requested.push(oid);
    cat.stdin.write(batch.join('\n') + '\n');
    this.updateFlow();
  }

  /** Lets cat-file catch up before the walk runs further ahead (bounds the memory of pending places). */
  private updateFlow(): void {
    const out = this.log?.stdout;
    if (!out || !this.cat) return;
    const inFlight = this.requested.length - this.head;
    if (inFlight > MAX_IN_FLIGHT || this.cat.stdin.writableNeedDrain) {
      if (!out.isPaused()) out.pause();
    } else if (inFlight < MAX_IN_FLIGHT / 2 && out.isPaused()) {
      out.resume();
    }
  }

  private maybeEndInput(): void {
    if (!this.walkDone || !this.tipsDone || this.settled) return;
    this.flushRequests();
    this.inputEnded = true;
    if (this.cat) {
      this.cat.stdin.end();
    } else {
      // Nothing to read.
      this.catDone = true;
      if (this.unsettled === 0) this.succeed();
    }
  }

  // ---- cat-file ------------------------------------------------------------

  private startCatFile(backlog: string[]): GitChild {
    const cat = spawnGit(['cat-file', '--batch', '--buffer'], this.repo.invocation);
    this.cat = cat;
    this.track(cat);
    this.requested = backlog;
    this.head = 0;
    const handler: CatFileHandler = {
      objectStart: (oid, type, size) => this.objectStart(oid, type, size),
      content: (chunk) => this.content(chunk),
      objectEnd: () => this.objectEnd(),
      missing: (name) => this.objectMissing(name),
    };
    const parser = new CatFileBatchParser(handler);
    cat.on('error', (err) => this.fail(spawnError(err)));
    // Writes after cat-file died fail with EPIPE; the close handler deals with the death.
    cat.stdin.on('error', () => {});
    cat.stdin.on('drain', () => this.updateFlow());
    cat.stderr.on('data', (c: Buffer) => {
      this.catStderr.push(c);
      for (const m of c.toString('latin1').matchAll(/\b[0-9a-f]{40}(?:[0-9a-f]{24})?\b/g)) this.stderrOids.add(m[0]);
    });
    cat.stdout.on('data', (chunk: Buffer) => {
      if (this.settled) return;
      try {
        parser.push(chunk);
      } catch (err) {
        this.fail(err);
        return;
      }
      if (this.throttle?.saturated && !cat.stdout.isPaused()) {
        cat.stdout.pause();
        this.throttle.onDrain(() => cat.stdout.resume());
      }
    });
    cat.on('close', (code) => {
      if (this.settled || cat !== this.cat) return;
      // Finish only here, after stderr is complete: it tells corrupt objects from missing ones.
      if (code === 0 && this.inputEnded && this.head === this.requested.length && this.current === null) {
        this.catDone = true;
        if (this.unsettled === 0) this.succeed();
      } else {
        this.catFileDied(code);
      }
    });
    if (backlog.length > 0) cat.stdin.write(backlog.join('\n') + '\n');
    if (this.inputEnded) cat.stdin.end();
    return cat;
  }

  /** cat-file died on the object it was reading (a corrupt object): count it, and restart after it. */
  private catFileDied(code: number | null): void {
    const stderr = this.catStderr.text();
    if (++this.restarts > MAX_RESTARTS) {
      this.fail(new CorruptRepositoryError(this.repo.path, `git cat-file failed ${MAX_RESTARTS} times; last: ${stderr}`));
      return;
    }
    let culprit: string | undefined;
    let bytes = 0;
    if (this.current) {
      culprit = this.current.oid;
      bytes = this.current.size;
      // What was read before the failure is real content: keep what the sink found there.
      this.finishObject(true);
    } else if (this.head < this.requested.length) {
      culprit = this.requested[this.head]!;
      this.head++;
      this.blobs.set(culprit, DONE);
      this.commitsWanted.delete(culprit);
    } else {
      // Nothing was outstanding: git failed for another reason.
      this.fail(gitFailure(this.repo.path, 'cat-file', code, stderr || 'exited early'));
      return;
    }
    this.visitor.skipped(culprit, 'corrupt-object', bytes);
    this.catStderr = new StderrTail();
    this.startCatFile(this.requested.slice(this.head));
  }

  private expect(name: string): void {
    const want = this.requested[this.head];
    if (want !== name) throw new CatFileParseError(`answer for ${name} where ${want ?? 'nothing'} was asked`);
    this.head++;
  }

  private objectStart(oid: string, type: string, size: number): void {
    this.expect(oid);
    const commit = this.commitsWanted.get(oid);
    if (commit !== undefined) {
      this.commitsWanted.delete(oid);
      let text: TextObject;
      if (type !== 'commit') text = { kind: 'skip', reason: 'corrupt-object', chunks: [] };
      else if (size > MAX_TEXT_OBJECT_BYTES) text = { kind: 'skip', reason: 'oversized-object', chunks: [] };
      else text = { kind: 'commit', commit, chunks: [] };
      this.current = { oid, size, sink: null, text };
      return;
    }
    let sink: BlobSink<T> | null = null;
    if (type === 'blob') sink = this.visitor.open({ oid, size });
    else this.visitor.skipped(oid, 'not-a-blob', size);
    this.current = { oid, size, sink };
  }

  private content(chunk: Buffer): void {
    const cur = this.current!;
    if (cur.text) {
      // A slice of a pipe chunk: copied, since the chunk is reused once this returns.
      if (cur.text.kind !== 'skip') cur.text.chunks.push(Buffer.from(chunk));
      return;
    }
    cur.sink?.write(chunk);
  }

  private objectEnd(): void {
    this.finishObject(false);
    this.afterAnswer();
  }

  private finishObject(broken: boolean): void {
    const cur = this.current!;
    this.current = null;
    if (cur.text) {
      this.finishText(cur.oid, cur.size, cur.text, broken);
      return;
    }
    if (!cur.sink) {
      this.blobs.set(cur.oid, DONE);
      return;
    }
    if (!broken) {
      this.blobsRead++;
      this.bytesRead += cur.size;
    }
    const kept = cur.sink.end(broken);
    if (kept instanceof Promise) {
      // The blob stays Pending, collecting places, until its result is known.
      this.unsettled++;
      kept.then(
        (value) => {
          if (this.settled) return;
          this.unsettled--;
          this.keep(cur.oid, value);
          if (this.catDone && this.unsettled === 0) this.succeed();
        },
        (err: unknown) => this.fail(err),
      );
    } else {
      this.keep(cur.oid, kept);
    }
    this.reportProgress(false);
  }

  /** A commit object read whole, to the visitor. */
  private finishText(oid: string, size: number, text: TextObject, broken: boolean): void {
    if (text.kind === 'skip') {
      this.visitor.skipped(oid, text.reason, size);
      return;
    }
    // A broken read is reported by catFileDied as a corrupt object; its partial text is not scanned as if whole.
    if (broken) return;
    this.visitor.commit!(text.commit, text.chunks.length === 1 ? text.chunks[0]! : Buffer.concat(text.chunks));
  }

  private keep(oid: string, kept: T | undefined): void {
    const pending = this.blobs.get(oid);
    if (kept === undefined) {
      this.blobs.set(oid, DONE);
    } else {
      this.blobs.set(oid, new Kept(kept));
      if (pending instanceof Pending) for (const at of pending.places) this.visitor.place(oid, at, kept);
    }
  }

  private objectMissing(name: string): void {
    this.expect(name);
    this.commitsWanted.delete(name);
    this.blobs.set(name, DONE);
    this.missing.push(name);
    this.afterAnswer();
  }

  private afterAnswer(): void {
    this.updateFlow();
    // Answered oids are not needed again; drop them now and then so the queue does not grow with the repository.
    if (this.head > 65_536 && this.head * 2 > this.requested.length) {
      this.requested = this.requested.slice(this.head);
      this.head = 0;
    }
  }

  private reportProgress(final: boolean): void {
    if (!this.visitor.progress) return;
    const now = performance.now();
    if (!final && now - this.lastProgress < PROGRESS_INTERVAL_MS) return;
    this.lastProgress = now;
    this.visitor.progress({
      blobsRead: this.blobsRead,
      blobsTotal: this.walkDone && this.tipsDone ? this.blobs.size : undefined,
      bytesRead: this.bytesRead,
    });
  }
}
