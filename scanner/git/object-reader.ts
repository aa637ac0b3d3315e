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
 */

/** Why a blob was not scanned. */
export type SkipReason = 'missing-object' | 'corrupt-object' | 'not-a-blob';

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
  /** A blob that could not be read (size 0 if unknown). Its places are not reported. */
  skipped(blob: string, reason: SkipReason, bytes: number): void;
  progress?(p: ReadProgress): void;
}

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
 * The positive revisions when they are all full object ids and everything
 * after `--not` is negative (a push: `<new>... --not --all`): then they need
 * no `git rev-parse` to resolve. Null for anything else.
 */
export function positiveObjectIds(revisions: readonly string[]): string[] | null {
  const positive: string[] = [];
  let negative = false;
  for (const r of revisions) {
    if (r === '--not') negative = !negative;
    else if (negative && (r === '--all' || /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(r))) continue;
    else if (!negative && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(r)) positive.push(r);
    else return null;
  }
  return positive;
}

export function readBlobs<T>(repo: Repository, options: ReadOptions, visitor: BlobVisitor<T>): Promise<ReadSummary> {
  const revisions = options.revisions ?? ['--all'];
  checkRevisions(revisions);
  if (revisions.length === 0) return Promise.resolve({ blobs: 0, bytes: 0 });
  return new BlobReader(repo, revisions, visitor, options.signal, options.throttle).run();
}

class BlobReader<T> {
  private readonly blobs = new Map<string, BlobState<T>>();
  private readonly children = new Set<GitChild>();
  private settled = false;
  private resolve!: (s: ReadSummary) => void;
  private reject!: (e: unknown) => void;

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

  // The object being read.
  private current: { oid: string; size: number; sink: BlobSink<T> | null } | null = null;
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
  ) {}

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
    const out = await runGit(['rev-list', '--objects', '--no-object-names', '--missing=print', ...this.revisions], this.repo.invocation, {
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
      ...this.revisions,
    ];
    const log = spawnGit(args, this.repo.invocation);
    this.log = log;
    this.track(log);
    const stderr = new StderrTail();
    const parser = new LogRawParser({
      introduced: (commit, blob, path) => this.introduce(blob, { commit, path }),
    });
    log.on('error', (err) => this.fail(spawnError(err)));
    log.stdin.end();
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
   * Revision tips that peel to a tree or blob (e.g. a tag of a tree): their
   * blobs are reachable but belong to no commit, so the walk cannot see them.
   */
  private async readTips(): Promise<void> {
    const opts = { repoPath: this.repo.path, ...(this.signal ? { signal: this.signal } : {}) };
    const revs =
      positiveObjectIds(this.revisions) ??
      (await runGit(['rev-parse', '--revs-only', ...this.revisions], this.repo.invocation, opts))
        .toString('latin1')
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('^'));
    if (revs.length === 0 || this.settled) return;
    const typed = (
      await runGit(['cat-file', '--batch-check=%(objecttype) %(objectname)'], this.repo.invocation, {
        ...opts,
        input: revs.map((r) => `${r}^{}\n`).join(''),
      })
    )
      .toString('latin1')
      .split('\n');
    const tips: Array<{ type: string; oid: string; rev: string }> = [];
    typed.forEach((line, i) => {
      const [type, oid] = line.split(' ');
      if ((type === 'tree' || type === 'blob') && oid) tips.push({ type, oid, rev: revs[i]! });
    });
    if (tips.length === 0 || this.settled) return;
    const names = await this.refNames(opts);
    for (const tip of tips) {
      const name = names.get(tip.rev) ?? names.get(tip.oid) ?? tip.rev;
      if (tip.type === 'blob') {
        this.introduce(tip.oid, { path: name });
        continue;
      }
      const listing = await runGit(['ls-tree', '-r', '-z', '--full-tree', tip.oid], this.repo.invocation, opts);
      for (const entry of listing.toString('utf8').split('\0')) {
        const tab = entry.indexOf('\t');
        if (tab === -1) continue;
        const [, type, oid] = entry.slice(0, tab).split(' ');
        if (type === 'blob' && oid) this.introduce(oid, { path: `${name}:${entry.slice(tab + 1)}` });
      }
    }
    this.flushRequests();
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
    let sink: BlobSink<T> | null = null;
    if (type === 'blob') sink = this.visitor.open({ oid, size });
    else this.visitor.skipped(oid, 'not-a-blob', size);
    this.current = { oid, size, sink };
  }

  private content(chunk: Buffer): void {
    this.current!.sink?.write(chunk);
  }

  private objectEnd(): void {
    this.finishObject(false);
    this.afterAnswer();
  }

  private finishObject(broken: boolean): void {
    const cur = this.current!;
    this.current = null;
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
