/**
 * The texts of commit and tag objects that a push adds besides file
 * contents, split the way a person fixes them: the message, the identity
 * lines (author and committer, or tagger), and the other headers (a commit's
 * encoding, signature, mergetag and custom headers; a tag's `tag` name and
 * custom headers). The structural headers (`tree`, `parent`, a tag's
 * `object` and `type`) hold only object ids and are left out.
 *
 * Pure functions over the raw object bytes, as git stores them.
 */

export interface ObjectTexts {
  /** `author ...` and `committer ...` lines (a tag: the `tagger ...` line), newline-joined. */
  readonly identity: Buffer;
  /** Every other header line, continuation lines included, newline-joined. */
  readonly header: Buffer;
  /** Everything after the first blank line. */
  readonly message: Buffer;
}

const LF = 0x0a;
const SPACE = 0x20;

const STRUCTURAL = new Set(['tree', 'parent', 'object', 'type']);
const IDENTITY = new Set(['author', 'committer', 'tagger']);

/** Splits a raw commit or tag object into the texts above. */
export function objectTexts(raw: Buffer): ObjectTexts {
  const identity: Buffer[] = [];
  const header: Buffer[] = [];
  let i = 0;
  // The header a continuation line (one starting with a space) belongs to.
  let current: Buffer[] | null = null;
  while (i < raw.length) {
    let eol = raw.indexOf(LF, i);
    if (eol === -1) eol = raw.length;
    if (eol === i) {
      // The blank line: the message follows.
      return { identity: join(identity), header: join(header), message: raw.subarray(eol + 1) };
    }
    const line = raw.subarray(i, eol);
    if (line[0] === SPACE) {
      current?.push(line);
    } else {
      const sp = line.indexOf(SPACE);
      const name = line.toString('latin1', 0, sp === -1 ? line.length : sp);
      current = STRUCTURAL.has(name) ? null : IDENTITY.has(name) ? identity : header;
      current?.push(line);
    }
    i = eol + 1;
  }
  // No blank line: headers only, no message.
  return { identity: join(identity), header: join(header), message: Buffer.alloc(0) };
}

function join(lines: Buffer[]): Buffer {
  if (lines.length === 0) return Buffer.alloc(0);
  if (lines.length === 1) return lines[0]!;
  const parts: Buffer[] = [];
  lines.forEach((l, k) => {
    if (k > 0) parts.push(NEWLINE);
    parts.push(l);
  });
  return Buffer.concat(parts);
}

const NEWLINE = Buffer.from('\n');

/** The subject git shows for a message (`%s`): its first paragraph, lines joined with spaces. */
export function messageSubject(message: Buffer): string {
  const text = message.toString('utf8');
  const end = text.search(/\n[ \t]*\n/);
  return (end === -1 ? text : text.slice(0, end)).trim().split('\n').map((l) => l.trim()).join(' ');
}

export interface Identity {
  readonly name: string;
  readonly email: string;
  /** ISO 8601, in the identity's own time zone; '' when the line has no valid date. */
  readonly date: string;
}

/** `tagger Name <email> 1700000000 +0100` (or author/committer) as name, email and ISO date. */
export function parseIdentity(line: string): Identity | null {
  const m = /^[a-z]+ (.*?) ?<([^>]*)> ?(\d+)? ?([+-]\d{4})?$/.exec(line);
  if (!m) return null;
  return { name: m[1]!, email: m[2]!, date: m[3] ? isoDate(Number(m[3]), m[4] ?? '+0000') : '' };
}

function isoDate(seconds: number, zone: string): string {
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  const local = new Date((seconds + offsetMinutes * 60) * 1000);
  if (Number.isNaN(local.getTime())) return '';
  const hh = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** A tag object's name (its `tag` header), or '' when it has none. */
export function tagName(raw: Buffer): string {
  const head = raw.toString('utf8', 0, Math.min(raw.length, 64 * 1024));
  const m = /(?:^|\n)tag ([^\n]*)\n/.exec(head.slice(0, head.indexOf('\n\n') === -1 ? head.length : head.indexOf('\n\n') + 1));
  return m ? m[1]! : '';
}
