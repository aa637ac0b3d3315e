import type { Engine } from '../../detectors/engine/engine.js';
import { redact } from '../../detectors/engine/redact.js';

/**
 * Replaces every secret the engine finds in `text` with its redacted form.
 * The last line of defence for text that came from outside (URLs, error
 * messages) and is about to be logged or echoed.
 */
export function scrubSecrets(engine: Engine, text: string): string {
  if (text.length === 0) return text;
  const buf = Buffer.from(text, 'utf8');
  const matches = engine.scan(buf);
  if (matches.length === 0) return text;
  const parts: Buffer[] = [];
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    parts.push(buf.subarray(at, m.start), Buffer.from(redact(m.secret), 'utf8'));
    at = m.end;
  }
  parts.push(buf.subarray(at));
  return Buffer.concat(parts).toString('utf8');
}
