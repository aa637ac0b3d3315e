import type { Detector, Encoding, Match } from '../types.js';
import type { KeywordRequirement, KeywordSpec } from './prefilter-types.js';
import { base64TriggersOfAll, ESCAPE_TRIGGERS, PERCENT_TRIGGERS, utf16Trigger } from '../decode/triggers.js';
import { BASE64_VALUE, HEX_VALUE, URL_RUN, decodeBase64Into, decodeEscapesInto, decodePercentInto, utf16Into } from '../decode/transcode.js';

/**
 * Secrets written in an encoding: base64 (Kubernetes Secret data, a Docker
 * config's `auth`, `Authorization: Basic`), percent-encoding (a webhook URL
 * inside a query string), JSON and JavaScript string escapes (`\/`, `\u00XX`,
 * `\xXX`) and UTF-16 text. One level deep: the decoded bytes are scanned by
 * the engine's identifiable detectors, with decoding off. Legacy heuristics
 * stay on the bytes as written: they read structure into decoded text that
 * its writer never meant (a URL password's `%40` becomes an `@`).
 *
 * Triggers ride in the engine's one prefilter pass beside the detectors'
 * keywords, so bytes without them cost little more (about 1.5 ms per 64 MB of
 * source text, bench/engine.ts):
 * - base64: the base64 forms of the identifiable detectors' case-sensitive
 *   keywords at the start of a 3-byte group (BASE64_ALIGNMENTS). A hit says
 *   where the keyword's 4-character group starts; the bytes around it, as
 *   far as the keyword's detectors reach, are decoded and checked to hold
 *   the keyword there. And contexts that say where a value starts (`"auth":
 *   "`, `Authorization: Basic `), so a `user:token` decodes whatever the
 *   user's length.
 * - UTF-16: the same keywords with NULs between their bytes.
 * - percent-encoding: `%2F %2B %3D %3A %40`; the run of URL bytes around the
 *   hit is decoded, at most CAP bytes either side.
 * - escapes: `\u00` and `\x2`..`\x7` (an escaped printable byte), `\/`
 *   inside the keywords that hold a `/` (`hooks.slack.com\/`), and a plain
 *   hit of a detector whose tokens hold `/` when an escape is near it; the
 *   string literal around the hit is decoded, at most CAP bytes either side.
 *
 * Cost is bounded: spans of one decoder merge where they overlap (and dense
 * percent and escape hits are thinned), so each input byte is decoded at
 * most about once per decoder, and a region's decoded bytes go through one
 * plain scan, which skips windows whose bytes decoding left as they were.
 *
 * What is reported is what that scan of the decoded text reports, as
 * strictly (same validators and boundary checks, inside the decoded text),
 * with two rules that make the result independent of how a stream's spans
 * fall into regions: a match from a base64 or UTF-16 keyword trigger must
 * lie in the window of that keyword for one of its own detectors; a match
 * from a percent or escape trigger, or a base64 context, must lie inside
 * the span of one trigger, with its detector's whole reach to spare on a
 * side where a cap cut the span (a truncated token is no finding). A match
 * overlapping a plain one of its detector's family is left to the plain one.
 */

export const BASE64 = 0;
export const UTF16 = 1;
export const PERCENT = 2;
export const ESCAPE = 3;
const DECODERS = 4;

/** Bytes either side of a percent or escape trigger that its span may take. */
export const CAP = 1024;
/** Backslashes looked at before a byte to tell whether it is escaped. */
const LOOKBACK = 64;
/** Percent and escape hits kept: the first in each block of this many bytes (DecodedScan.add). */
const THIN = 64;
/** Bytes either side of a plain keyword hit looked at for an escape (ESC_WINDOW). */
const WINDOW_LOOK = 256;
/** Between decoded segments: in no alphabet and no keyword, so a segment's edge looks like the end of a text. */
const SEPARATOR = 0x00;

/** What an escape trigger asks for before its span is decoded. */
const ESC_ALWAYS = 0;
/** `\u00XX`: an escaped printable ASCII byte. */
const ESC_U = 1;
/** `\xXX`: an escaped printable ASCII byte. */
const ESC_X = 2;
/** A detector keyword: only when the detector's window holds a backslash. */
const ESC_WINDOW = 3;
/** base64 contexts: `"auth": "<value>"` (Docker config), `Authorization: Basic <value>`. */
const CTX_AUTH = 4;
const CTX_BASIC = 5;

/**
 * Keywords after which a base64 value starts, so its alignment is known and
 * a `user:token` inside decodes whatever the user's length. In the full
 * engine they are the docker-config-auths and basic-auth-header detectors'
 * own keywords (no extra search).
 */
const CONTEXTS: ReadonlyArray<{ readonly spec: KeywordSpec; readonly check: number }> = [
  { spec: { text: '"auth"', ignoreCase: false }, check: CTX_AUTH },
  { spec: { text: '\\"auth\\"', ignoreCase: false }, check: CTX_AUTH },
  { spec: { text: 'authorization', ignoreCase: true }, check: CTX_BASIC },
];
/** Base64 characters of a context's value decoded at most. */
const CONTEXT_CAP = 1024;

/** One meaning of a keyword index for the decoded scan. */
export interface TriggerRole {
  /** Index in DecodePlan.roleList. */
  readonly id: number;
  readonly decoder: number;
  /** Bytes after the end of the hit the region must hold before the hit is handled (uniform per decoder). */
  readonly reachAfter: number;
  readonly length: number;
  /** base64, UTF-16: the keyword whose encoded form this is. */
  readonly keyword: Uint8Array;
  readonly keywordIndex: number;
  /** base64: byte offset of the keyword in its group, and of the trigger's first character in the group's 4. */
  readonly align: number;
  readonly charOffset: number;
  /** base64, UTF-16: decoded bytes the keyword's detectors reach before and after it. */
  readonly before: number;
  readonly after: number;
  /** escapes: ESC_*; ESC_WINDOW: the detector window's reach around the hit. */
  readonly check: number;
}

export interface DecodePlan {
  /** Roles by keyword index (undefined: none). */
  readonly roles: ReadonlyArray<readonly TriggerRole[] | undefined>;
  readonly roleList: readonly TriggerRole[];
  /** Bytes before a hit's start and after its end that handling it may read or depend on. */
  readonly reachBefore: number;
  readonly reachAfter: number;
  readonly detectors: readonly Detector[];
  readonly detectorIndex: ReadonlyMap<Detector, number>;
  /** Per detector: the keyword indexes it owns. */
  readonly detectorKeywords: ReadonlyArray<ReadonlySet<number>>;
  /** Per detector: decoded bytes its window reaches before and after a keyword's start (the keyword and companion included). */
  readonly windowBefore: readonly number[];
  readonly windowAfter: readonly number[];
  /** Per detector: decoded bytes of context a percent or escape match needs on a side where its span was cut. */
  readonly margin: readonly number[];
}

export interface DecodeSetup {
  readonly detectors: readonly Detector[];
  /** Detector keywords (index = keyword index) and their owners' detector indexes. */
  readonly keywordSpecs: readonly KeywordSpec[];
  readonly keywordOwners: readonly (readonly number[])[];
  /** Adds a keyword to the prefilter's list (or finds the same one there) and returns its index. */
  addKeyword(spec: KeywordSpec): number;
  /**
   * How far a plain match of an identifiable detector's family reaches from
   * its keyword: a trigger is handled once the plain matches its decoded
   * matches may duplicate are known.
   */
  readonly plainReach: number;
}

const ELIGIBLE_MIN = 3;

/** Builds the triggers (through setup.addKeyword) and what each means. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A role as one fixed-shape literal: the hook builds its engine, and so this
 * plan, on every run, in cold code where object spreads cost microseconds each.
 */
/** A keyword's latin1 bytes; a plain loop, cheaper in cold code than Buffer.from for a few characters. */
function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function newRole(decoder: number, length: number, check: number, keyword: Uint8Array, keywordIndex: number, align: number, charOffset: number, before: number, after: number): Mutable<TriggerRole> {
  return { id: 0, decoder, reachAfter: 0, length, keyword, keywordIndex, align, charOffset, before, after, check };
}

export function buildDecodePlan(setup: DecodeSetup): DecodePlan {
  const { detectors, keywordSpecs, keywordOwners } = setup;
  const roles: TriggerRole[][] = [];
  // Parallel lists, not pairs: a few hundred fewer objects on every hook run.
  const pendingSpecs: KeywordSpec[] = [];
  const pendingRoles: Array<Mutable<TriggerRole>> = [];
  const reachB = new Array<number>(DECODERS).fill(0);
  const reachA = new Array<number>(DECODERS).fill(0);
  const none = new Uint8Array(0);
  const widen = (decoder: number, before: number, after: number): void => {
    if (before > reachB[decoder]!) reachB[decoder] = before;
    if (after > reachA[decoder]!) reachA[decoder] = after;
  };

  // Every candidate keyword's base64 forms in one go (cheaper cold than one encoding per keyword).
  const encodable = keywordSpecs.map(
    (spec, k) => !spec.ignoreCase && spec.text.length >= ELIGIBLE_MIN && !keywordOwners[k]!.every((d) => detectors[d]!.contextKeywords === true),
  );
  const encodableTexts = keywordSpecs.filter((_, k) => encodable[k]).map((spec) => spec.text);
  const triggersOf = base64TriggersOfAll(encodableTexts, BASE64_ALIGNMENTS);
  let nextTriggers = 0;
  for (let k = 0; k < keywordSpecs.length; k++) {
    const spec = keywordSpecs[k]!;
    const owners = keywordOwners[k]!;
    const base64 = encodable[k] ? triggersOf[nextTriggers++]! : [];
    // Reach of the keyword's detectors (companion included), of its identifiable ones' plain windows,
    // and whether an identifiable one has `/` in its alphabet.
    let identifiable = false;
    let before = 0;
    let after = 0;
    let slashed = false;
    let slashBefore = 0;
    let slashAfter = 0;
    for (let o = 0; o < owners.length; o++) {
      const d = detectors[owners[o]!]!;
      const cw = d.companion?.window ?? 0;
      if (d.window.before + cw > before) before = d.window.before + cw;
      if (d.window.after + cw > after) after = d.window.after + cw;
      if (d.tier !== 'identifiable') continue;
      identifiable = true;
      if (d.alphabet.includes('/')) {
        slashed = true;
        if (d.window.before > slashBefore) slashBefore = d.window.before;
        if (d.window.after > slashAfter) slashAfter = d.window.after;
      }
    }
    if (!identifiable) continue;
    // The encoded forms of identifiable keywords: a base64 or UTF-16 form of a case-insensitive one has too many spellings.
    if (encodable[k]) {
      const bytes = latin1Bytes(spec.text);
      const L = bytes.length;
      for (let b = 0; b < base64.length; b++) {
        const t = base64[b]!;
        pendingSpecs.push({ text: t.text, ignoreCase: false });
        pendingRoles.push(newRole(BASE64, t.text.length, ESC_ALWAYS, bytes, k, t.align, t.charOffset, before, after));
        // Characters read: the groups the keyword's window needs, a group of slack, and one past each end.
        widen(BASE64, t.charOffset + 4 * Math.ceil((before + 1) / 3) + 5, 4 * Math.ceil((t.align + L + after + 1) / 3) + 5 - t.text.length);
      }
      const u16 = utf16Trigger(spec.text);
      pendingSpecs.push({ text: u16, ignoreCase: false });
      pendingRoles.push(newRole(UTF16, u16.length, ESC_ALWAYS, bytes, k, 0, 0, before, after));
      widen(UTF16, 2 * (before + 1) + 2, 2 * (after + 1) + 3);
    }
    // `\/` inside the keyword: what a JSON encoder (PHP's json_encode) makes of it.
    if (spec.text.includes('/')) {
      const escaped = spec.text.replaceAll('/', '\\/');
      const cut = escaped.indexOf('\\/') + 2;
      const text = escaped.slice(0, Math.max(cut, ELIGIBLE_MIN));
      pendingSpecs.push({ text, ignoreCase: spec.ignoreCase });
      pendingRoles.push(newRole(ESCAPE, text.length, ESC_ALWAYS, none, -1, 0, 0, 0, 0));
      widen(ESCAPE, CAP + LOOKBACK + 2, CAP + 8);
    }
    // A token whose alphabet has `/` may have it escaped inside, while its keyword shows plainly (`+ASt`, `glc_eyJ`).
    if (slashed) {
      pendingSpecs.push(spec);
      pendingRoles.push(newRole(ESCAPE, spec.text.length, ESC_WINDOW, none, -1, 0, 0, slashBefore, slashAfter));
      widen(ESCAPE, CAP + LOOKBACK + 2, CAP + 8);
    }
  }
  for (const { spec, check } of CONTEXTS) {
    pendingSpecs.push(spec);
    pendingRoles.push(newRole(BASE64, spec.text.length, check, none, -1, 0, 0, 0, 0));
    widen(BASE64, 2, CONTEXT_GAP + CONTEXT_CAP + 1);
  }
  for (const text of PERCENT_TRIGGERS) {
    pendingSpecs.push({ text, ignoreCase: true });
    pendingRoles.push(newRole(PERCENT, text.length, ESC_ALWAYS, none, -1, 0, 0, 0, 0));
  }
  widen(PERCENT, CAP + 2, CAP + 3);
  for (const text of ESCAPE_TRIGGERS) {
    pendingSpecs.push({ text, ignoreCase: false });
    pendingRoles.push(newRole(ESCAPE, text.length, text.startsWith('\\u') ? ESC_U : ESC_X, none, -1, 0, 0, 0, 0));
  }
  widen(ESCAPE, CAP + LOOKBACK + 2, CAP + 8);

  const reachAfter = Math.max(...reachA) + setup.plainReach;
  const roleList: TriggerRole[] = [];
  for (let i = 0; i < pendingRoles.length; i++) {
    const role = pendingRoles[i]!;
    const k = setup.addKeyword(pendingSpecs[i]!);
    role.id = roleList.length;
    role.reachAfter = reachAfter;
    roleList.push(role);
    // A one-element literal: pushing into `[]` reserves 17 slots (80 KB over a hook's 600 triggers).
    const same = roles[k];
    if (same === undefined) roles[k] = [role];
    else same.push(role);
  }
  const windowBefore: number[] = [];
  const windowAfter: number[] = [];
  const margin: number[] = [];
  const detectorIndex = new Map<Detector, number>();
  for (let i = 0; i < detectors.length; i++) {
    const d = detectors[i]!;
    const cw = d.companion?.window ?? 0;
    let longest = 0;
    for (let k = 0; k < d.keywords.length; k++) if (d.keywords[k]!.length > longest) longest = d.keywords[k]!.length;
    windowBefore.push(d.window.before + cw);
    windowAfter.push(d.window.after + cw + longest);
    margin.push(d.window.before + d.window.after + 2 * cw + longest + 2);
    detectorIndex.set(d, i);
  }
  // Only a decoded match reads these: built then, not on every hook run.
  let detectorKeywords: Set<number>[] | undefined;
  return {
    roles,
    roleList,
    reachBefore: Math.max(...reachB),
    reachAfter,
    detectors,
    detectorIndex,
    get detectorKeywords() {
      if (detectorKeywords === undefined) {
        detectorKeywords = detectors.map(() => new Set<number>());
        keywordOwners.forEach((owners, k) => {
          for (const d of owners) detectorKeywords![d]!.add(k);
        });
      }
      return detectorKeywords;
    },
    windowBefore,
    windowAfter,
    margin,
  };
}

/**
 * Base64 alignments (byte offset of a keyword in its 3-byte group) that get
 * triggers. Alignment 0 is a keyword at the start of an encoded value (a
 * whole token, as in Kubernetes Secret data) or a third of the keywords
 * inside one; the contexts cover `user:token` values. All three alignments
 * (about 250 triggers of random-looking letters and digits, which crowd the
 * SIMD kernel's buckets) cost 4 to 6 ms more per 64 MB of source text in the
 * prefilter alone, a third of the identifiable tier's whole scan; alignment 0
 * costs 0.7 to 0.9 ms.
 */
export const BASE64_ALIGNMENTS: readonly number[] = [0];

/**
 * A plain scan of `buf` restricted to the segments [segments[2i],
 * segments[2i+1]), keeping only matches `accept` wants (asked once a match
 * is validated, before its companion is looked for), and trying a window
 * only where `changed` says decoding changed a byte of it (the rest was
 * scanned as it stands).
 */
export type InnerScan = (
  buf: Buffer,
  segments: Int32Array,
  accept: (detector: number, start: number, end: number) => boolean,
  changed: (lo: number, hi: number) => boolean,
) => Match[];

/** Cumulative work of an engine's decoded scans, per decoder (tests check the cost bound with it). */
export interface DecodeCounters {
  /** Input bytes decoded (the spans' lengths). */
  readonly spanBytes: number[];
  /** Bytes the decoders wrote. */
  readonly decodedBytes: number[];
  /** Trigger hits handled, and spans decoded after merging. */
  readonly triggers: number[];
  readonly spans: number[];
  /** Plain scans of decoded bytes. */
  innerScans: number;
}

export function newDecodeCounters(): DecodeCounters {
  return { spanBytes: [0, 0, 0, 0], decodedBytes: [0, 0, 0, 0], triggers: [0, 0, 0, 0], spans: [0, 0, 0, 0], innerScans: 0 };
}


/** A decoded span as laid out in the decoded buffer. */
interface Segment {
  readonly decoder: number;
  readonly encoding: Encoding;
  /** Range in the decoded buffer. */
  readonly dStart: number;
  dEnd: number;
  /** Range in the region (original bytes). */
  readonly oStart: number;
  oEnd: number;
  /** base64: group phase (absolute start & 3); UTF-16: lane parity and byte order; others 0. */
  readonly phase: number;
  readonly littleEndian: boolean;
  /** Index in `origin` of decoded byte dStart (percent, escapes). */
  readonly originAt: number;
  /** base64, UTF-16: [keyword's decoded offset from dStart, keyword index] pairs. */
  readonly anchors: number[];
  /** base64 contexts: per value [start, end, real start 1/0, real end 1/0], region offsets. */
  readonly spans: number[];
  /**
   * percent, escapes: the segment is one run; its real start and end where a
   * trigger's reach found them (else -1: cut by CAP), and its triggers'
   * offsets, ascending: DecodedScan.trig[trigFrom, trigFrom + count). A
   * trigger's span is the run within CAP bytes of it (runSpan).
   */
  readonly runStart: number;
  runEnd: number;
  readonly trigFrom: number;
  count: number;
}

/** The run around the last percent or escape hit of a region, so hits inside one run scan it once. */
class RunState {
  /** Region offsets: verified run bytes [from, to); the run's real start and end where found, else -1. */
  from = -1;
  to = -1;
  realStart = -1;
  realEnd = -1;

  holds(t: number): boolean {
    return this.from >= 0 && t >= this.from && t < this.to;
  }
}

/**
 * The decoded scan of one stream (or one whole scan): the region's trigger
 * hits are added while its keyword hits are walked, then `finish` decodes,
 * scans and maps back.
 */
export class DecodedScan {
  /** Per decoder: (role id, hit start) pairs of this region, in the prefilter's order. */
  private readonly hits: number[][] = [[], [], [], []];
  /** Per decoder (percent, escapes): absolute offset of the last hit kept (add). */
  private readonly lastKept = new Array<number>(DECODERS).fill(-THIN);
  /** The base64 run around the last base64 hit: region offsets [from, to) known to be base64 characters. */
  private b64From = -1;
  private b64To = -1;
  /** Per decoder (base64, UTF-16): absolute end and phase of its last span, carried across regions. */
  private readonly lastEnd = new Array<number>(DECODERS).fill(-1);
  private readonly lastPhase = new Array<number>(DECODERS).fill(-1);
  private out: Buffer = Buffer.alloc(0);
  /** Trigger offsets of the percent and escape segments, each segment's a run of them (Segment.trigFrom). */
  private trig = new Int32Array(0);
  private trigCount = 0;
  private origin = new Int32Array(0);
  private at = 0;
  private originAt = 0;
  private segments: Segment[] = [];
  private region: Buffer = EMPTY;
  /** UTF-16 byte order from a BOM at the start of the stream, if it has one. */
  private bom: boolean | undefined;

  constructor(
    private readonly plan: DecodePlan,
    private readonly inner: InnerScan,
    private readonly counters: DecodeCounters,
  ) {}

  get pending(): boolean {
    return this.hits.some((h) => h.length > 0);
  }

  /**
   * A trigger hit at region offset `start` (absolute `at`, the region
   * starting at absolute `base`). Percent and escape hits are thinned: one in
   * the same THIN-byte block of the stream as the last kept one, in the same
   * run (no byte between them ends it), is dropped. Its span would add at
   * most THIN bytes to that one's, which reaches CAP bytes either side; and
   * 10 MB of `%2F` would otherwise be three million spans.
   */
  add(role: TriggerRole, region: Buffer, start: number, at: number): void {
    const decoder = role.decoder;
    if (decoder === PERCENT || decoder === ESCAPE) {
      if (decoder === ESCAPE && !escapeWorthIt(region, role, start)) return;
      const last = this.lastKept[decoder]!;
      if (Math.floor(at / THIN) === Math.floor(last / THIN) && sameRun(region, decoder, start - (at - last), start)) return;
      this.lastKept[decoder] = at;
    }
    this.hits[decoder]!.push(role.id, start);
  }

  /**
   * Decodes the spans of the hits added for this region, scans them, and
   * returns the kept matches at their absolute offsets, leaving out those
   * `plain(family, start, end)` says a plain match of the family overlaps.
   */
  finish(region: Buffer, base: number, plain: (family: string, start: number, end: number) => boolean): Match[] {
    if (base === 0 && region.length >= 2) {
      if (region[0] === 0xff && region[1] === 0xfe) this.bom = true;
      else if (region[0] === 0xfe && region[1] === 0xff) this.bom = false;
    }
    this.region = region;
    this.segments = [];
    this.b64From = -1;
    this.b64To = -1;
    this.trigCount = 0;
    this.at = 0;
    this.originAt = 0;
    this.put(SEPARATOR);
    // One decoder at a time: its segment being extended is always the last in the buffer.
    for (let decoder = 0; decoder < DECODERS; decoder++) {
      const hits = this.hits[decoder]!;
      const run = new RunState();
      for (let i = 0; i < hits.length; i += 2) {
        const role = this.plan.roleList[hits[i]!]!;
        const t = hits[i + 1]!;
        this.counters.triggers[decoder]!++;
        if (decoder === BASE64) {
          if (role.check === ESC_ALWAYS) this.base64Hit(base, role, t);
          else this.contextHit(base, role, t);
        }
        else if (decoder === UTF16) this.utf16Hit(base, role, t);
        else this.runHit(role, t, run);
      }
      hits.length = 0;
    }
    const count = this.segments.length;
    if (count === 0) return this.done([]);
    const segs = new Int32Array(count * 2);
    this.segments.forEach((s, i) => {
      segs[2 * i] = s.dStart;
      segs[2 * i + 1] = s.dEnd;
      this.counters.spans[s.decoder]!++;
      sortPairs(s.anchors);
    });
    this.counters.innerScans++;
    const accept = (d: number, start: number, end: number): boolean => {
      const seg = this.segmentOf(start);
      if (seg === undefined || end > seg.dEnd || !this.keep(seg, d, start, end)) return false;
      return !plain(this.plan.detectors[d]!.family, base + this.originalStart(seg, start), base + this.originalEnd(seg, end));
    };
    const changed = (lo: number, hi: number): boolean => {
      const seg = this.segmentOf(lo);
      if (seg === undefined) return true;
      if (seg.decoder === BASE64 || seg.decoder === UTF16) return true;
      // Each decoded byte comes from one source byte, or more for an escape: the span changed iff it shrank.
      const a = Math.max(lo, seg.dStart);
      const b = Math.min(hi, seg.dEnd);
      return b > a && this.originalEnd(seg, b) - this.originalStart(seg, a) !== b - a;
    };
    const found = this.inner(this.out.subarray(0, this.at), segs, accept, changed);
    const kept: Match[] = [];
    for (const m of found) {
      const seg = this.segmentOf(m.start)!;
      kept.push({
        ...m,
        start: base + this.originalStart(seg, m.start),
        end: base + this.originalEnd(seg, m.end),
        reason: `${m.reason}; decoded from ${ENCODING_NAME[seg.encoding]}`,
        encoding: seg.encoding,
      });
    }
    return this.done(kept);
  }

  /** Lets go of the region and the segments (the decoded buffer is kept for reuse). */
  private done(kept: Match[]): Match[] {
    this.region = EMPTY;
    this.segments = [];
    return kept;
  }

  // ---- spans ----------------------------------------------------------------------------

  /**
   * A base64 trigger at t: its group starts at t - charOffset. The span runs
   * from the groups the keyword's detectors reach before it (or the run's
   * first whole group) to the groups they reach after it (or the run's end).
   */
  private base64Hit(base: number, role: TriggerRole, t: number): void {
    const region = this.region;
    const g = t - role.charOffset;
    const a = role.align;
    const L = role.keyword.length;
    if (g < 0 || !base64Holds(region, g, a, role.keyword)) return;
    const lo = g - 4 * Math.ceil(Math.max(0, role.before + 1 - a) / 3);
    // Bytes of the run verified for an earlier hit are not scanned again (dense hits in one long run).
    const known = g >= this.b64From && g < this.b64To;
    let p = known ? Math.max(this.b64From, lo) : g;
    while (p > lo && p > 0 && BASE64_VALUE[region[p - 1]!]! >= 0) p--;
    let start = p > lo || p === 0 ? g - 4 * Math.floor((g - p) / 4) : lo;
    const hi = g + 4 * Math.ceil((a + L + role.after + 1) / 3);
    let q = Math.max(g + Math.ceil((8 * (a + L)) / 6), known ? Math.min(this.b64To, hi) : 0);
    while (q < hi && q < region.length && BASE64_VALUE[region[q]!]! >= 0) q++;
    if (!known) this.b64From = p;
    this.b64To = known ? Math.max(this.b64To, q) : q;
    const end = q;
    const phase = (base + start) & 3;
    const clip = this.clipPoint(BASE64, base, start, end, phase);
    if (clip > start) {
      // Overlaps a span of another alignment: decode only what follows it (each byte once per decoder).
      start += 4 * Math.ceil((clip - start) / 4);
      if (start > g) return;
    }
    const seg = this.segmentFor(BASE64, start, end, phase, true);
    seg.anchors.push(((g - seg.oStart) / 4) * 3 + a, role.keywordIndex);
  }

  /** A base64 context at t: its value, from the start (alignment known) to the run's end, CONTEXT_CAP characters at most. */
  private contextHit(base: number, role: TriggerRole, t: number): void {
    const region = this.region;
    const v = contextValue(region, t + role.length, role.check);
    if (v < 0) return;
    let q = v;
    const cap = Math.min(region.length, v + CONTEXT_CAP);
    while (q < cap && BASE64_VALUE[region[q]!]! >= 0) q++;
    if (q - v < CONTEXT_MIN) return;
    const rightReal = q < cap || q === region.length;
    const end = rightReal ? q : v + 4 * Math.floor((q - v) / 4);
    let start = v;
    const phase = (base + start) & 3;
    const clip = this.clipPoint(BASE64, base, start, end, phase);
    if (clip > start) {
      start += 4 * Math.ceil((clip - start) / 4);
      if (start >= end) return;
    }
    const seg = this.segmentFor(BASE64, start, end, phase, true);
    seg.spans.push(start, end, start === v ? 1 : 0, rightReal ? 1 : 0);
  }

  /** A UTF-16 trigger at t (the keyword's first byte): the units its detectors reach either side. */
  private utf16Hit(base: number, role: TriggerRole, t: number): void {
    const region = this.region;
    const len = region.length;
    const L = role.keyword.length;
    const afterNul = t + 2 * L - 1 < len && region[t + 2 * L - 1] === 0;
    const beforeNul = t > 0 && region[t - 1] === 0;
    if (!afterNul && !beforeNul) return;
    // ASCII text has NULs on both sides: a BOM says the order, else the parity of the offset (a UTF-16 file's units start at even offsets).
    const littleEndian = afterNul && beforeNul ? (this.bom ?? ((base + t) & 1) === 0) : afterNul;
    // Low bytes ("lanes") have t's parity; each unit's high byte must lie in the region too.
    const lowest = littleEndian ? 0 : 1;
    let start = Math.max(t - 2 * (role.before + 1), lowest + ((t - lowest) & 1));
    let end = Math.min(t + 2 * (L + role.after + 1), littleEndian ? len - 1 : len);
    end -= (end - t) & 1;
    if (end <= t) return;
    const phase = ((base + t) & 1) | (littleEndian ? 2 : 0);
    const clip = this.clipPoint(UTF16, base, start, end, phase);
    if (clip > start) {
      start += 2 * Math.ceil((clip - start) / 2);
      if (start > t) return;
    }
    const seg = this.segmentFor(UTF16, start, end, phase, littleEndian);
    seg.anchors.push((t - seg.oStart) >> 1, role.keywordIndex);
  }

  /**
   * Where a base64 or UTF-16 span must start to overlap no span of another
   * phase before it (region offset; the span's own start when none), and the
   * span recorded as the decoder's last.
   */
  private clipPoint(decoder: number, base: number, start: number, end: number, phase: number): number {
    const lastEnd = this.lastEnd[decoder]! - base;
    const conflict = this.lastPhase[decoder] !== phase && lastEnd > start;
    this.lastEnd[decoder] = Math.max(this.lastEnd[decoder]!, base + end);
    this.lastPhase[decoder] = phase;
    return conflict ? lastEnd : start;
  }

  /** A percent or escape trigger at t: the run of URL bytes or the string literal around it, CAP bytes either side at most. */
  private runHit(role: TriggerRole, t: number, run: RunState): void {
    const region = this.region;
    const escapes = role.decoder === ESCAPE;
    const len = region.length;
    const from = Math.max(0, t - CAP);
    const to = Math.min(len, t + CAP);
    if (!run.holds(t)) {
      let p = t;
      if (escapes) while (p > from && !isDelimiter(region, p - 1)) p--;
      else while (p > from && URL_RUN[region[p - 1]!] === 1) p--;
      run.from = p;
      run.to = t;
      run.realStart = p > from || p === 0 ? p : -1;
      run.realEnd = -1;
    }
    if (run.realEnd < 0 && run.to < to) {
      let q = run.to;
      if (escapes) {
        while (q < to && !isDelimiter(region, q)) q += region[q] === 0x5c ? 2 : 1;
        q = Math.min(q, len);
      } else {
        while (q < to && URL_RUN[region[q]!] === 1) q++;
      }
      run.to = q;
      if (q < to || q === len) run.realEnd = q;
    }
    runSpan(region, role.decoder, t, run.realStart, run.realEnd);
    const start = SPAN[0]!;
    const end = SPAN[1]!;
    if (end <= t) return;
    const seg = this.segmentFor(role.decoder, start, end, 0, true, run.realStart);
    if (run.realEnd >= 0) seg.runEnd = run.realEnd;
    // The segment is the last one opened, so its triggers end the shared list.
    if (this.trigCount === this.trig.length) {
      const grown = new Int32Array(Math.max(1024, this.trig.length * 2));
      grown.set(this.trig);
      this.trig = grown;
    }
    this.trig[this.trigCount++] = t;
    seg.count++;
  }

  /**
   * The segment a span [start, end) goes into: the decoder's last segment,
   * extended, when the span starts inside it or where it ends, with the same
   * phase; else a new one at the end of the buffer.
   */
  private segmentFor(decoder: number, start: number, end: number, phase: number, littleEndian: boolean, runStart = -1): Segment {
    const last = this.segments[this.segments.length - 1];
    if (last !== undefined && last.decoder === decoder && last.phase === phase && start >= last.oStart && start <= last.oEnd) {
      if (end > last.oEnd) this.decode(last, last.oEnd, end);
      return last;
    }
    const encoding: Encoding =
      decoder === BASE64 ? 'base64' : decoder === UTF16 ? (littleEndian ? 'utf-16le' : 'utf-16be') : decoder === PERCENT ? 'percent' : 'json-escape';
    const seg: Segment = {
      decoder,
      encoding,
      dStart: this.at,
      dEnd: this.at,
      oStart: start,
      oEnd: start,
      phase,
      littleEndian,
      originAt: this.originAt,
      anchors: [],
      spans: [],
      runStart,
      runEnd: -1,
      trigFrom: this.trigCount,
      count: 0,
    };
    this.segments.push(seg);
    this.decode(seg, start, end);
    return seg;
  }

  /** Decodes region bytes [from, to) onto the end of `seg`, the buffer's last segment, and ends the buffer with a separator. */
  private decode(seg: Segment, from: number, to: number): void {
    const region = this.region;
    const n = to - from;
    // Drop the separator after the segment; decode; put one back.
    this.at = seg.dEnd;
    this.reserve(n + 1);
    let wrote: number;
    if (seg.decoder === BASE64) {
      wrote = decodeBase64Into(region, from, to, this.out, this.at);
      if (seg.encoding === 'base64' && hasUrlAlphabet(region, from, to)) (seg as { encoding: Encoding }).encoding = 'base64url';
    } else if (seg.decoder === UTF16) {
      wrote = utf16Into(region, from, to, seg.littleEndian, this.out, this.at);
    } else {
      this.reserveOrigin(n);
      const decodeRun = seg.decoder === PERCENT ? decodePercentInto : decodeEscapesInto;
      wrote = decodeRun(region, from, to, this.out, this.at, this.origin, this.originAt);
      this.originAt += wrote;
    }
    this.at += wrote;
    seg.dEnd = this.at;
    seg.oEnd = to;
    this.put(SEPARATOR);
    this.counters.spanBytes[seg.decoder]! += n;
    this.counters.decodedBytes[seg.decoder]! += wrote;
  }

  // ---- keep rules and mapping -------------------------------------------------------------

  private segmentOf(d: number): Segment | undefined {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segs[mid]!;
      if (d < s.dStart) hi = mid - 1;
      else if (d >= s.dEnd) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  private keep(seg: Segment, d: number, start: number, end: number): boolean {
    const plan = this.plan;
    // Inside the window of a keyword this span was decoded for (base64, UTF-16), for one of that keyword's detectors.
    const own = plan.detectorKeywords[d]!;
    const s = start - seg.dStart;
    const e = end - seg.dStart;
    const anchors = seg.anchors;
    // Anchors come in increasing order: the first that could hold [s, e) is at e - windowAfter or later.
    let first = 0;
    let last = anchors.length >> 1;
    while (first < last) {
      const mid = (first + last) >> 1;
      if (anchors[2 * mid]! < e - plan.windowAfter[d]!) first = mid + 1;
      else last = mid;
    }
    for (let i = 2 * first; i < anchors.length && anchors[i]! <= s + plan.windowBefore[d]!; i += 2) {
      if (own.has(anchors[i + 1]!)) return true;
    }
    // Or inside one trigger's span, with the detector's reach to spare on a side where a cap cut the span.
    const margin = plan.margin[d]!;
    const os = this.originalStart(seg, start);
    const oe = this.originalEnd(seg, end);
    for (let i = 0; i < seg.spans.length; i += 4) {
      if (this.inSpan(seg, start, end, os, oe, margin, seg.spans[i]!, seg.spans[i + 1]!, seg.spans[i + 2] === 1, seg.spans[i + 3] === 1)) return true;
    }
    // A trigger's span holds [os, oe) only if the trigger is within CAP of it.
    const tr = this.trig;
    const end0 = seg.trigFrom + seg.count;
    let lo = seg.trigFrom;
    let hi = end0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tr[mid]! < oe - CAP) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < end0 && tr[i]! <= os + CAP; i++) {
      const t = tr[i]!;
      runSpan(this.region, seg.decoder, t, seg.runStart, seg.runEnd);
      const a = SPAN[0]!;
      const b = SPAN[1]!;
      if (this.inSpan(seg, start, end, os, oe, margin, a, b, a === seg.runStart, b === seg.runEnd)) return true;
    }
    return false;
  }

  /** Whether a match (decoded [start, end), region [os, oe)) lies in span [a, b), with `margin` decoded bytes to spare at a cut edge. */
  private inSpan(seg: Segment, start: number, end: number, os: number, oe: number, margin: number, a: number, b: number, leftReal: boolean, rightReal: boolean): boolean {
    if (os < a || oe > b) return false;
    return (leftReal || start - margin >= this.decodedAt(seg, a)) && (rightReal || end + margin <= this.decodedAt(seg, b));
  }

  /** Decoded offset of the first byte decoded from region offset `o` or later (percent, escapes). */
  private decodedAt(seg: Segment, o: number): number {
    if (seg.decoder === BASE64) return seg.dStart + Math.floor(((o - seg.oStart) * 3) / 4);
    let lo = seg.dStart;
    let hi = seg.dEnd;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.origin[seg.originAt + mid - seg.dStart]! < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private originalStart(seg: Segment, d: number): number {
    const i = d - seg.dStart;
    if (seg.decoder === BASE64) return seg.oStart + Math.floor((4 * i) / 3);
    if (seg.decoder === UTF16) return seg.oStart + 2 * i - (seg.littleEndian ? 0 : 1);
    return this.origin[seg.originAt + i]!;
  }

  private originalEnd(seg: Segment, d: number): number {
    const i = d - seg.dStart;
    if (seg.decoder === BASE64) return Math.min(seg.oEnd, seg.oStart + Math.ceil((4 * i) / 3));
    if (seg.decoder === UTF16) return seg.oStart + 2 * i - (seg.littleEndian ? 0 : 1);
    return d < seg.dEnd ? this.origin[seg.originAt + i]! : seg.oEnd;
  }

  private put(byte: number): void {
    this.reserve(1);
    this.out[this.at++] = byte;
  }

  private reserve(n: number): void {
    if (this.at + n <= this.out.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.at + n, this.out.length * 2, 4096));
    this.out.copy(grown, 0, 0, this.at);
    this.out = grown;
  }

  private reserveOrigin(n: number): void {
    if (this.originAt + n <= this.origin.length) return;
    const grown = new Int32Array(Math.max(this.originAt + n, this.origin.length * 2, 4096));
    grown.set(this.origin.subarray(0, this.originAt));
    this.origin = grown;
  }
}


/** Sorts [key, value] pairs by key (hits arrive by end offset, so keys of different lengths may be out of order). */
function sortPairs(pairs: number[]): void {
  let sorted = true;
  for (let i = 2; i < pairs.length && sorted; i += 2) sorted = pairs[i - 2]! <= pairs[i]!;
  if (sorted) return;
  const order = Array.from({ length: pairs.length >> 1 }, (_, i) => i).sort((a, b) => pairs[2 * a]! - pairs[2 * b]! || pairs[2 * a + 1]! - pairs[2 * b + 1]!);
  const copy = pairs.slice();
  order.forEach((from, to) => {
    pairs[2 * to] = copy[2 * from]!;
    pairs[2 * to + 1] = copy[2 * from + 1]!;
  });
}
const EMPTY = Buffer.alloc(0);

/**
 * The span of a percent or escape trigger at t: its run, cut CAP bytes from
 * t where the run is longer (runStart and runEnd: the run's real edges, -1
 * where out of reach), into SPAN. A cut edge never splits an escape, so
 * decoding from it gives the bytes any longer span gives there.
 */
function runSpan(region: Uint8Array, decoder: number, t: number, runStart: number, runEnd: number): void {
  const from = Math.max(0, t - CAP);
  const to = Math.min(region.length, t + CAP);
  const escapes = decoder === ESCAPE;
  const start = runStart >= from ? runStart : escapes ? escapeBoundaryBefore(region, from) : percentBoundaryBefore(region, from);
  SPAN[0] = start;
  SPAN[1] = runEnd >= 0 && runEnd <= to ? runEnd : Math.min(region.length, escapes ? escapeBoundaryAfter(region, to) : percentBoundaryAfter(region, to));
}
/** runSpan's answer, [start, end): no array per call on the hot path. */
const SPAN = new Int32Array(2);

const ENCODING_NAME: Readonly<Record<Encoding, string>> = {
  base64: 'base64',
  base64url: 'base64url',
  percent: 'percent-encoding',
  'json-escape': 'JSON/JavaScript string escapes',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

/** Bytes between a context keyword and its value: `": \"` or `: Basic `. */
const CONTEXT_GAP = 24;
/** A shorter value holds no token. */
const CONTEXT_MIN = 16;

/** The bytes contextValue skips between `authorization` and `basic`. */
const BASIC_GAP = ' \t\\"\':=,';

/**
 * What must follow a hit of a trigger keyword for handling it to find
 * anything, for the native prefilter to apply (it leaves out hits for which
 * it does not hold): for `authorization`, whose only role is CTX_BASIC, a `b`
 * or `B` after nothing but the bytes contextValue skips, within CONTEXT_GAP.
 * `authorization` is a common word in source text (600 hits per 64 MB), and
 * nearly none is a Basic header. Undefined for other triggers.
 */
export function triggerRequirement(roles: readonly TriggerRole[]): KeywordRequirement | undefined {
  if (roles.length === 0 || roles.some((r) => r.check !== CTX_BASIC || r.decoder !== BASE64)) return undefined;
  const anyOf = new Uint8Array(256);
  anyOf[0x42] = anyOf[0x62] = 1;
  const over = new Uint8Array(256);
  for (let i = 0; i < BASIC_GAP.length; i++) over[BASIC_GAP.charCodeAt(i)] = 1;
  return { anyOf, over, within: CONTEXT_GAP };
}

/** Where the base64 value after a context keyword (ending at `at`) starts, or -1. */
function contextValue(region: Uint8Array, at: number, check: number): number {
  const end = Math.min(region.length, at + CONTEXT_GAP);
  let i = at;
  const blank = (b: number | undefined): boolean => b === 0x20 || b === 0x09;
  if (check === CTX_AUTH) {
    while (i < end && blank(region[i])) i++;
    if (region[i] !== 0x3a) return -1;
    i++;
    while (i < end && blank(region[i])) i++;
    if (region[i] === 0x5c) i++;
    if (region[i] !== 0x22) return -1;
    return i + 1 < end ? i + 1 : -1;
  }
  // `Authorization: Basic`, `"Authorization": "Basic`, `AUTHORIZATION: basic` (git http.extraheader).
  for (let b = region[i]; i < end && (blank(b) || b === 0x5c || b === 0x22 || b === 0x27 || b === 0x3a || b === 0x3d || b === 0x2c); b = region[++i]);
  if (i + 6 > end) return -1;
  // "basic" in any case, then a blank.
  if ((region[i]! | 0x20) !== 0x62 || (region[i + 1]! | 0x20) !== 0x61 || (region[i + 2]! | 0x20) !== 0x73 || (region[i + 3]! | 0x20) !== 0x69 || (region[i + 4]! | 0x20) !== 0x63) return -1;
  if (!blank(region[i + 5])) return -1;
  i += 6;
  while (i < end && blank(region[i])) i++;
  return i < end ? i : -1;
}

/** Whether base64 characters from group start g decode to `keyword` at byte offset `align`. */
function base64Holds(region: Uint8Array, g: number, align: number, keyword: Uint8Array): boolean {
  const end = align + keyword.length;
  let acc = 0;
  let bits = 0;
  let byte = 0;
  for (let c = g; byte < end; c++) {
    if (c >= region.length) return false;
    const v = BASE64_VALUE[region[c]!]!;
    if (v < 0) return false;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const b = (acc >> bits) & 0xff;
      if (byte >= align && b !== keyword[byte - align]) return false;
      byte++;
    }
  }
  return true;
}

function hasUrlAlphabet(region: Uint8Array, from: number, to: number): boolean {
  let url = false;
  for (let i = from; i < to; i++) {
    const b = region[i]!;
    if (b === 0x2b || b === 0x2f) return false;
    if (b === 0x2d || b === 0x5f) url = true;
  }
  return url;
}

/** Backslashes right before `at` (up to LOOKBACK): odd means the byte at `at` is escaped. */
function backslashesBefore(region: Uint8Array, at: number): number {
  let n = 0;
  for (let i = at - 1; i >= 0 && n < LOOKBACK && region[i] === 0x5c; i--) n++;
  return n;
}

/** Ends a string literal's run: an unescaped quote or backtick, or a line break. */
function isDelimiter(region: Uint8Array, at: number): boolean {
  const b = region[at]!;
  if (b === 0x0a || b === 0x0d) return true;
  if (b !== 0x22 && b !== 0x27 && b !== 0x60) return false;
  return (backslashesBefore(region, at) & 1) === 0;
}

/** Length of the escape starting at `at` (a backslash): `\uXXXX` 6, `\xXX` 4, others 2. */
function escapeLength(region: Uint8Array, at: number): number {
  const c = region[at + 1];
  if (c === 0x75 && at + 5 < region.length && HEX_VALUE[region[at + 2]!]! >= 0 && HEX_VALUE[region[at + 3]!]! >= 0 && HEX_VALUE[region[at + 4]!]! >= 0 && HEX_VALUE[region[at + 5]!]! >= 0) {
    return 6;
  }
  if (c === 0x78 && at + 3 < region.length && HEX_VALUE[region[at + 2]!]! >= 0 && HEX_VALUE[region[at + 3]!]! >= 0) return 4;
  return 2;
}

/** The escape (if any) that covers `at`, as [start, end), judged by the backslashes before it. */
function escapeAround(region: Uint8Array, at: number): [number, number] | null {
  for (let s = at - 1; s >= 0 && s >= at - 5; s--) {
    if (region[s] !== 0x5c || (backslashesBefore(region, s) & 1) === 1) continue;
    const e = s + escapeLength(region, s);
    return e > at ? [s, e] : null;
  }
  return null;
}

/** `at`, or the start of the escape it is inside. */
function escapeBoundaryBefore(region: Uint8Array, at: number): number {
  return escapeAround(region, at)?.[0] ?? at;
}

/** `at`, or the end of the escape it is inside. */
function escapeBoundaryAfter(region: Uint8Array, at: number): number {
  return escapeAround(region, at)?.[1] ?? at;
}

function percentAround(region: Uint8Array, at: number): number {
  for (let s = at - 1; s >= 0 && s >= at - 2; s--) {
    if (region[s] === 0x25 && s + 2 < region.length && HEX_VALUE[region[s + 1]!]! >= 0 && HEX_VALUE[region[s + 2]!]! >= 0) return s;
  }
  return -1;
}

function percentBoundaryBefore(region: Uint8Array, at: number): number {
  const s = percentAround(region, at);
  return s >= 0 ? s : at;
}

function percentBoundaryAfter(region: Uint8Array, at: number): number {
  const s = percentAround(region, at);
  return s >= 0 ? s + 3 : at;
}

/** Whether region bytes [from, to) are all inside one run of the decoder's (URL bytes; no string delimiter). */
function sameRun(region: Uint8Array, decoder: number, from: number, to: number): boolean {
  if (from < 0) return false;
  for (let i = from; i < to; i++) {
    if (decoder === PERCENT ? URL_RUN[region[i]!] !== 1 : isDelimiter(region, i)) return false;
  }
  return true;
}

/** Whether an escape trigger at t is worth a span: an escaped printable byte, or a backslash in a detector's window. */
function escapeWorthIt(region: Uint8Array, role: TriggerRole, t: number): boolean {
  switch (role.check) {
    case ESC_U:
    case ESC_X: {
      const at = role.check === ESC_U ? t + 4 : t + 2;
      if (at + 1 >= region.length) return false;
      const hi = HEX_VALUE[region[at]!]!;
      const lo = HEX_VALUE[region[at + 1]!]!;
      const v = (hi << 4) | lo;
      return hi >= 0 && lo >= 0 && v > 0x20 && v < 0x7f && (backslashesBefore(region, t) & 1) === 0;
    }
    case ESC_WINDOW: {
      // An escaped `/` (or `\u`, `\x`) near the keyword: in base64-like tokens a `/` comes every 32 characters on average.
      const to = Math.min(region.length - 1, t + role.length + Math.min(role.after, WINDOW_LOOK));
      for (let i = Math.max(0, t - Math.min(role.before, WINDOW_LOOK)); i < to; i++) {
        if (region[i] !== 0x5c) continue;
        const c = region[i + 1];
        if (c === 0x2f || c === 0x75 || c === 0x78) return true;
      }
      return false;
    }
    default:
      return true;
  }
}
