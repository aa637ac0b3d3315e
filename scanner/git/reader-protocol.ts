import type { CommitInfo } from './log-raw-parser.js';
import type { ReadProgress, ReadSummary, SkipReason } from './object-reader.js';
import type { Repository } from './repository.js';

/**
 * Messages between readBlobsInThread (threaded-reader.ts) and the reader
 * thread (reader-worker.ts). Content travels in transferred batches; a blob's
 * segments carry its id, and its header comes in `opens` of the same or an
 * earlier batch.
 */

export interface ReaderWorkerData {
  /** Marks this module's worker, so the entry stays inert if imported elsewhere. */
  readonly pushgateReader: true;
  readonly repo: Repository;
  readonly revisions: readonly string[] | undefined;
}

/** Segment flags. */
export const FIRST = 1;
export const LAST = 2;
export const TRUNCATED = 4;

export interface DataMessage {
  readonly t: 'data';
  /** [id, oid, size] of blobs whose first segment is in this or a later batch. */
  readonly opens: ReadonlyArray<readonly [number, string, number]>;
  readonly buf: ArrayBuffer;
  /** [id, start, end, flags], four numbers per segment. */
  readonly segs: readonly number[];
}

export interface PlacesMessage {
  readonly t: 'places';
  /** [blob oid, commit (null for a ref without a commit), path]. */
  readonly items: ReadonlyArray<readonly [string, CommitInfo | null, string]>;
}

export interface SkippedMessage {
  readonly t: 'skipped';
  readonly items: ReadonlyArray<readonly [string, SkipReason, number]>;
}

export interface ProgressMessage {
  readonly t: 'progress';
  readonly p: ReadProgress;
}

export interface DoneMessage {
  readonly t: 'done';
  readonly summary: ReadSummary;
}

/** An error as it crosses threads: class name, message and own fields (code, detail, ...). */
export interface ErrorMessage {
  readonly t: 'error';
  readonly name: string;
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export type FromReader = DataMessage | PlacesMessage | SkippedMessage | ProgressMessage | DoneMessage | ErrorMessage;

export interface ResultsMessage {
  readonly t: 'results';
  /** Content bytes processed since the last results (flow control). */
  readonly bytes: number;
  /** Blob ids whose places matter, and ids whose places do not. */
  readonly kept: readonly number[];
  readonly dropped: readonly number[];
}

export interface AbortMessage {
  readonly t: 'abort';
}

export type ToReader = ResultsMessage | AbortMessage;
