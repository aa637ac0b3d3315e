import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Engine } from '../detectors/engine/engine.js';
import { ALL_DETECTORS } from '../detectors/registry.js';
import type { Detector, Match } from '../detectors/types.js';
import type { BlobSink, ReadThrottle } from './git/object-reader.js';

/**
 * The engine in worker threads, so a history scan reads and parses git output
 * on this thread while blob contents are scanned on another: the scan then
 * costs about max(reader, engine) instead of their sum.
 *
 * Blob contents are cut into pieces exactly as the in-thread scan cuts them
 * (PieceCutter) and scanned by the same engine code, so findings are
 * identical. Pieces are copied out of the pipe chunks (slices of buffers this
 * thread still reads) into a batch buffer that is transferred, not cloned,
 * and comes back with the answer for reuse. Each worker builds its own engine
 * from the detector registry (a WebAssembly instance such as re2-wasm's
 * belongs to one isolate; js-fast-reject's V8 regexp flags are process-wide,
 * set again harmlessly) and keeps it, warm, for later scans. Matches come
 * back with the detector's id and are mapped to this thread's detector
 * objects. Results are handed out in the order blobs were read, whatever
 * thread scanned them, so reports do not depend on timing.
 *
 * When it pays (bench/history.ts, 62 MB history, 2 cores): the reader
 * alone keeps about 1.3 cores busy (git cat-file and git log, plus parsing
 * here), so on 2 cores a worker only competes with it: 2.00-2.24x the
 * cat-file read cost against 1.98-2.19x in one thread, and 0.1 CPU-s more
 * (before batch buffers were reused, 2.0-2.3x against 1.7-2.2x). A worker
 * starts in 150-200 ms (its own module loading, re2-wasm) and pays its own
 * lazy RE2 compiles (seconds when every detector fires), so small scans lose
 * (a 5-blob history: 0.5 s instead of 0.3 s): hence `parallel: true` uses a
 * thread only with 3 cores or more (engineThreads), and the hook never.
 */

/** Bytes handed to the engine at once: a blob up to this size in one piece, a larger one in pieces this big. */
export const PIECE_BYTES = 1024 * 1024;
/** Pieces are sent once this many bytes are waiting (or at once when the scan has nothing in flight). */
const BATCH_BYTES = 1024 * 1024;
/**
 * Batch buffers are this big (a batch is under BATCH_BYTES before its last
 * piece) and go back and forth: the worker returns each with its answer.
 * A fresh 1 MiB buffer costs ~1 ms of page faults here; a reused one nothing.
 */
const BUFFER_BYTES = BATCH_BYTES + PIECE_BYTES;
/** Returned buffers kept for reuse, per pool. */
const SPARE_BUFFERS = 8;
/** The reader is paused while this many bytes are read but not yet scanned. */
const MAX_AHEAD_BYTES = 4 * 1024 * 1024;

/**
 * Cuts a blob's content, arriving in pipe chunks (~10-64 kB), into pieces of
 * exactly PIECE_BYTES (the last one shorter). Every push re-scans the
 * engine's overlap (24 kB today) from the previous one, and pushing 12 kB
 * pieces took 1.5-3x the engine CPU of 1 MB pieces. Fixed cuts make the
 * pieces, hence the matches, independent of how the pipe chunked the data.
 */
export class PieceCutter {
  private parts: Buffer[] = [];
  private length = 0;

  /** Adds a chunk; `piece` receives each completed piece as its parts (slices of the chunks). */
  write(chunk: Buffer, piece: (parts: Buffer[], length: number) => void): void {
    while (this.length + chunk.length >= PIECE_BYTES) {
      const take = PIECE_BYTES - this.length;
      this.parts.push(chunk.subarray(0, take));
      const parts = this.parts;
      this.parts = [];
      this.length = 0;
      piece(parts, PIECE_BYTES);
      chunk = chunk.subarray(take);
    }
    if (chunk.length > 0) {
      this.parts.push(chunk);
      this.length += chunk.length;
    }
  }

  /** Takes what is left (possibly nothing). */
  rest(): { parts: Buffer[]; length: number } {
    const rest = { parts: this.parts, length: this.length };
    this.parts = [];
    this.length = 0;
    return rest;
  }
}

// ---- messages between the threads ------------------------------------------------

export interface WorkerInit {
  /** Ids of the detectors to build the worker's engine from, in the engine's order. */
  readonly detectors: readonly string[];
  /** The engine's EngineOptions.decode: the worker's engine decodes exactly when the caller's does. */
  readonly decode: boolean;
}

/** `segments`: per piece, [blob, offset in `bytes`, length, 1 if it is the blob's last piece else 0]. */
export type ToWorker =
  | { readonly type: 'scan'; readonly batch: number; readonly bytes: ArrayBuffer; readonly segments: number[] }
  /** A blob whose scan was abandoned before its last piece (the scan was aborted). */
  | { readonly type: 'drop'; readonly blob: number };

export type WireMatch = Omit<Match, 'detector'> & { readonly detector: string };

export type FromWorker =
  /** `found`: the matches of every blob that ended in the batch and has any. */
  | { readonly type: 'done'; readonly batch: number; readonly found: Array<[blob: number, matches: WireMatch[]]>; readonly bytes: ArrayBuffer }
  | { readonly type: 'failed'; readonly batch: number; readonly error: { readonly message: string; readonly code?: string } };

// ---- errors ------------------------------------------------------------------------------

/** An engine thread died, could not start, or answered nonsense: the scan cannot know it saw every blob. */
export class EngineWorkerError extends Error {
  readonly code = 'ENGINE_WORKER_FAILED';
}

/** An error the engine threw in a worker (e.g. PATTERN_INVALID), with its code, as it would have been thrown here. */
export class WorkerEngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// ---- the detectors a worker can rebuild ---------------------------------------------

const REGISTRY = new Map(ALL_DETECTORS.map((d) => [d.id, d]));

/** The registry's detectors with these ids, in this order. */
export function registryDetectors(ids: readonly string[]): Detector[] {
  return ids.map((id) => {
    const d = REGISTRY.get(id);
    if (!d) throw new EngineWorkerError(`detector ${id} is not in the registry`);
    return d;
  });
}

/** A worker can rebuild an engine only from registry detectors (a test's own detector exists on this thread only). */
function fromRegistry(detectors: readonly Detector[]): boolean {
  return detectors.every((d) => REGISTRY.get(d.id) === d);
}

/**
 * The worker module: next to this one once compiled (dist/scanner/), or under
 * scanner/ seen from a bundle in dist/ (the hook bundle). Undefined when
 * running from TypeScript sources (tests bundle it, see engine-pool.test.ts).
 */
export function builtWorkerUrl(): URL | undefined {
  for (const rel of ['./engine-worker.js', './scanner/engine-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

export class EngineThreadsError extends Error {
  readonly code = 'ENGINE_THREADS_INVALID';
}

/**
 * Engine threads for `parallel: true`: PUSHGATE_ENGINE_THREADS when set (0:
 * scan on the calling thread), else 1 with at least 3 cores, 0 with fewer
 * (no gain on 2, see above). One, because a warm engine scans about as fast
 * as one reader reads (0.3 CPU-s against 0.35 here, plus git's 0.6), and
 * every thread costs ~40 MiB and its own lazy RE2 compiles.
 */
export function engineThreads(env: NodeJS.ProcessEnv = process.env): number {
  const set = env['PUSHGATE_ENGINE_THREADS'];
  if (set === undefined || set === '') return availableParallelism() >= 3 ? 1 : 0;
  const n = Number(set);
  if (!/^\d+$/.test(set) || n > 256) throw new EngineThreadsError(`PUSHGATE_ENGINE_THREADS must be a whole number from 0 to 256, not ${JSON.stringify(set)}`);
  return n;
}

const shared = new Map<string, EnginePool>();

/**
 * The process-wide pool for this engine's detectors (threads start on first
 * use and are kept, unreferenced, for later scans), or null when the scan
 * runs on the calling thread: no engine threads (engineThreads), detectors
 * the registry does not have, or no built worker module.
 */
export function sharedEnginePool(engine: Engine): EnginePool | null {
  const threads = engineThreads();
  if (threads === 0 || !fromRegistry(engine.detectors)) return null;
  const ids = engine.detectors.map((d) => d.id);
  const key = `${threads}\n${engine.decode}\n${ids.join('\n')}`;
  let pool = shared.get(key);
  if (!pool) {
    const workerUrl = builtWorkerUrl();
    if (!workerUrl) {
      // Running from TypeScript sources: scan here, unless threads were asked for by name.
      if (process.env['PUSHGATE_ENGINE_THREADS']) throw new EngineWorkerError('PUSHGATE_ENGINE_THREADS is set but scanner/engine-worker.js is not built (npm run build)');
      return null;
    }
    pool = new EnginePool(ids, { workerUrl, threads, decode: engine.decode });
    shared.set(key, pool);
  }
  return pool;
}

// ---- the pool ---------------------------------------------------------------------------

export interface EnginePoolOptions {
  /** The worker module (scanner/engine-worker.ts, compiled or bundled). */
  readonly workerUrl: URL;
  /** Default 1. */
  readonly threads?: number;
  /** Whether the workers' engines look in decoded forms (EngineOptions.decode); default true, as createEngine. */
  readonly decode?: boolean;
}

interface PoolThread {
  readonly worker: Worker;
  /** Batches sent and not answered: the scan each belongs to and its size. */
  readonly batches: Map<number, { scan: PooledScan; bytes: number }>;
  bytes: number;
  alive: boolean;
}

export class EnginePool {
  /** Whether the workers' engines look in decoded forms; a scan's engine must agree (scan). */
  readonly decode: boolean;
  private readonly threads: Array<PoolThread | undefined>;
  private readonly workerUrl: URL;
  private nextBatch = 1;
  private nextBlob = 1;
  private readonly spare: ArrayBuffer[] = [];

  constructor(
    private readonly detectorIds: readonly string[],
    options: EnginePoolOptions,
  ) {
    this.workerUrl = options.workerUrl;
    this.decode = options.decode !== false;
    this.threads = new Array<PoolThread | undefined>(Math.max(1, options.threads ?? 1)).fill(undefined);
  }

  /**
   * A client for one scan; `detectors` are the caller's engine's (their ids
   * are the pool's), and `decode` its EngineOptions.decode (the pool's, as
   * sharedEnginePool builds it, when not given).
   */
  scan(detectors: readonly Detector[], decode: boolean = this.decode): PooledScan {
    if (detectors.length !== this.detectorIds.length || detectors.some((d, i) => d.id !== this.detectorIds[i])) {
      throw new EngineWorkerError("the engine's detectors are not the pool's");
    }
    if (decode !== this.decode) throw new EngineWorkerError(`the engine ${decode ? 'decodes' : 'does not decode'}, the pool's engines ${this.decode ? 'do' : 'do not'}`);
    return new PooledScan(this, new Map(detectors.map((d) => [d.id, d])));
  }

  /** Stops the threads; batches in flight fail their scans. */
  async close(): Promise<void> {
    const threads = this.threads.filter((t): t is PoolThread => t !== undefined);
    this.threads.fill(undefined);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  /** @internal */
  newBlob(): number {
    return this.nextBlob++;
  }

  /** @internal A buffer for a batch of `bytes` (a returned one when it fits). */
  buffer(bytes: number): Buffer {
    if (bytes > BUFFER_BYTES) return Buffer.allocUnsafeSlow(bytes);
    return Buffer.from(this.spare.pop() ?? new ArrayBuffer(BUFFER_BYTES), 0, bytes);
  }

  /** @internal Sends a batch, to `thread` when given (it holds the stream of a blob the batch continues), else to the least busy. */
  post(scan: PooledScan, thread: PoolThread | null, bytes: Buffer, segments: number[]): { thread: PoolThread; batch: number } {
    const t = thread ?? this.pick();
    const batch = this.nextBatch++;
    if (t.batches.size === 0) t.worker.ref();
    t.batches.set(batch, { scan, bytes: bytes.length });
    t.bytes += bytes.length;
    // The whole ArrayBuffer moves to the worker (segments say which bytes count); this thread no longer sees it.
    const message: ToWorker = { type: 'scan', batch, bytes: bytes.buffer as ArrayBuffer, segments };
    t.worker.postMessage(message, [message.bytes]);
    return { thread: t, batch };
  }

  /** @internal */
  drop(thread: PoolThread, blob: number): void {
    if (thread.alive) thread.worker.postMessage({ type: 'drop', blob } satisfies ToWorker);
  }

  private pick(): PoolThread {
    let best: PoolThread | undefined;
    for (let i = 0; i < this.threads.length; i++) {
      const t = this.threads[i];
      // An idle thread, else a new one, else the least busy.
      if (!t) return (this.threads[i] = this.start(i));
      if (t.bytes === 0) return t;
      if (!best || t.bytes < best.bytes) best = t;
    }
    return best!;
  }

  private start(slot: number): PoolThread {
    // Loaded here, not imported: a scan that never starts a thread (a small push) skips it at start-up.
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    const worker = new Worker(this.workerUrl, { workerData: { detectors: this.detectorIds, decode: this.decode } satisfies WorkerInit, execArgv: workerExecArgv() });
    worker.unref();
    const t: PoolThread = { worker, batches: new Map(), bytes: 0, alive: true };
    worker.on('message', (m: FromWorker) => {
      const scan = t.batches.get(m?.batch)?.scan;
      try {
        this.answered(t, m);
      } catch (err) {
        const why = `the engine worker thread answered something unreadable (${(err as Error).message})`;
        scan?.fail(new EngineWorkerError(why));
        this.lost(t, slot, why);
        void worker.terminate();
      }
    });
    worker.on('error', (err: Error) => this.lost(t, slot, `the engine worker thread failed: ${err.message}`));
    worker.on('messageerror', (err: Error) => this.lost(t, slot, `a message from the engine worker thread could not be read: ${err.message}`));
    worker.on('exit', (code) => this.lost(t, slot, `the engine worker thread exited (code ${code})`));
    return t;
  }

  private answered(t: PoolThread, m: FromWorker): void {
    if (m.type === 'done' && m.bytes instanceof ArrayBuffer && m.bytes.byteLength === BUFFER_BYTES && this.spare.length < SPARE_BUFFERS) {
      this.spare.push(m.bytes);
    }
    const sent = t.batches.get(m.batch);
    if (!sent) return;
    t.batches.delete(m.batch);
    t.bytes -= sent.bytes;
    if (t.batches.size === 0) t.worker.unref();
    sent.scan.answered(m);
  }

  /** A thread is gone: every scan with a batch on it fails; the next batch starts a new thread. */
  private lost(t: PoolThread, slot: number, why: string): void {
    if (this.threads[slot] === t) this.threads[slot] = undefined;
    t.alive = false;
    const error = new EngineWorkerError(`${why}; blobs sent to it were not scanned`);
    const scans = new Set([...t.batches.values()].map((b) => b.scan));
    t.batches.clear();
    t.bytes = 0;
    for (const scan of scans) scan.fail(error);
  }
}

/** This process's Node options minus `--input-type` (of `node --input-type=module -e ...`), which a worker started from a file refuses. */
function workerExecArgv(): string[] {
  const out: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const a = process.execArgv[i]!;
    if (a === '--input-type') i++;
    else if (!a.startsWith('--input-type=')) out.push(a);
  }
  return out;
}

// ---- one scan's client ------------------------------------------------------------------

interface Segment {
  readonly blob: number;
  readonly parts: Buffer[];
  readonly length: number;
  readonly last: boolean;
}

class BlobResult {
  readonly promise: Promise<Match[] | undefined>;
  resolve!: (matches: Match[] | undefined) => void;
  reject!: (err: unknown) => void;
  constructor(readonly blob: number) {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
}

interface SentBatch {
  readonly batch: number;
  readonly bytes: number;
  /** Blobs whose last piece is in the batch, in read order. */
  readonly ends: BlobResult[];
  found: Map<number, WireMatch[]> | null;
}

/**
 * One scan's side of the pool: a sink per blob (BlobSink of the object
 * reader; `end` returns a promise of the blob's matches), and the reader's
 * throttle.
 */
export class PooledScan implements ReadThrottle {
  private segments: Segment[] = [];
  private pendingBytes = 0;
  /** Blobs whose last piece is among `segments`. */
  private ending: BlobResult[] = [];
  /** Sent and not yet handed out, oldest first. */
  private readonly sent: SentBatch[] = [];
  private sentBytes = 0;
  /** The thread holding the stream of the blob whose pieces are partly sent, and that blob. */
  private open: { thread: PoolThread; blob: number } | null = null;
  private flushScheduled = false;
  private error: unknown = null;
  private closed = false;
  private drainWaiters: Array<() => void> = [];

  constructor(
    private readonly pool: EnginePool,
    private readonly detectors: ReadonlyMap<string, Detector>,
  ) {}

  /** ReadThrottle: the reader waits while this many bytes are read and not yet scanned. */
  get saturated(): boolean {
    return this.pendingBytes + this.sentBytes >= MAX_AHEAD_BYTES;
  }

  onDrain(resume: () => void): void {
    this.drainWaiters.push(resume);
  }

  /** The sink for the next blob read. */
  sink(): BlobSink<Match[]> {
    const blob = this.pool.newBlob();
    const cutter = new PieceCutter();
    return {
      write: (chunk) => cutter.write(chunk, (parts, length) => this.add({ blob, parts, length, last: false })),
      end: () => {
        if (this.error !== null) return Promise.reject(this.error);
        const result = new BlobResult(blob);
        this.ending.push(result);
        const rest = cutter.rest();
        this.add({ blob, parts: rest.parts, length: rest.length, last: true });
        return result.promise;
      },
    };
  }

  /** Ends the scan's use of the pool: unsent pieces are dropped, late answers ignored. */
  close(): void {
    this.closed = true;
    this.segments = [];
    this.ending = [];
    if (this.open) this.pool.drop(this.open.thread, this.open.blob);
    this.open = null;
    this.wakeReader();
  }

  /** @internal The scan cannot complete: every blob not yet handed out, and every later one, rejects with `err`. */
  fail(err: unknown): void {
    if (this.error !== null) return;
    this.error = err;
    for (const b of this.sent) for (const r of b.ends) r.reject(err);
    for (const r of this.ending) r.reject(err);
    this.sent.length = 0;
    this.sentBytes = 0;
    this.ending = [];
    this.segments = [];
    this.pendingBytes = 0;
    this.open = null;
    // A paused reader must run on to its next blob end to see the error.
    this.wakeReader();
  }

  /** @internal */
  answered(m: FromWorker): void {
    if (this.closed || this.error !== null) return;
    const at = this.sent.findIndex((b) => b.batch === m.batch);
    if (at === -1) return;
    if (m.type === 'failed') {
      this.fail(new WorkerEngineError(m.error.code ?? 'SCAN_FAILED', m.error.message));
      return;
    }
    const batch = this.sent[at]!;
    batch.found = new Map(m.found);
    this.sentBytes -= batch.bytes;
    while (this.sent[0]?.found) {
      const done = this.sent.shift()!;
      for (const r of done.ends) {
        try {
          r.resolve(done.found!.get(r.blob)?.map((w) => this.toMatch(w)));
        } catch (err) {
          r.reject(err);
          this.fail(err);
        }
      }
    }
    if (this.sent.length === 0 && this.segments.length > 0) this.flush();
    if (this.pendingBytes + this.sentBytes < MAX_AHEAD_BYTES / 2) this.wakeReader();
  }

  private toMatch(w: WireMatch): Match {
    const detector = this.detectors.get(w.detector);
    if (!detector) throw new EngineWorkerError(`the engine worker named an unknown detector ${w.detector}`);
    return { ...w, detector };
  }

  private add(segment: Segment): void {
    if (this.closed || this.error !== null) return;
    this.segments.push(segment);
    this.pendingBytes += segment.length;
    if (this.pendingBytes >= BATCH_BYTES) this.flush();
    else if (this.sent.length === 0 && !this.flushScheduled) {
      // Nothing in flight: send what this turn of the event loop adds, not each blob on its own.
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  private flush(): void {
    if (this.closed || this.error !== null || this.segments.length === 0) return;
    if (this.open && !this.open.thread.alive) {
      this.fail(new EngineWorkerError('the engine worker thread scanning a blob exited before its end'));
      return;
    }
    const bytes = this.pool.buffer(this.pendingBytes);
    const flat: number[] = [];
    let at = 0;
    for (const s of this.segments) {
      flat.push(s.blob, at, s.length, s.last ? 1 : 0);
      for (const p of s.parts) {
        bytes.set(p, at);
        at += p.length;
      }
    }
    const last = this.segments[this.segments.length - 1]!;
    const { thread, batch } = this.pool.post(this, this.open?.thread ?? null, bytes, flat);
    this.open = last.last ? null : { thread, blob: last.blob };
    this.sent.push({ batch, bytes: this.pendingBytes, ends: this.ending, found: null });
    this.sentBytes += this.pendingBytes;
    this.segments = [];
    this.ending = [];
    this.pendingBytes = 0;
  }

  private wakeReader(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const resume of waiters) resume();
  }
}
