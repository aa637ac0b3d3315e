/**
 * Byte-level decoders for the engine's decoded scan (detectors/engine/
 * decoded-scan.ts): each writes the decoded bytes of a span of the input
 * into a caller's buffer and says where each decoded byte came from, so a
 * finding in the decoded text can be placed at its original location. They
 * never throw on malformed input: a broken escape is copied as it stands.
 */

/** 6-bit value of a base64 character, either alphabet (`+/` and `-_`); -1 for others. */
export const BASE64_VALUE: Int8Array = (() => {
  const t = new Int8Array(256).fill(-1);
  const std = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < 64; i++) t[std.charCodeAt(i)] = i;
  t[0x2d] = 62; // '-'
  t[0x5f] = 63; // '_'
  return t;
})();

/** Value of a hex digit, -1 for other bytes. */
export const HEX_VALUE: Int8Array = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let i = 0; i < 10; i++) t[0x30 + i] = i;
  for (let i = 0; i < 6; i++) {
    t[0x41 + i] = 10 + i;
    t[0x61 + i] = 10 + i;
  }
  return t;
})();

/**
 * Stands in for a UTF-16 code unit or an escape outside latin1: in no token
 * alphabet, no keyword, and not a letter a boundary check would skip.
 */
export const PLACEHOLDER = 0x1a;

/**
 * Decodes base64 characters src[from, to) (both alphabets; `from` starts a
 * 4-character group) into out[at..]; a last partial group gives its whole
 * bytes. Returns the number of bytes written. Characters outside the
 * alphabets must not occur in the range (the caller takes a run).
 */
export function decodeBase64Into(src: Uint8Array, from: number, to: number, out: Uint8Array, at: number): number {
  const start = at;
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const v = (BASE64_VALUE[src[i]!]! << 18) | (BASE64_VALUE[src[i + 1]!]! << 12) | (BASE64_VALUE[src[i + 2]!]! << 6) | BASE64_VALUE[src[i + 3]!]!;
    out[at++] = v >>> 16;
    out[at++] = (v >>> 8) & 0xff;
    out[at++] = v & 0xff;
  }
  const rest = to - i;
  if (rest >= 2) {
    const v = (BASE64_VALUE[src[i]!]! << 18) | (BASE64_VALUE[src[i + 1]!]! << 12) | (rest === 3 ? BASE64_VALUE[src[i + 2]!]! << 6 : 0);
    out[at++] = v >>> 16;
    if (rest === 3) out[at++] = (v >>> 8) & 0xff;
  }
  return at - start;
}

/** Bytes that may appear in a URL or form value, `%` included: a percent-encoded run. */
export const URL_RUN: Uint8Array = (() => {
  const t = new Uint8Array(256);
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%!$&'()*+,;=:@/?#[]";
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
})();

/**
 * Percent-decodes src[from, to) into out[at..]: `%XX` (two hex digits) is one
 * byte, everything else is copied (`+` stays `+`: in a query string it may be
 * a space, but in the base64 keys and tokens that get percent-encoded it is
 * a `+`). origin[originAt + i] receives the source offset of decoded byte i.
 * Returns the number of bytes written.
 */
export function decodePercentInto(src: Uint8Array, from: number, to: number, out: Uint8Array, at: number, origin: Int32Array, originAt: number): number {
  const start = at;
  let o = originAt;
  let i = from;
  while (i < to) {
    const b = src[i]!;
    origin[o++] = i;
    if (b === 0x25 && i + 2 < to) {
      const hi = HEX_VALUE[src[i + 1]!]!;
      const lo = HEX_VALUE[src[i + 2]!]!;
      if (hi >= 0 && lo >= 0) {
        out[at++] = (hi << 4) | lo;
        i += 3;
        continue;
      }
    }
    out[at++] = b;
    i++;
  }
  return at - start;
}

/** Single-letter escapes of JSON and JavaScript strings and the bytes they stand for. */
const SIMPLE_ESCAPE: Int16Array = (() => {
  const t = new Int16Array(256).fill(-1);
  const pairs: Array<[string, number]> = [
    ['n', 0x0a],
    ['r', 0x0d],
    ['t', 0x09],
    ['b', 0x08],
    ['f', 0x0c],
    ['v', 0x0b],
    ['0', 0x00],
  ];
  for (const [c, v] of pairs) t[c.charCodeAt(0)] = v;
  return t;
})();

/**
 * Decodes JSON and JavaScript string escapes in src[from, to) into out[at..]:
 * `\uXXXX` and `\xXX` (code points above 0xff become PLACEHOLDER), `\n` and
 * the other single letters, and `\` before any other byte (`\/`, `\"`, `\\`)
 * is that byte. `from` must not be inside an escape. origin[originAt + i]
 * receives the source offset of decoded byte i. Returns the number of bytes
 * written.
 */
export function decodeEscapesInto(src: Uint8Array, from: number, to: number, out: Uint8Array, at: number, origin: Int32Array, originAt: number): number {
  const start = at;
  let o = originAt;
  let i = from;
  while (i < to) {
    const b = src[i]!;
    origin[o++] = i;
    if (b !== 0x5c || i + 1 >= to) {
      out[at++] = b;
      i++;
      continue;
    }
    const c = src[i + 1]!;
    if (c === 0x75 /* u */ && i + 5 < to) {
      const v = hex4(src, i + 2);
      if (v >= 0) {
        out[at++] = v <= 0xff ? v : PLACEHOLDER;
        i += 6;
        continue;
      }
    } else if (c === 0x78 /* x */ && i + 3 < to) {
      const hi = HEX_VALUE[src[i + 2]!]!;
      const lo = HEX_VALUE[src[i + 3]!]!;
      if (hi >= 0 && lo >= 0) {
        out[at++] = (hi << 4) | lo;
        i += 4;
        continue;
      }
    }
    const simple = SIMPLE_ESCAPE[c]!;
    out[at++] = simple >= 0 ? simple : c;
    i += 2;
  }
  return at - start;
}

function hex4(src: Uint8Array, at: number): number {
  const a = HEX_VALUE[src[at]!]!;
  const b = HEX_VALUE[src[at + 1]!]!;
  const c = HEX_VALUE[src[at + 2]!]!;
  const d = HEX_VALUE[src[at + 3]!]!;
  return a < 0 || b < 0 || c < 0 || d < 0 ? -1 : (a << 12) | (b << 8) | (c << 4) | d;
}

/**
 * Transcodes UTF-16 code units to one byte each: src[lane], src[lane + 2],
 * ... below `to` are the low bytes, and each unit's high byte is the byte
 * after its low byte (little-endian) or before it (big-endian). A unit whose
 * high byte is 0 becomes its low byte (ASCII and latin1), any other
 * PLACEHOLDER. Returns the number of bytes written (one per unit).
 */
export function utf16Into(src: Uint8Array, lane: number, to: number, littleEndian: boolean, out: Uint8Array, at: number): number {
  const start = at;
  const d = littleEndian ? 1 : -1;
  for (let p = lane; p < to; p += 2) out[at++] = src[p + d] === 0 ? src[p]! : PLACEHOLDER;
  return at - start;
}
