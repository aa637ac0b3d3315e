import type { Engine, MatchStream } from '../detectors/engine/engine.js';
import type { Match } from '../detectors/types.js';
import { FindingAggregator } from './aggregate.js';
import { unkeyedFingerprinter, type Fingerprinter } from './fingerprint.js';
import { PieceCutter, sharedEnginePool, type EnginePool } from './engine-pool.js';
import { ScanAbortedError } from './git/errors.js';
import { readBlobs, type BlobSink, type BlobVisitor, type SkipReason } from './git/object-reader.js';
import { runGit } from './git/git-process.js';
import type { CommitInfo } from './git/log-raw-parser.js';
import { openRepository, type Repository } from './git/repository.js';
import { messageSubject, objectTexts, parseIdentity, tagName } from './git-text.js';
import { maskedText, ScopedMasks } from './mask.js';
import { excerptAround, type Excerpt } from './excerpt.js';
import { CatFileBatchParser } from './git/cat-file-parser.js';
import type { Finding, Location, LocationKind, ScanProgress, ScanReport } from './types.js';

/** A ref whose name is scanned, and the object it points at (which names the annotated tags it points at). */
export interface RefTarget {
  /** Full ref name, as bytes or text. */
  readonly name: string | Buffer;
  readonly target: string;
}

export interface HistoryScanOptions {
  readonly engine: Engine;
  /** How findings are fingerprinted (scanner/fingerprint.ts); default unkeyed-v2. The service and keyed CLI runs pass theirs. */
  readonly fingerprints?: Fingerprinter;
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
  /**
   * Scan blob contents in worker threads (scanner/engine-pool.ts) while this
   * thread reads git, for long scans (`pushgate scan --history`). `true`: the
   * process-wide pool for the engine's detectors, whose threads start on
   * first use and stay warm for later scans, where threads pay (3 cores or
   * more, or PUSHGATE_ENGINE_THREADS; see engineThreads); otherwise, and for
   * detectors the registry does not have, this thread scans. Or a pool of
   * one's own. Default false: a push is small, and a thread's start-up and
   * first RE2 compiles would cost more than they save. Findings are the same
   * either way.
   */
  readonly parallel?: boolean | EnginePool;
  /**
   * Refs whose names are scanned (`ref-name` locations) and that name the
   * tags they point at. Default: with the default revisions (`--all`), every
   * ref of the repository; with other revisions, none (a push passes the
   * refs it updates).
   */
  readonly refs?: readonly RefTarget[];
  /** Called with each commit the walk lists (the pre-receive hook checks the walk against `git rev-list`). */
  readonly onWalked?: (commit: string) => void;
  /** Fill `subjects` in the result with the (masked) subject of every commit walked: for pushes, which are small. */
  readonly subjects?: boolean;
  /**
   * Give each finding its `excerpt` (the lines around the secret, masked):
   * for the service, whose triage shows them. Texts other than files get it
   * as they are scanned; a file's is cut after the scan from its blob, read
   * again for the findings only, so the scan itself keeps no bytes.
   */
  readonly excerpts?: boolean;
  /**
   * Told of each secret the first time the scan meets it, with that one
   * location (paths and refs in it masked), while the scan runs: for output
   * that streams. The report at the end holds every location.
   */
  readonly onFinding?: (finding: Finding) => void;
  /**
   * One location per file a secret stayed in: where it was introduced, with
   * `laterCommits` counting the later commits that still held it in that file
   * (a line moved, the file edited around it), instead of a location per
   * commit. For reports about a history; the push hook lists every commit,
   * since each one must be rewritten.
   */
  readonly collapseMoved?: boolean;
}

/** scanHistory's report, plus the subjects it was asked for. */
export interface HistoryScanReport extends ScanReport {
  /** Commit subjects by full id (`%s`), with secrets masked; only with the `subjects` option. */
  readonly subjects: ReadonlyMap<string, string>;
  /** The refs of `refs` whose names hold a secret: full name to the name with the secret masked. */
  readonly refLabels: ReadonlyMap<string, string>;
}

/**
 * Scans every distinct blob reachable from `revisions` exactly once, as bytes
 * (binary and huge blobs included; content is streamed through the engine in
 * pipe-sized chunks), and reports one finding per secret with every place it
 * was introduced: commit, author, email, date, path, line, column.
 * Blobs that could not be read are counted in `stats.skipped` by reason.
 *
 * Every other text the revisions add is scanned too, each once: every
 * distinct file path (a `path` location for each commit that added it),
 * every commit object walked (message, author and committer, other
 * headers), every annotated tag among the tips (message, tagger, other
 * headers), and the names of `refs`. Strings that label locations (paths,
 * ref and tag names, authors, subjects) have the secrets found in them
 * masked.
 *
 * Errors (by `code`): NOT_A_REPOSITORY, REPOSITORY_UNTRUSTED,
 * REPOSITORY_CORRUPT (a commit or tree cannot be read), INVALID_REVISION,
 * GIT_NOT_FOUND, GIT_FAILED, GIT_OUTPUT_UNEXPECTED, SCAN_ABORTED (with
 * the partial report).
 */
export async function scanHistory(repoPath: string, options: HistoryScanOptions): Promise<HistoryScanReport> {
  const started = performance.now();
  const { engine, onProgress, signal } = options;
  const aggregator = new FindingAggregator(options.fingerprints ?? unkeyedFingerprinter());
  const reasons: Record<string, number> = {};
  let skippedCount = 0;
  let skippedBytes = 0;
  let blobs = 0;
  let bytes = 0;

  const pool = options.parallel === true ? sharedEnginePool(engine) : options.parallel || null;
  const pooled = pool?.scan(engine.detectors);
  const texts = new TextScans(engine, aggregator, options.subjects === true, options.excerpts === true);
  const onFinding = options.onFinding;
  if (onFinding) aggregator.onNew = (f) => onFinding(texts.masked(f));

  const visitor: BlobVisitor<Match[]> = {
    open() {
      const sink = pooled ? pooled.sink() : inThreadSink(engine);
      let size = 0;
      return {
        write(chunk) {
          size += chunk.length;
          sink.write(chunk);
        },
        end(truncated) {
          if (!truncated) blobs++;
          bytes += size;
          return sink.end(truncated);
        },
      };
    },
    place(blob, at, matches) {
      const commit = at.commit;
      const where = commit
        ? { kind: 'blob' as const, path: at.path, blob, commit: commit.oid, author: commit.author, email: commit.email, date: commit.date }
        : { kind: 'blob' as const, path: at.path, blob };
      for (const m of matches) aggregator.add(m, where);
    },
    skipped(_blob, reason: SkipReason, size) {
      skippedCount++;
      skippedBytes += size;
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    },
    commit: (commit, raw) => texts.commit(commit, raw),
    path: (commit, path, added) => texts.path(commit, path, added),
    tag: (tag, raw) => texts.tag(tag, raw),
    ...(options.onWalked ? { walked: options.onWalked } : {}),
    ...(onProgress
      ? { progress: (p) => onProgress({ blobsDone: p.blobsRead, blobsTotal: p.blobsTotal, bytesDone: p.bytesRead }) }
      : {}),
  };

  let withExcerpts: Finding[] | undefined;
  const report = (): HistoryScanReport => {
    let findings = withExcerpts ?? aggregator.findings().map((f) => texts.masked(f));
    for (const f of findings) sortLocations(f);
    if (options.collapseMoved === true) findings = findings.map(collapseMoved);
    return {
      findings,
      stats: {
        blobs,
        bytes,
        skipped: { count: skippedCount, bytes: skippedBytes, reasons: { ...reasons } },
        seconds: (performance.now() - started) / 1000,
      },
      fingerprints: aggregator.fingerprintInfo,
      subjects: texts.subjects,
      refLabels: texts.shownRefs,
    };
  };

  try {
    const repo = options.repository ?? await openRepository(repoPath, {
      ...(options.env ? { env: options.env } : {}),
      ...(signal ? { signal } : {}),
    });
    const refs = options.refs ?? (options.revisions === undefined ? await listRefs(repo, signal) : []);
    texts.refs(refs);
    await readBlobs(
      repo,
      { ...(options.revisions ? { revisions: options.revisions } : {}), ...(signal ? { signal } : {}), ...(pooled ? { throttle: pooled } : {}) },
      visitor,
    );
    if (options.excerpts === true) {
      await aggregator.settle();
      const findings = aggregator.findings().map((f) => texts.masked(f));
      for (const f of findings) sortLocations(f);
      withExcerpts = await blobExcerpts(repo, engine, findings, signal);
    }
  } catch (err) {
    if (err instanceof ScanAbortedError) throw new ScanAbortedError<ScanReport>(report(), err.cause);
    throw err;
  } finally {
    pooled?.close();
  }
  await aggregator.settle();
  return report();
}

/** Scans a blob on this thread, in the pieces PieceCutter cuts (the same pieces a pool's worker gets). */
function inThreadSink(engine: Engine): BlobSink<Match[]> {
  // Made at the first full piece: a blob that fits in one piece (most do) is scanned whole, in one pass,
  // without the stream's carried overlap being copied and scanned again at the end.
  let stream: MatchStream | undefined;
  const cutter = new PieceCutter();
  let found: Match[] | undefined;
  const push = (parts: Buffer[], length: number): void => {
    stream ??= engine.stream();
    const matches = stream.push(parts.length === 1 ? parts[0]! : Buffer.concat(parts, length));
    if (matches.length > 0) (found ??= []).push(...matches);
  };
  return {
    write: (chunk) => cutter.write(chunk, push),
    end() {
      const rest = cutter.rest();
      if (!stream) {
        const matches = engine.scan(rest.parts.length === 1 ? rest.parts[0]! : Buffer.concat(rest.parts, rest.length));
        return matches.length > 0 ? matches : undefined;
      }
      if (rest.length > 0) push(rest.parts, rest.length);
      const matches = stream.end();
      if (matches.length > 0) (found ??= []).push(...matches);
      return found;
    },
  };
}

/** Oldest introduction first, so `locations[0]` is where the secret entered the history. */
function sortLocations(finding: Finding): void {
  const time = (l: Location): number => (l.date ? Date.parse(l.date) : Number.POSITIVE_INFINITY);
  finding.locations.sort(
    (a, b) =>
      time(a) - time(b) ||
      (a.commit ?? a.tag ?? '').localeCompare(b.commit ?? b.tag ?? '') ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.path ?? a.ref ?? '').localeCompare(b.path ?? b.ref ?? '') ||
      a.offset - b.offset,
  );
}

/**
 * A finding's file locations folded per path: the earliest commit's
 * occurrences kept, later commits of the same path counted on the first one.
 * Locations must be sorted oldest first (sortLocations).
 */
export function collapseMoved(finding: Finding): Finding {
  const firstCommit = new Map<string, string>();
  const later = new Map<string, Set<string>>();
  const kept: Location[] = [];
  for (const l of finding.locations) {
    if (l.kind !== 'blob' || !l.commit || l.path === undefined) {
      kept.push(l);
      continue;
    }
    const first = firstCommit.get(l.path);
    if (first === undefined) firstCommit.set(l.path, l.commit);
    if (first === undefined || first === l.commit) kept.push(l);
    else {
      let commits = later.get(l.path);
      if (!commits) later.set(l.path, (commits = new Set()));
      commits.add(l.commit);
    }
  }
  if (later.size === 0) return finding;
  const counted = new Set<string>();
  const locations = kept.map((l) => {
    if (l.kind !== 'blob' || l.path === undefined || counted.has(l.path) || !later.has(l.path)) return l;
    counted.add(l.path);
    return { ...l, laterCommits: later.get(l.path)!.size };
  });
  return { ...finding, locations };
}

const KIND_ORDER: Record<LocationKind, number> = {
  'ref-name': 0,
  'tag-header': 1,
  'tag-identity': 2,
  'tag-message': 3,
  'commit-identity': 4,
  'commit-header': 5,
  'commit-message': 6,
  path: 7,
  blob: 8,
};

/** Blobs larger than this get no excerpt (it would be read whole again). */
const EXCERPT_BLOB_LIMIT = 8 * 1024 * 1024;
/** Blob bytes read per `cat-file --batch` call. */
const EXCERPT_BATCH_BYTES = 64 * 1024 * 1024;

/**
 * Findings whose excerpt is still to cut (their first location is a file):
 * their blobs read again in `cat-file --batch` calls of bounded size, each
 * excerpt cut at the finding's first location.
 */
async function blobExcerpts(repo: Repository, engine: Engine, findings: readonly Finding[], signal: AbortSignal | undefined): Promise<Finding[]> {
  const wanted = new Map<string, Finding[]>();
  for (const f of findings) {
    const first = f.locations[0];
    if (f.excerpt || first?.kind !== 'blob' || !first.blob) continue;
    const list = wanted.get(first.blob);
    if (list) list.push(f);
    else wanted.set(first.blob, [f]);
  }
  if (wanted.size === 0) return [...findings];
  const run = (args: string[], input: string): Promise<Buffer> => runGit(args, repo.invocation, { input, repoPath: repo.path, ...(signal ? { signal } : {}) });
  const sizes = new Map<string, number>();
  for (const line of (await run(['cat-file', '--batch-check'], [...wanted.keys()].join('\n') + '\n')).toString('latin1').split('\n')) {
    const [oid, type, size] = line.split(' ');
    if (oid && type === 'blob' && Number(size) <= EXCERPT_BLOB_LIMIT) sizes.set(oid, Number(size));
  }
  const cut = new Map<Finding, Excerpt>();
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const out = await run(['cat-file', '--batch'], batch.join('\n') + '\n');
    let current: { oid: string; parts: Buffer[] } | undefined;
    const parser = new CatFileBatchParser({
      objectStart: (oid) => (current = { oid, parts: [] }),
      content: (chunk) => current!.parts.push(chunk),
      objectEnd: () => {
        const bytes = Buffer.concat(current!.parts);
        for (const f of wanted.get(current!.oid) ?? []) {
          const l = f.locations[0]!;
          cut.set(f, excerptAround(bytes, l.offset, l.line, engine, f.secret.reveal(), f.companion ? [f.companion.value.reveal()] : []));
        }
      },
      missing: () => {},
    });
    parser.push(out);
    batch = [];
    batchBytes = 0;
  };
  for (const [oid, size] of sizes) {
    if (batchBytes + size > EXCERPT_BATCH_BYTES) await flush();
    batch.push(oid);
    batchBytes += size;
  }
  await flush();
  return findings.map((f) => {
    const excerpt = cut.get(f);
    return excerpt ? { ...f, excerpt } : f;
  });
}

/** Every ref of the repository (`for-each-ref`), names as bytes. */
async function listRefs(repo: Repository, signal: AbortSignal | undefined): Promise<RefTarget[]> {
  const out = await runGit(['for-each-ref', '--format=%(objectname) %(refname)'], repo.invocation, {
    repoPath: repo.path,
    ...(signal ? { signal } : {}),
  });
  const refs: RefTarget[] = [];
  for (let i = 0; i < out.length; ) {
    let eol = out.indexOf(0x0a, i);
    if (eol === -1) eol = out.length;
    const sp = out.indexOf(0x20, i);
    if (sp > i && sp < eol) refs.push({ target: out.toString('latin1', i, sp), name: out.subarray(sp + 1, eol) });
    i = eol + 1;
  }
  return refs;
}

/**
 * The texts besides blobs (paths, commit and tag objects, ref names),
 * scanned on this thread with the engine (they are small, and read once
 * each), and the masks for the strings that label locations.
 */
class TextScans {
  /** Each distinct path's matches (raw bytes as latin1 key), scanned once; null: none. */
  private readonly paths = new Map<string, { readonly shown: string; readonly matches: Match[]; readonly raw: Buffer } | null>();
  /** Masked forms of paths and ref names that hold secrets, by their unmasked UTF-8 text. */
  private readonly shownPaths = new Map<string, string>();
  readonly shownRefs = new Map<string, string>();
  /** Per commit or tag id: secrets found in its texts, for the strings git printed about it. */
  private readonly masks = new ScopedMasks();
  /** The refs pointing at each object, for naming tags. */
  private readonly refsByTarget = new Map<string, string>();
  readonly subjects = new Map<string, string>();

  constructor(
    private readonly engine: Engine,
    private readonly aggregator: FindingAggregator,
    private readonly keepSubjects: boolean,
    private readonly excerpts: boolean,
  ) {}

  /** The excerpt of `text` around a match, when excerpts were asked for. */
  private excerpt(text: Buffer, m: Match): (() => Excerpt) | undefined {
    return this.excerpts ? () => excerptAround(text, m.start, m.line, this.engine, m.secret, m.companion ? [m.companion.value] : []) : undefined;
  }

  refs(refs: readonly RefTarget[]): void {
    for (const ref of refs) {
      const name = typeof ref.name === 'string' ? Buffer.from(ref.name, 'utf8') : ref.name;
      const matches = this.engine.scan(name);
      const text = name.toString('utf8');
      const shown = matches.length > 0 ? maskedText(name, matches) : text;
      if (matches.length > 0) this.shownRefs.set(text, shown);
      if (!this.refsByTarget.has(ref.target)) this.refsByTarget.set(ref.target, shown);
      for (const m of matches) this.aggregator.add(m, { kind: 'ref-name', ref: shown }, this.excerpt(name, m));
    }
  }

  path(commit: CommitInfo | undefined, raw: Buffer, added: boolean): void {
    const key = raw.toString('latin1');
    let seen = this.paths.get(key);
    if (seen === undefined) {
      const matches = this.engine.scan(raw);
      seen = matches.length > 0 ? { shown: maskedText(raw, matches), matches, raw } : null;
      this.paths.set(key, seen);
      if (seen) this.shownPaths.set(raw.toString('utf8'), seen.shown);
    }
    if (seen === null || !added) return;
    const where = commit
      ? { kind: 'path' as const, path: seen.shown, commit: commit.oid, author: commit.author, email: commit.email, date: commit.date }
      : { kind: 'path' as const, path: seen.shown };
    for (const m of seen.matches) this.aggregator.add(m, where, this.excerpt(seen.raw, m));
  }

  commit(commit: CommitInfo, raw: Buffer): void {
    const { identity, header, message } = objectTexts(raw);
    const where = { commit: commit.oid, author: commit.author, email: commit.email, date: commit.date };
    this.scanText(commit.oid, identity, 'commit-identity', where);
    this.scanText(commit.oid, header, 'commit-header', where);
    this.scanText(commit.oid, message, 'commit-message', where);
    if (this.keepSubjects) this.subjects.set(commit.oid, this.masks.apply(commit.oid, messageSubject(message)));
  }

  tag(tag: string, raw: Buffer): void {
    const { identity, header, message } = objectTexts(raw);
    const tagger = parseIdentity(identity.toString('utf8'));
    const ref = this.refsByTarget.get(tag);
    const where = {
      tag,
      tagName: tagName(raw),
      ...(ref !== undefined ? { ref } : {}),
      ...(tagger ? { author: tagger.name, email: tagger.email, ...(tagger.date ? { date: tagger.date } : {}) } : {}),
    };
    this.scanText(tag, identity, 'tag-identity', where);
    this.scanText(tag, header, 'tag-header', where);
    this.scanText(tag, message, 'tag-message', where);
  }

  private scanText(scope: string, text: Buffer, kind: LocationKind, where: Omit<Location, 'kind' | 'line' | 'column' | 'offset'>): void {
    if (text.length === 0) return;
    const matches = this.engine.scan(text);
    if (matches.length === 0) return;
    this.masks.add(scope, text, matches);
    for (const m of matches) this.aggregator.add(m, { ...where, kind }, this.excerpt(text, m));
  }

  /** The finding with the secrets in its locations' labels masked. */
  masked(finding: Finding): Finding {
    if (this.masks.size === 0 && this.shownPaths.size === 0 && this.shownRefs.size === 0) return finding;
    const locations = finding.locations.map((l): Location => {
      const scope = l.commit ?? l.tag;
      const path = l.path !== undefined ? this.shownPaths.get(l.path) ?? l.path : undefined;
      const ref = l.ref !== undefined ? this.shownRefs.get(l.ref) ?? l.ref : undefined;
      return {
        ...l,
        ...(path !== undefined ? { path } : {}),
        ...(ref !== undefined ? { ref } : {}),
        ...(l.tagName !== undefined ? { tagName: this.masks.apply(scope, l.tagName) } : {}),
        ...(l.author !== undefined ? { author: this.masks.apply(scope, l.author) } : {}),
        ...(l.email !== undefined ? { email: this.masks.apply(scope, l.email) } : {}),
      };
    });
    return { ...finding, locations };
  }
}
