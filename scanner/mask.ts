import { redact } from '../detectors/engine/redact.js';
import type { Match } from '../detectors/types.js';

/**
 * A secret can sit in a string that reports print as a label: a file path,
 * a ref or tag name, an author's name or e-mail, a commit subject. Those
 * strings are shown with every secret found in them replaced by its
 * redacted form, here, before any report sees them.
 */

/** `text` (the bytes that were scanned) as UTF-8, with each match's span replaced by its redacted secret. */
export function maskedText(text: Buffer, matches: readonly Match[]): string {
  if (matches.length === 0) return text.toString('utf8');
  const spans = [...matches].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const m of spans) {
    if (m.start < at) continue;
    out += text.toString('utf8', at, m.start) + redact(m.secret);
    at = m.end;
  }
  return out + text.toString('utf8', at);
}

/**
 * Masks per scope (a commit or tag id): the original text of each secret
 * found in that object's texts, and what to show instead. Applied to the
 * strings git printed about the object (author, e-mail, subject), which are
 * substrings of what was scanned.
 */
export class ScopedMasks {
  private readonly byScope = new Map<string, Array<readonly [needle: string, shown: string]>>();

  get size(): number {
    return this.byScope.size;
  }

  add(scope: string, text: Buffer, matches: readonly Match[]): void {
    if (matches.length === 0) return;
    let list = this.byScope.get(scope);
    if (!list) this.byScope.set(scope, (list = []));
    for (const m of matches) {
      const needle = text.toString('utf8', m.start, m.end);
      // The decoded value too: git may print an encoded header decoded.
      list.push([needle, redact(m.secret)]);
      if (m.secret !== needle) list.push([m.secret, redact(m.secret)]);
    }
  }

  apply(scope: string | undefined, s: string): string;
  apply(scope: string | undefined, s: string | undefined): string | undefined;
  apply(scope: string | undefined, s: string | undefined): string | undefined {
    if (s === undefined || scope === undefined) return s;
    const list = this.byScope.get(scope);
    if (!list) return s;
    let out = s;
    for (const [needle, shown] of list) if (needle.length > 0) out = out.split(needle).join(shown);
    return out;
  }
}
