import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, type MatchStream } from '../detectors/engine/engine.js';
import type { Match } from '../detectors/types.js';
import { registryDetectors, type FromWorker, type ToWorker, type WireMatch, type WorkerInit } from './engine-pool.js';

/**
 * The worker side of scanner/engine-pool.ts: its own engine, built from the
 * registry detectors the pool names, scans the pieces of each batch in order
 * (a blob's stream lives here from its first piece to its last) and answers
 * with the matches of the blobs that ended, detectors by id.
 */
const port = parentPort;
if (!port) throw new Error('scanner/engine-worker.js runs in a worker thread started by EnginePool');

const init = workerData as WorkerInit;
// Decoding as the caller's engine does (an older pool that does not say: the default, on).
const engine = createEngine(registryDetectors(init.detectors), { decode: init.decode !== false });
/** Blobs whose first pieces came in earlier batches. */
const open = new Map<number, { stream: MatchStream; found: Match[] | undefined }>();

port.on('message', (m: ToWorker) => {
  if (m.type === 'drop') {
    open.delete(m.blob);
    return;
  }
  const answer = scanBatch(m);
  // The batch buffer goes back for reuse (the engine keeps no view of it: its carry is a copy).
  port.postMessage(answer, answer.type === 'done' ? [answer.bytes] : []);
});

function scanBatch(m: Extract<ToWorker, { type: 'scan' }>): FromWorker {
  const bytes = Buffer.from(m.bytes);
  const s = m.segments;
  const found: Array<[number, WireMatch[]]> = [];
  try {
    for (let i = 0; i < s.length; i += 4) {
      const blob = s[i]!;
      const at = s[i + 1]!;
      const length = s[i + 2]!;
      let state = open.get(blob);
      if (!state && s[i + 3] === 1) {
        // The whole blob in one piece (most blobs): one pass, no carried overlap.
        const matches = engine.scan(bytes.subarray(at, at + length));
        if (matches.length > 0) found.push([blob, matches.map((x) => ({ ...x, detector: x.detector.id }))]);
        continue;
      }
      if (!state) {
        state = { stream: engine.stream(), found: undefined };
        open.set(blob, state);
      }
      if (length > 0) state.found = collect(state.found, state.stream.push(bytes.subarray(at, at + length)));
      if (s[i + 3] === 1) {
        state.found = collect(state.found, state.stream.end());
        open.delete(blob);
        if (state.found) found.push([blob, state.found.map((x) => ({ ...x, detector: x.detector.id }))]);
      }
    }
    return { type: 'done', batch: m.batch, found, bytes: m.bytes };
  } catch (err) {
    for (let i = 0; i < s.length; i += 4) open.delete(s[i]!);
    const code = (err as { code?: unknown }).code;
    return {
      type: 'failed',
      batch: m.batch,
      error: { message: err instanceof Error ? err.message : String(err), ...(typeof code === 'string' ? { code } : {}) },
    };
  }
}

function collect(found: Match[] | undefined, matches: Match[]): Match[] | undefined {
  if (matches.length === 0) return found;
  if (!found) return matches;
  found.push(...matches);
  return found;
}
