import type { Engine } from '../detectors/engine/engine.js';
import { redact } from '../detectors/engine/redact.js';

/**
 * The evidence a person judges a finding by: the line that holds the secret
 * and one line either side, with every secret in them masked (the finding's
 * own and any other a detector finds there) to its redacted form. Long lines
 * (minified code) are cut around the secret. The text is still treated as
 * sensitive (the service stores it sealed), and masked again when shown, by
 * whatever the engine finds in it then.
 */
export interface Excerpt {
  /** Line number (1-based, in the text of the location's kind) of the excerpt's first line. */
  readonly firstLine: number;
  readonly text: string;
}

/** Bytes kept on each side of the secret on its line, and of each neighbouring line. */
const AROUND = 160;
const NEIGHBOUR = 200;
/** Bytes scanned around the secret for other secrets to mask: well past what is shown, so none is cut in half unseen. */
const MASK_REACH = 4096;
const LF = 0x0a;

type Range = readonly [start: number, end: number, secret: string];

/**
 * The excerpt of `bytes` around the secret at `offset` (on 1-based line
 * `line`): `secret` is the finding's value (masked where it stands, even when
 * it spans lines or was found encoded), `others` further values masked
 * wherever they appear (a companion), besides every match of `engine` near it.
 */
export function excerptAround(bytes: Uint8Array, offset: number, line: number, engine: Engine, secret: string, others: readonly string[] = []): Excerpt {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = Math.min(Math.max(0, offset), buf.length);
  const lineStart = at === 0 ? 0 : buf.lastIndexOf(LF, at - 1) + 1;
  let lineEnd = buf.indexOf(LF, at);
  if (lineEnd === -1) lineEnd = buf.length;
  const prevStart = lineStart === 0 ? 0 : buf.lastIndexOf(LF, lineStart - 2) + 1;
  let nextEnd = lineEnd >= buf.length ? lineEnd : buf.indexOf(LF, lineEnd + 1);
  if (nextEnd === -1) nextEnd = buf.length;

  // Everything to hide, in the buffer's offsets, found over a wider region than what is shown.
  const lo = Math.max(0, at - MASK_REACH);
  const hi = Math.min(buf.length, at + MASK_REACH);
  const ranges: Range[] = [secretSpan(buf, at, secret)];
  for (const m of engine.scan(buf.subarray(lo, hi))) ranges.push([lo + m.start, lo + m.end, m.secret]);
  for (const value of [secret, ...others]) {
    if (value.length < 4) continue;
    const needle = Buffer.from(value, 'utf8');
    for (let i = buf.indexOf(needle, lo); i !== -1 && i < hi; i = buf.indexOf(needle, i + 1)) ranges.push([i, i + needle.length, value]);
  }
  ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);

  const pieces: string[] = [];
  if (prevStart < lineStart) pieces.push(shown(buf, prevStart, Math.min(lineStart - 1, prevStart + NEIGHBOUR), lineStart - 1, ranges));
  pieces.push(shown(buf, Math.max(lineStart, at - AROUND), Math.min(lineEnd, at + 2 * AROUND), lineEnd, ranges, lineStart));
  // A final newline ends the last line; it does not start another.
  if (lineEnd + 1 < nextEnd) pieces.push(shown(buf, lineEnd + 1, Math.min(nextEnd, lineEnd + 1 + NEIGHBOUR), nextEnd, ranges));
  return { firstLine: prevStart < lineStart ? Math.max(1, line - 1) : line, text: pieces.join('\n') };
}

/**
 * Where the secret stands at `at`: its own bytes when they are there as
 * they are; found decoded (base64, percent, escapes), the run of token
 * characters there, which holds its encoded form.
 */
function secretSpan(buf: Buffer, at: number, secret: string): Range {
  const bytes = Buffer.from(secret, 'utf8');
  if (buf.subarray(at, at + bytes.length).equals(bytes)) return [at, at + bytes.length, secret];
  let end = at;
  const limit = Math.min(buf.length, at + 4 * bytes.length + 64);
  while (end < limit && !/[\s"'`<>,;]/.test(String.fromCharCode(buf[end]!))) end++;
  return [at, Math.max(end, at + 1), secret];
}

/** Bytes [from, to) of a line ending at `lineEnd` (starting at `lineStart`, default `from`), masked, with `…` where it was cut. */
function shown(buf: Buffer, from: number, to: number, lineEnd: number, ranges: readonly Range[], lineStart = from): string {
  let out = from > lineStart ? '…' : '';
  let i = from;
  for (const [start, end, secret] of ranges) {
    if (end <= i || start >= to) continue;
    if (start > i) out += clean(buf.toString('utf8', i, start));
    // The secret's redacted form where it starts; only a marker where a piece shows its middle.
    out += start >= from ? redact(secret) : '***';
    i = Math.min(end, to);
  }
  if (i < to) out += clean(buf.toString('utf8', i, to));
  return to < lineEnd ? `${out}…` : out;
}

function clean(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f\r]/g, ' ');
}

/**
 * `text` with every match of `engine` and every occurrence of `secrets`
 * replaced by its redacted form: what the service runs over a stored excerpt
 * before it shows it, so a secret on those lines shows even if it was not a
 * finding when the excerpt was cut.
 */
export function maskSecrets(text: string, engine: Engine, secrets: readonly string[] = []): string {
  const bytes = Buffer.from(text, 'utf8');
  const ranges: Array<[number, number, string]> = [];
  for (const m of engine.scan(bytes)) ranges.push([m.start, m.end, m.secret]);
  for (const s of secrets) {
    if (s.length < 4) continue;
    const needle = Buffer.from(s, 'utf8');
    for (let i = bytes.indexOf(needle); i !== -1; i = bytes.indexOf(needle, i + 1)) ranges.push([i, i + needle.length, s]);
  }
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let last = 0;
  for (const [start, end, secret] of ranges) {
    if (end <= last) continue;
    if (start >= last) {
      out += bytes.toString('utf8', last, start);
      out += redact(secret);
    }
    // An overlapping match extends the masked span; its text stays hidden.
    last = end;
  }
  return out + bytes.toString('utf8', last);
}
