import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Engine } from '../detectors/engine/engine.js';
import { ALL_DETECTORS } from '../detectors/registry.js';
import type { Detector, Match } from '../detectors/types.js';
import { FIRST, LAST, type BatchMessage, type ResultMessage, type ScanWorkerData, type WireMatch } from './scan-worker.js';

/**
 * Scans blob content in worker threads beside the thread that reads git.
 * The caller offers each blob to the pool and scans it itself when every
 * worker already has QUEUE_BYTES waiting (tryOpen), so all threads scan and
 * none waits for another: measured, this beat handing every blob to workers,
 * because each worker pays its own engine warm-up (lazy RE2 compiles).
 * Content is copied into batches of up to BATCH_BYTES (many small blobs per
 * message: one message per blob would cost more than the copy) and
 * transferred, not cloned. A blob streams to one worker in order; its matches
 * come back when it ends. Memory is bounded: a huge blob keeps streaming to
 * its worker, and past MAX_IN_FLIGHT bytes per worker the pool reports itself
 * saturated so the reader stops reading until it drains.
 */
const BATCH_BYTES = 256 * 1024;
const QUEUE_BYTES = 2 * 1024 * 1024;
const MAX_IN_FLIGHT = 8 * 1024 * 1024;

export class ScanWorkerError extends Error {
  readonly code = 'SCAN_WORKER_FAILED';
  constructor(cause: unknown) {
    super(`scan worker failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** One blob being scanned by a worker. */
export interface PoolBlob {
  write(chunk: Uint8Array): void;
  end(): Promise<Match[]>;
}

class Slot {
  ready = false;
  inFlight = 0;
  private batch: Uint8Array | null = null;
  private used = 0;
  private segs: number[] = [];

  constructor(readonly worker: Worker) {}

  append(id: number, chunk: Uint8Array, flags: number): void {
    this.inFlight += chunk.length;
    if (chunk.length > BATCH_BYTES / 2) {
      // Big pieces go alone: copying them into a batch would only add a copy.
      this.flush();
      this.send({ buf: new Uint8Array(chunk).buffer, segs: [id, 0, chunk.length, flags] });
      return;
    }
    if (this.batch && this.used + chunk.length > this.batch.length) this.flush();
    this.batch ??= new Uint8Array(BATCH_BYTES);
    this.batch.set(chunk, this.used);
    this.segs.push(id, this.used, this.used + chunk.length, flags);
    this.used += chunk.length;
  }

  flush(): void {
    if (this.segs.length === 0) return;
    const buf = this.used === this.batch!.length ? this.batch!.buffer : this.batch!.slice(0, this.used).buffer;
    this.send({ buf: buf as ArrayBuffer, segs: this.segs });
    this.batch = null;
    this.used = 0;
    this.segs = [];
  }

  private send(msg: BatchMessage): void {
    this.worker.postMessage(msg, [msg.buf]);
  }
}

export class ScanPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { resolve: (m: Match[]) => void; reject: (e: unknown) => void }>();
  private drainCallbacks: Array<() => void> = [];
  private nextId = 0;
  private flushScheduled = false;
  private failure: ScanWorkerError | undefined;
  private closing = false;
  private readyWaiters: Array<(ok: boolean) => void> = [];

  /**
   * A pool of `threads` workers, or undefined when workers cannot reproduce
   * the engine: detectors outside the registry, or no compiled worker module
   * (running from TypeScript sources, as the unit tests do).
   */
  static create(engine: Engine, threads: number): ScanPool | undefined {
    if (threads < 1) return undefined;
    const url = new URL('./scan-worker.js', import.meta.url);
    if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return undefined;
    if (!engine.detectors.every((d) => ALL_DETECTORS.includes(d))) return undefined;
    return new ScanPool(engine.detectors, url, threads);
  }

  private constructor(
    private readonly detectors: readonly Detector[],
    url: URL,
    threads: number,
  ) {
    const workerData: ScanWorkerData = { pushgateScanWorker: true, detectorIds: detectors.map((d) => d.id) };
    for (let i = 0; i < threads; i++) {
      const slot = new Slot(new Worker(url, { workerData }));
      slot.worker.on('message', (msg: ResultMessage | { ready: true }) => this.onMessage(slot, msg));
      slot.worker.on('error', (err) => this.fail(err));
      slot.worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  /** True once a worker has built its engine; until then the caller scans in its own thread. */
  get ready(): boolean {
    return this.failure === undefined && this.slots.some((s) => s.ready);
  }

  /** Resolves when every worker has built its engine (true) or one failed (false). */
  whenReady(): Promise<boolean> {
    if (this.failure) return Promise.resolve(false);
    if (this.slots.every((s) => s.ready)) return Promise.resolve(true);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private settleReadyWaiters(ok: boolean): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w(ok);
  }

  /** A blob for the least busy worker, or undefined when every worker has enough queued. */
  tryOpen(): PoolBlob | undefined {
    if (this.failure) return undefined;
    let slot: Slot | undefined;
    for (const s of this.slots) if (s.ready && s.inFlight < QUEUE_BYTES && (!slot || s.inFlight < slot.inFlight)) slot = s;
    if (!slot) return undefined;
    const target = slot;
    const id = this.nextId++;
    let first = FIRST;
    return {
      write: (chunk) => {
        if (chunk.length === 0) return;
        target.append(id, chunk, first);
        first = 0;
        this.scheduleFlush();
      },
      end: () =>
        new Promise<Match[]>((resolve, reject) => {
          if (this.failure) {
            reject(this.failure);
            return;
          }
          this.waiting.set(id, { resolve, reject });
          target.append(id, new Uint8Array(0), first | LAST);
          this.scheduleFlush();
        }),
    };
  }

  saturated(): boolean {
    return this.inFlight() > MAX_IN_FLIGHT * this.slots.length;
  }

  onDrain(resume: () => void): void {
    if (!this.saturated()) resume();
    else this.drainCallbacks.push(resume);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private inFlight(): number {
    let n = 0;
    for (const s of this.slots) n += s.inFlight;
    return n;
  }

  /** Batches go out once the current I/O callbacks are done, so one message carries many small blobs. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      for (const s of this.slots) s.flush();
    });
  }

  private onMessage(slot: Slot, msg: ResultMessage | { ready: true }): void {
    if ('ready' in msg) {
      slot.ready = true;
      if (this.slots.every((s) => s.ready)) this.settleReadyWaiters(true);
      return;
    }
    slot.inFlight -= msg.bytes;
    for (const [id, wires] of msg.done) {
      const w = this.waiting.get(id);
      this.waiting.delete(id);
      w?.resolve(wires.map((x) => this.fromWire(x)));
    }
    if (this.drainCallbacks.length > 0 && this.inFlight() <= (MAX_IN_FLIGHT * this.slots.length) / 2) {
      const callbacks = this.drainCallbacks;
      this.drainCallbacks = [];
      for (const cb of callbacks) cb();
    }
  }

  private fromWire(w: WireMatch): Match {
    return {
      detector: this.detectors[w.d]!,
      secret: w.secret,
      start: w.start,
      end: w.end,
      line: w.line,
      column: w.column,
      confidence: w.confidence,
      reason: w.reason,
      context: w.context,
      ...(w.companion ? { companion: w.companion } : {}),
    };
  }

  private fail(cause: unknown): void {
    if (this.failure) return;
    this.failure = new ScanWorkerError(cause);
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
    this.settleReadyWaiters(false);
  }
}
