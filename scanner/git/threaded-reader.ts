import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as errors from './errors.js';
import { CatFileParseError } from './cat-file-parser.js';
import { LogParseError } from './log-raw-parser.js';
import { checkRevisions, type BlobSink, type BlobVisitor, type ReadOptions, type ReadSummary } from './object-reader.js';
import {
  FIRST,
  LAST,
  TRUNCATED,
  type DataMessage,
  type ErrorMessage,
  type FromReader,
  type ReaderWorkerData,
  type ResultsMessage,
  type ToReader,
} from './reader-protocol.js';
import type { Repository } from './repository.js';

/**
 * readBlobs with the reading in a worker thread: git's output is piped,
 * parsed and attributed there while this thread only runs the visitor (the
 * scan). On two cores that splits the work where it is cheapest to split:
 * the engine stays in one thread, warmed up once (a second engine in a
 * worker pays its lazy RE2 compiles and JIT again, ~1.4 CPU-s measured, which
 * made scan workers slower than no workers on the bench repository).
 *
 * Same visitor contract as readBlobs; `flow` is not needed (the reader thread
 * bounds what it sends). Returns undefined when no compiled worker module is
 * next to this one (running from TypeScript sources, as the unit tests do):
 * the caller then reads in its own thread.
 */
export function readBlobsInThread<T>(repo: Repository, options: ReadOptions, visitor: BlobVisitor<T>): Promise<ReadSummary> | undefined {
  const url = new URL('./reader-worker.js', import.meta.url);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return undefined;
  if (options.revisions) checkRevisions(options.revisions);
  if (options.revisions?.length === 0) return Promise.resolve({ blobs: 0, bytes: 0 });
  return new ThreadedReader(repo, options, visitor, url).run();
}

/** Error classes a reader thread may report, rebuilt here so callers can rely on `instanceof` and `code`. */
const ERROR_CLASSES: Record<string, { prototype: Error }> = {
  GitNotFoundError: errors.GitNotFoundError,
  NotARepositoryError: errors.NotARepositoryError,
  UntrustedRepositoryError: errors.UntrustedRepositoryError,
  CorruptRepositoryError: errors.CorruptRepositoryError,
  GitCommandError: errors.GitCommandError,
  InvalidRevisionError: errors.InvalidRevisionError,
  ScanAbortedError: errors.ScanAbortedError,
  CatFileParseError,
  LogParseError,
};

function rebuildError(msg: ErrorMessage): Error {
  const proto = (ERROR_CLASSES[msg.name] ?? Error).prototype;
  const err = Object.create(proto) as Error;
  Object.defineProperty(err, 'message', { value: msg.message, writable: true, configurable: true });
  Object.assign(err, msg.fields);
  Error.captureStackTrace(err, rebuildError);
  return err;
}

class ThreadedReader<T> {
  private readonly sinks = new Map<number, BlobSink<T>>();
  private readonly kept = new Map<string, T>();
  private readonly headers = new Map<number, string>();
  private results: { bytes: number; kept: number[]; dropped: number[] } = { bytes: 0, kept: [], dropped: [] };
  private resultsScheduled = false;
  private worker!: Worker;
  private settled = false;

  constructor(
    private readonly repo: Repository,
    private readonly options: ReadOptions,
    private readonly visitor: BlobVisitor<T>,
    private readonly url: URL,
  ) {}

  run(): Promise<ReadSummary> {
    return new Promise((resolve, reject) => {
      const signal = this.options.signal;
      if (signal?.aborted) {
        reject(new errors.ScanAbortedError(undefined, signal.reason));
        return;
      }
      const workerData: ReaderWorkerData = { pushgateReader: true, repo: this.repo, revisions: this.options.revisions };
      this.worker = new Worker(this.url, { workerData });
      const finish = (err: unknown, summary?: ReadSummary): void => {
        if (this.settled) return;
        this.settled = true;
        signal?.removeEventListener('abort', onAbort);
        if (err) {
          // The reader thread kills its git processes on abort; give it a moment, then end it.
          this.send({ t: 'abort' });
          setTimeout(() => void this.worker.terminate(), 1000).unref();
          reject(err);
        } else {
          void this.worker.terminate();
          resolve(summary!);
        }
      };
      const onAbort = (): void => finish(new errors.ScanAbortedError(undefined, signal?.reason));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.worker.on('message', (msg: FromReader) => {
        if (this.settled) return;
        try {
          this.onMessage(msg, finish);
        } catch (err) {
          finish(err);
        }
      });
      this.worker.on('error', (err) => finish(err));
      this.worker.on('exit', (code) => finish(new errors.GitCommandError('reader thread', code, 'exited before finishing')));
    });
  }

  private send(msg: ToReader): void {
    this.worker.postMessage(msg);
  }

  private onMessage(msg: FromReader, finish: (err: unknown, summary?: ReadSummary) => void): void {
    switch (msg.t) {
      case 'data':
        this.onData(msg);
        return;
      case 'places':
        for (const [blob, commit, path] of msg.items) {
          const value = this.kept.get(blob);
          if (value !== undefined) this.visitor.place(blob, commit ? { commit, path } : { path }, value);
        }
        return;
      case 'skipped':
        for (const [blob, reason, bytes] of msg.items) this.visitor.skipped(blob, reason, bytes);
        return;
      case 'progress':
        this.visitor.progress?.(msg.p);
        return;
      case 'done':
        finish(undefined, msg.summary);
        return;
      case 'error':
        finish(rebuildError(msg));
        return;
    }
  }

  private onData(msg: DataMessage): void {
    for (const [id, oid, size] of msg.opens) {
      this.headers.set(id, oid);
      this.sinks.set(id, this.visitor.open({ oid, size }));
    }
    const bytes = Buffer.from(msg.buf);
    const segs = msg.segs;
    for (let i = 0; i < segs.length; i += 4) {
      const id = segs[i]!;
      const start = segs[i + 1]!;
      const end = segs[i + 2]!;
      const flags = segs[i + 3]!;
      const sink = this.sinks.get(id);
      if (!sink) throw new errors.GitCommandError('reader thread', null, `content for unknown blob ${id} (flags ${flags & FIRST})`);
      if (end > start) sink.write(bytes.subarray(start, end));
      this.results.bytes += end - start;
      if (flags & LAST) {
        this.sinks.delete(id);
        const oid = this.headers.get(id)!;
        this.headers.delete(id);
        const kept = sink.end((flags & TRUNCATED) !== 0);
        if (kept instanceof Promise) {
          kept.then(
            (value) => this.settle(id, oid, value),
            (err: unknown) => this.worker.emit('error', err),
          );
        } else {
          this.settle(id, oid, kept);
        }
      }
    }
    this.scheduleResults();
  }

  private settle(id: number, oid: string, value: T | undefined): void {
    if (value === undefined) {
      this.results.dropped.push(id);
    } else {
      this.kept.set(oid, value);
      this.results.kept.push(id);
    }
    this.scheduleResults();
  }

  private scheduleResults(): void {
    if (this.resultsScheduled) return;
    this.resultsScheduled = true;
    setImmediate(() => {
      this.resultsScheduled = false;
      if (this.settled) return;
      const r = this.results;
      this.results = { bytes: 0, kept: [], dropped: [] };
      const msg: ResultsMessage = { t: 'results', ...r };
      this.send(msg);
    });
  }
}
