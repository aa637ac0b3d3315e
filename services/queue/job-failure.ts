import { UnrecoverableError } from 'bullmq';
import type { Engine } from '../../detectors/engine/engine.js';
import { scrubSecrets } from '../logging/scrub.js';
import { QueueError } from './queue-error.js';

/** Scanner error codes (scanner/git/errors.ts) that retrying cannot fix. */
const PERMANENT_SCANNER_CODES = new Set(['INVALID_REVISION', 'REPOSITORY_UNTRUSTED']);
const MAX_MESSAGE = 2000;

/**
 * The error a processor throws for BullMQ, which stores its message (and
 * stack) in Redis: the message starts with the stable code (`failureOf`
 * reads it back), is scrubbed of anything the engine recognises as a secret
 * and is bounded. Permanent failures are UnrecoverableError: no retry, straight to the failed set.
 */
export function jobError(err: unknown, engine: Engine): Error {
  const code = (err as { code?: unknown }).code;
  const stable = typeof code === 'string' && /^[A-Z][A-Z0-9_]{2,40}$/.test(code) ? code : 'SCAN_FAILED';
  const raw = err instanceof Error ? err.message : String(err);
  const text = `${stable}: ${scrubSecrets(engine, raw).slice(0, MAX_MESSAGE)}`;
  const permanent = err instanceof QueueError ? err.permanent : PERMANENT_SCANNER_CODES.has(stable);
  return permanent ? new UnrecoverableError(text) : new Error(text);
}
