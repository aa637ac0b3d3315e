import { parentPort, workerData } from 'node:worker_threads';
import type { CommitInfo } from './log-raw-parser.js';
import { readBlobs, type SkipReason } from './object-reader.js';
import {
  FIRST,
  LAST,
  TRUNCATED,
  type DataMessage,
  type ErrorMessage,
  type FromReader,
  type ReaderWorkerData,
  type ToReader,
} from './reader-protocol.js';

/**
 * The reader thread: runs readBlobs (git processes, pipe parsing, the
 * attribution walk) and ships blob content to the scanning thread in
 * transferred batches of up to BATCH_BYTES, many small blobs per message.
 * A blob's result (kept or not) comes back asynchronously, which the reader
 * supports: places found meanwhile wait on the blob. Past MAX_UNACKED bytes
 * not yet scanned the reader stops reading (memory stays bounded; a huge blob
 * streams through in pieces).
 */
const BATCH_BYTES = 256 * 1024;
const MAX_UNACKED = 8 * 1024 * 1024;

const data = workerData as Partial<ReaderWorkerData> | null;
if (parentPort && data?.pushgateReader === true) {
  const port = parentPort;
  const post = (msg: FromReader, transfer: ArrayBuffer[] = []): void => port.postMessage(msg, transfer);

  let nextId = 0;
  let opens: Array<readonly [number, string, number]> = [];
  let batch: Uint8Array | null = null;
  let used = 0;
  let segs: number[] = [];
  let places: Array<readonly [string, CommitInfo | null, string]> = [];
  let skipped: Array<readonly [string, SkipReason, number]> = [];
  let unacked = 0;
  let drainCallbacks: Array<() => void> = [];
  let flushScheduled = false;
  const waiting = new Map<number, (kept: true | undefined) => void>();
  const controller = new AbortController();

  const flushData = (): void => {
    if (segs.length === 0 && opens.length === 0) return;
    const buf = batch ? (used === batch.length ? batch.buffer : batch.slice(0, used).buffer) : new ArrayBuffer(0);
    const msg: DataMessage = { t: 'data', opens, buf: buf as ArrayBuffer, segs };
    post(msg, [msg.buf]);
    opens = [];
    batch = null;
    used = 0;
    segs = [];
  };
  const flushAll = (): void => {
    flushScheduled = false;
    flushData();
    if (places.length > 0) post({ t: 'places', items: places });
    if (skipped.length > 0) post({ t: 'skipped', items: skipped });
    places = [];
    skipped = [];
  };
  // Batches go out once the current I/O callbacks are done, so one message carries many small blobs.
  const scheduleFlush = (): void => {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(flushAll);
  };
  const append = (id: number, chunk: Uint8Array, flags: number): void => {
    unacked += chunk.length;
    if (batch && used + chunk.length > batch.length) flushData();
    if (chunk.length > BATCH_BYTES) {
      // A big piece goes alone, copied once (the pipe chunk is not ours to transfer).
      flushData();
      const msg: DataMessage = { t: 'data', opens: [], buf: new Uint8Array(chunk).buffer, segs: [id, 0, chunk.length, flags] };
      post(msg, [msg.buf]);
      return;
    }
    batch ??= new Uint8Array(BATCH_BYTES);
    batch.set(chunk, used);
    segs.push(id, used, used + chunk.length, flags);
    used += chunk.length;
    scheduleFlush();
  };

  port.on('message', (msg: ToReader) => {
    if (msg.t === 'abort') {
      controller.abort();
      return;
    }
    unacked -= msg.bytes;
    for (const id of msg.kept) waiting.get(id)?.(true);
    for (const id of msg.dropped) waiting.get(id)?.(undefined);
    for (const id of msg.kept) waiting.delete(id);
    for (const id of msg.dropped) waiting.delete(id);
    if (drainCallbacks.length > 0 && unacked <= MAX_UNACKED / 2) {
      const callbacks = drainCallbacks;
      drainCallbacks = [];
      for (const cb of callbacks) cb();
    }
  });

  readBlobs<true>(data.repo!, { ...(data.revisions ? { revisions: data.revisions } : {}), signal: controller.signal }, {
    open(blob) {
      const id = nextId++;
      opens.push([id, blob.oid, blob.size]);
      let flags = FIRST;
      return {
        write(chunk) {
          append(id, chunk, flags);
          flags = 0;
        },
        end(truncated) {
          append(id, new Uint8Array(0), flags | LAST | (truncated ? TRUNCATED : 0));
          return new Promise<true | undefined>((resolve) => waiting.set(id, resolve));
        },
      };
    },
    place(blob, at) {
      places.push([blob, at.commit ?? null, at.path]);
      scheduleFlush();
    },
    skipped(blob, reason, bytes) {
      skipped.push([blob, reason, bytes]);
      scheduleFlush();
    },
    progress(p) {
      post({ t: 'progress', p });
    },
    flow: {
      saturated: () => unacked > MAX_UNACKED,
      onDrain(resume) {
        if (unacked <= MAX_UNACKED / 2) resume();
        else drainCallbacks.push(resume);
      },
    },
  }).then(
    (summary) => {
      flushAll();
      post({ t: 'done', summary });
    },
    (err: unknown) => {
      flushAll();
      const e = err instanceof Error ? err : new Error(String(err));
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(e)) if (k !== 'partial' && k !== 'cause') fields[k] = v;
      const msg: ErrorMessage = { t: 'error', name: e.constructor.name, message: e.message, fields };
      post(msg);
    },
  );
}
