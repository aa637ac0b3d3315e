import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, type MatchStream } from '../detectors/engine/engine.js';
import { ALL_DETECTORS } from '../detectors/registry.js';
import type { Match } from '../detectors/types.js';

/**
 * A scan worker thread (see scan-pool.ts): builds its own engine from the
 * registry detectors named in `workerData.detectorIds`, in that order, and
 * scans blob content sent in batches. Matches go back with the detector's
 * index instead of the detector object, which cannot cross threads.
 */

/** One match as it crosses threads. */
export interface WireMatch {
  readonly d: number;
  readonly secret: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly confidence: Match['confidence'];
  readonly reason: string;
  readonly context: Match['context'];
  readonly companion?: Match['companion'];
}

/** Segment flags. */
export const FIRST = 1;
export const LAST = 2;

/** Content of one or more blobs: segments are [blob id, start, end, flags] in `segs`, four numbers each. */
export interface BatchMessage {
  readonly buf: ArrayBuffer;
  readonly segs: readonly number[];
}

export interface ResultMessage {
  /** Content bytes of the batch just processed. */
  readonly bytes: number;
  /** Finished blobs: id and matches (empty when none). */
  readonly done: ReadonlyArray<readonly [number, WireMatch[]]>;
}

function toWire(m: Match, index: Map<string, number>): WireMatch {
  return {
    d: index.get(m.detector.id)!,
    secret: m.secret,
    start: m.start,
    end: m.end,
    line: m.line,
    column: m.column,
    confidence: m.confidence,
    reason: m.reason,
    context: m.context,
    ...(m.companion ? { companion: m.companion } : {}),
  };
}

/** What scan-pool.ts passes as workerData; the marker keeps this module inert when merely imported in some other worker. */
export interface ScanWorkerData {
  readonly pushgateScanWorker: true;
  readonly detectorIds: readonly string[];
}

const data = workerData as Partial<ScanWorkerData> | null;
if (parentPort && data?.pushgateScanWorker === true) {
  const port = parentPort;
  const ids = data.detectorIds ?? [];
  const byId = new Map(ALL_DETECTORS.map((d) => [d.id, d]));
  const engine = createEngine(ids.map((id) => byId.get(id)!));
  const index = new Map(ids.map((id, i) => [id, i]));
  const open = new Map<number, { stream: MatchStream; found: WireMatch[] }>();
  port.on('message', (msg: BatchMessage) => {
    const bytes = new Uint8Array(msg.buf);
    const done: Array<readonly [number, WireMatch[]]> = [];
    let total = 0;
    for (let i = 0; i < msg.segs.length; i += 4) {
      const id = msg.segs[i]!;
      const flags = msg.segs[i + 3]!;
      let blob = open.get(id);
      if (!blob || flags & FIRST) {
        blob = { stream: engine.stream(), found: [] };
        open.set(id, blob);
      }
      const found = blob.found;
      const start = msg.segs[i + 1]!;
      const end = msg.segs[i + 2]!;
      total += end - start;
      if (end > start) for (const m of blob.stream.push(bytes.subarray(start, end))) found.push(toWire(m, index));
      if (flags & LAST) {
        for (const m of blob.stream.end()) found.push(toWire(m, index));
        open.delete(id);
        done.push([id, found]);
      }
    }
    const reply: ResultMessage = { bytes: total, done };
    port.postMessage(reply);
  });
  port.postMessage({ ready: true });
}
