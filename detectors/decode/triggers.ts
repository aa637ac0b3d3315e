/**
 * The byte strings that announce an encoded keyword, for the engine's
 * decoded scan (detectors/engine/decoded-scan.ts). They are searched in the
 * same prefilter pass as the detectors' own keywords, so text without them
 * costs nothing more.
 */

/** Standard base64 alphabet, index = 6-bit value. */
export const BASE64_STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** URL-safe alphabet (RFC 4648 section 5): only 62 and 63 differ. */
export const BASE64_URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * One way a keyword shows in base64: the keyword starts `align` bytes into a
 * 3-byte group, and `text` holds the characters whose 6 bits all come from
 * the keyword. Its first character is `charOffset` characters into the
 * group's 4, so a hit of `text` at offset t says the group starts at
 * t - charOffset, whatever precedes it.
 */
export interface Base64Trigger {
  readonly text: string;
  readonly keyword: string;
  readonly align: 0 | 1 | 2;
  readonly charOffset: number;
}

/**
 * The base64 triggers of a keyword: each alignment asked for (default all
 * three), in the standard alphabet and (when it differs) the URL-safe one.
 */
export function base64Triggers(keyword: string, alignments: readonly number[] = [0, 1, 2]): Base64Trigger[] {
  return base64TriggersOfAll([keyword], alignments)[0]!;
}

/**
 * base64Triggers of many keywords at once, in the same order. The hook builds
 * its engine, and these triggers, on every run: each alignment encodes every
 * keyword in one native call (each keyword padded to whole 3-byte groups, so
 * no group spans two keywords) instead of one call per keyword, which in
 * cold JavaScript cost about 3 ms for the identifiable tier.
 */
export function base64TriggersOfAll(keywords: readonly string[], alignments: readonly number[] = [0, 1, 2]): Base64Trigger[][] {
  // Filled with one- or two-element literals: a push into `[]` reserves 17 slots, and the hook builds these cold.
  const out: Base64Trigger[][] = new Array<Base64Trigger[]>(keywords.length);
  const nuls = '\0\0';
  for (const align of alignments as ReadonlyArray<0 | 1 | 2>) {
    // The padded keywords as one latin1 string, converted once (the conversions, not the encoding, cost cold).
    const starts: number[] = [];
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; i < keywords.length; i++) {
      const k = keywords[i]!;
      starts.push(size);
      const padded = 3 * Math.ceil((align + k.length) / 3);
      parts.push(nuls.slice(0, align), k, nuls.slice(0, padded - align - k.length));
      size += padded;
    }
    const encoded = Buffer.from(parts.join(''), 'latin1').toString('base64');
    for (let i = 0; i < keywords.length; i++) {
      const keyword = keywords[i]!;
      // Characters whose 6 bits lie wholly inside the keyword's bits [8 align, 8 (align + length)).
      const first = Math.ceil((8 * align) / 6);
      const end = Math.floor((8 * (align + keyword.length)) / 6);
      if (end <= first) {
        out[i] ??= [];
        continue;
      }
      const at = (starts[i]! / 3) * 4;
      const std = encoded.slice(at + first, at + end);
      const t: Base64Trigger = { text: std, keyword, align, charOffset: first };
      const safe = std.includes('+') || std.includes('/') ? { text: std.replaceAll('+', '-').replaceAll('/', '_'), keyword, align, charOffset: first } : undefined;
      const mine = out[i];
      if (mine === undefined) out[i] = safe === undefined ? [t] : [t, safe];
      else {
        mine.push(t);
        if (safe !== undefined) mine.push(safe);
      }
    }
  }
  for (let i = 0; i < keywords.length; i++) out[i] ??= [];
  return out;
}

/**
 * The keyword in UTF-16 without its first and last NUL: `g\0h\0p\0_` for
 * `ghp_`. Both byte orders contain it (LE: `g\0h\0p\0_\0`, BE:
 * `\0g\0h\0p\0_`), so one trigger serves both; the NUL beside it tells them
 * apart where it matters.
 */
export function utf16Trigger(keyword: string): string {
  // split/join: one flat string, where += built a chain of cons strings (100 KB for a hook's 300 keywords).
  return keyword.split('').join('\0');
}

/**
 * Percent-escapes of the bytes that occur in keywords and token alphabets but
 * must be escaped in a URL component (`/ + = : @`); matched ASCII
 * case-insensitively (`%2f` too). Unreserved characters (letters, digits,
 * `-._~`) are rarely escaped, and `%3D` before a token is already a boundary
 * without decoding (engine.ts, isolated).
 */
export const PERCENT_TRIGGERS: readonly string[] = ['%2F', '%2B', '%3D', '%3A', '%40'];

/**
 * JSON and JavaScript string escapes of printable ASCII that hide a keyword's
 * or a URL's bytes: `\u00XX` (serialize-javascript's `\u002F`, hand-obfuscated
 * letters) and `\xXX` for XX from 20 to 7F (`\x00` and `\xa0` fill C and Perl
 * strings). `\/` alone (PHP's json_encode) is everywhere in minified JSON
 * and JavaScript regular expressions, and a two-byte keyword costs the
 * prefilter 30% more time on source text; the engine searches it inside the
 * keywords that hold a `/` (`hooks.slack.com\/`) and looks for it near the
 * keywords of tokens with `/` in their alphabet.
 */
export const ESCAPE_TRIGGERS: readonly string[] = ['\\u00', '\\x2', '\\x3', '\\x4', '\\x5', '\\x6', '\\x7'];
