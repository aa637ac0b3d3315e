import type { Candidate, Detector, Match, Verdict } from '../types.js';
import { buildPrefilter, type KeywordSpec, type Prefilter } from './prefilter.js';
import { compilePattern, type CompiledPattern, type CompileOptions, type PatternMatch } from './re2-pattern.js';
import { byteClass } from './char-class.js';
import { jsTwin, leadingLiterals, openingLiterals, type LeadingLiteral } from './js-fast-reject.js';
import { countByte } from './count-byte.js';
import { placeholderJudge, type PlaceholderJudge } from '../builders/placeholder-token.js';
import { buildDecodePlan, DecodedScan, newDecodeCounters, triggerRequirement, type DecodeCounters, type DecodePlan, type InnerScan } from './decoded-scan.js';

/**
 * The scanning engine: keyword prefilter over all detectors at once, RE2 on a
 * bounded window around each hit, boundary check on the real neighbour bytes,
 * then the detector's validator. Pure: same bytes in, same matches out.
 *
 * Works on bytes. Windows are decoded as latin1 so every byte is one code
 * point: offsets from RE2 are byte offsets, NUL and non-UTF-8 bytes are
 * harmless, and a token inside a binary blob is still found. Unless
 * EngineOptions.decode is off, it also looks in decoded forms of the bytes
 * (base64, percent-encoding, string escapes, UTF-16; decoded-scan.ts).
 */
export interface Engine {
  readonly detectors: readonly Detector[];
  /**
   * Whether secrets are also looked for in decoded forms of the bytes
   * (EngineOptions.decode; only identifiable detectors scan decoded bytes, so
   * an engine without one never decodes).
   */
  readonly decode: boolean;
  /** Bytes a stream must carry from one chunk to the next so no match is cut. */
  readonly overlap: number;
  /** Scans one complete buffer. */
  scan(buf: Uint8Array): Match[];
  /** Scans a byte stream delivered in chunks of any size, with bounded memory. */
  stream(): MatchStream;
}

export interface MatchStream {
  /** Feeds the next chunk; returns matches that are now final. */
  push(chunk: Uint8Array): Match[];
  /** Ends the stream; returns the remaining matches. */
  end(): Match[];
  /** Bytes consumed so far. */
  readonly bytes: number;
}

interface PreparedDetector {
  readonly detector: Detector;
  readonly index: number;
  /** The detector's validator followed, for identifiable formats, by the shared placeholder judgment. */
  readonly validate: ((candidate: Candidate) => Verdict | null) | undefined;
  readonly alphabet: Uint8Array | null;
  /** `requires`, compiled: byte tables and the reach after the keyword. */
  readonly requireAny: Uint8Array | null;
  readonly requireOver: Uint8Array | null;
  readonly requireWithin: number;
  readonly companionAlphabet: Uint8Array | null;
  readonly reachBefore: number;
  readonly reachAfter: number;
  pattern: CompiledPattern | null;
  companion: CompiledPattern | null;
  /**
   * ownKeyword[k] = 1 when keyword spec k is one of this detector's keywords;
   * made at the first hit that needs it (a hook's engine must not pay a
   * keyword-sized array per detector before it scans).
   */
  ownKeyword: Uint8Array | undefined;
  /**
   * Whether every match of the pattern's twin starts at one of this
   * detector's keyword hits (decided when the pattern is compiled): then the
   * twin is tried only at the hits inside a window (mayMatchAtHits).
   */
  hitAnchored: boolean | undefined;
}

const HIGH: Verdict = { confidence: 'high', reason: 'format match' };

/**
 * The validator the engine runs: the detector's own, then, for an
 * identifiable format that says where its random characters are, the shared
 * placeholder judgment (placeholder-token.ts), built on first use so an
 * engine made for a hook run pays nothing for formats its push never shows.
 */
function judgedValidator(detector: Detector): ((candidate: Candidate) => Verdict | null) | undefined {
  const random = detector.tier === 'identifiable' ? detector.randomPart : undefined;
  const own = detector.validate;
  if (random === undefined) return own;
  let judge: PlaceholderJudge | undefined;
  return (candidate) => {
    const verdict = own ? own(candidate) : HIGH;
    if (verdict === null) return null;
    const part = random.of(candidate.secret, candidate.groups);
    if (part === null) return verdict;
    judge ??= placeholderJudge(random);
    return judge.reason(part) === null ? verdict : null;
  };
}

export interface EngineOptions {
  /**
   * The shortcuts around RE2 (default on): each pattern's JavaScript twin
   * rejects windows first (js-fast-reject.ts), and groups are extracted only
   * for matches a keyword hit can use, once per match (see Stream.tried). Off,
   * RE2 extracts every match of every window: the reference the tests
   * compare against.
   */
  readonly fastPaths?: boolean;
  /**
   * Also find secrets in decoded forms of the bytes (default on): base64,
   * percent-encoding, JSON/JavaScript string escapes and UTF-16, one level
   * deep, reported at the encoded bytes with `Match.encoding` set
   * (decoded-scan.ts). Off: only the bytes as they are.
   */
  readonly decode?: boolean;
}

/** What a Stream scans with: an engine's detectors, keywords and prefilter. */
interface Core {
  readonly prepared: PreparedDetector[];
  readonly prefilter: Prefilter;
  readonly keywordOwners: number[][];
  readonly keywordLength: number[];
  readonly overlap: number;
  readonly compileOptions: CompileOptions;
  /**
   * Per keyword, filled at its first hit: the bytes that, just before a hit,
   * mean no owner can report a match from it (leftBound), or null.
   */
  readonly leftBounds: (Uint8Array | null | undefined)[];
  /** Decoded forms: the triggers' meaning, the plain core that scans decoded bytes, work counters. */
  readonly decode: { readonly plan: DecodePlan; readonly inner: () => Core; readonly counters: DecodeCounters } | null;
}

const counters = new WeakMap<Engine, DecodeCounters>();

/** The decoded scans' cumulative work counters of an engine (for tests of the cost bound); undefined without decoding. */
export function decodeCounters(engine: Engine): DecodeCounters | undefined {
  return counters.get(engine);
}

export function createEngine(detectors: readonly Detector[], options: EngineOptions = {}): Engine {
  const compileOptions: CompileOptions = { fastPaths: options.fastPaths !== false };
  // Detectors share a few dozen alphabets; one table each (never written after this) saves cold work per hook run.
  const tables = new Map<string, Uint8Array>();
  const table = (body: string, make: (body: string) => Uint8Array): Uint8Array => {
    const key = make === byteSet ? `s${body}` : `c${body}`;
    let t = tables.get(key);
    if (t === undefined) tables.set(key, (t = make(body)));
    return t;
  };
  const prepared: PreparedDetector[] = detectors.map((detector, index) => {
    const cw = detector.companion?.window ?? 0;
    return {
      detector,
      index,
      validate: judgedValidator(detector),
      alphabet: detector.alphabet ? table(detector.alphabet, byteClass) : null,
      requireAny: detector.requires ? table(detector.requires.anyOf, byteSet) : null,
      requireOver: detector.requires?.over !== undefined ? table(detector.requires.over, byteSet) : null,
      // Never past the window: a stream defers only hits whose window may reach past the region.
      requireWithin: Math.min(detector.requires?.within ?? 0, detector.window.after),
      companionAlphabet: detector.companion?.alphabet ? table(detector.companion.alphabet, byteClass) : null,
      reachBefore: detector.window.before + cw,
      reachAfter: detector.window.after + cw,
      pattern: null,
      companion: null,
      ownKeyword: undefined,
      hitAnchored: undefined,
    };
  });

  // Keywords shared by several detectors are searched once.
  const keywordSpecs: KeywordSpec[] = [];
  const keywordOwners: number[][] = [];
  const keywordLength: number[] = [];
  const seen = new Map<string, number>();
  // Indexed loops here and below: createEngine runs cold on every hook run, where each for-of
  // iteration allocates an iterator result (about 0.4 MB of the 2.4 MB it allocated).
  for (let d = 0; d < prepared.length; d++) {
    const p = prepared[d]!;
    const texts = p.detector.keywords;
    for (let t = 0; t < texts.length; t++) {
      const text = texts[t]!;
      const ignoreCase = p.detector.keywordsIgnoreCase === true;
      const key = `${ignoreCase ? 'i' : 's'}:${ignoreCase ? text.toLowerCase() : text}`;
      let k = seen.get(key);
      if (k === undefined) {
        k = keywordSpecs.length;
        seen.set(key, k);
        keywordSpecs.push({ text, ignoreCase });
        // A literal with the owner: pushing into `[]` reserves 17 slots.
        keywordOwners.push([p.index]);
        keywordLength.push(text.length);
      } else if (!keywordOwners[k]!.includes(p.index)) keywordOwners[k]!.push(p.index);
    }
  }
  const detectorKeywords = keywordSpecs.length;
  let plainOverlap = 0;
  for (let k = 0; k < detectorKeywords; k++) {
    const owners = keywordOwners[k]!;
    for (let o = 0; o < owners.length; o++) {
      const p = prepared[owners[o]!]!;
      plainOverlap = Math.max(plainOverlap, p.reachBefore + keywordLength[k]! + p.reachAfter + 2);
    }
  }
  const decode = options.decode !== false && detectors.some((d) => d.tier === 'identifiable');
  // Decoded matches are identifiable; the plain matches they are checked against share their families.
  const families = new Set(detectors.filter((d) => d.tier === 'identifiable').map((d) => d.family));
  let familyReach = 0;
  for (let k = 0; k < detectorKeywords; k++) {
    const owners = keywordOwners[k]!;
    for (let o = 0; o < owners.length; o++) {
      const p = prepared[owners[o]!]!;
      if (families.has(p.detector.family)) familyReach = Math.max(familyReach, p.reachBefore + keywordLength[k]! + p.reachAfter + 2);
    }
  }
  // Decoder triggers join the same keyword list (after the detectors'), so the one prefilter pass finds both.
  const plan = decode
    ? buildDecodePlan({
        detectors,
        keywordSpecs: keywordSpecs.slice(),
        keywordOwners: keywordOwners.map((o) => o.slice()),
        plainReach: familyReach,
        addKeyword(spec) {
          const key = `${spec.ignoreCase ? 'i' : 's'}:${spec.ignoreCase ? spec.text.toLowerCase() : spec.text}`;
          let k = seen.get(key);
          if (k === undefined) {
            k = keywordSpecs.length;
            seen.set(key, k);
            keywordSpecs.push({ text: spec.text, ignoreCase: spec.ignoreCase });
            keywordOwners.push([]);
            keywordLength.push(spec.text.length);
          }
          return k;
        },
      })
    : null;
  // Decided only when the native kernel is built (the only prefilter that applies requirements): translating
  // patterns' twins is not free, and a push hook's small scan never gets that far.
  let required: KeywordSpec[] | undefined;
  const withRequirements = (): KeywordSpec[] => (required ??= keywordRequirements(prepared, keywordSpecs, keywordOwners, plan));
  // Bytes this engine's prefilter has been given, for the decoded scan's own prefilter (buildPrefilter).
  let scanned = 0;
  const own = buildPrefilter(keywordSpecs, undefined, { withRequirements });
  const prefilter: Prefilter = {
    keywords: keywordSpecs,
    scan(buf, from, to, onHit) {
      scanned += to - from;
      own.scan(buf, from, to, onHit);
    },
  };
  let overlap = plainOverlap;
  let decodeCore: Core['decode'] = null;
  if (plan !== null) {
    // A trigger is handled once the region holds all its decoding may read, and every plain match its
    // decoded matches could duplicate (plan.reachAfter counts the plain reach).
    let longest = 0;
    plan.roles.forEach((roles, k) => {
      if (roles !== undefined) longest = Math.max(longest, keywordLength[k]!);
    });
    overlap = Math.max(overlap, plan.reachBefore + longest + plan.reachAfter + 2);
    // Decoded bytes are scanned by the plain engine's identifiable detectors: legacy heuristics read
    // structure into decoded text that the writer never meant (a URL password's `%40` becomes an `@`).
    let inner: Core | undefined;
    decodeCore = {
      plan,
      counters: newDecodeCounters(),
      inner: () => (inner ??= identifiableCore(prepared, keywordSpecs.slice(0, detectorKeywords), keywordOwners, keywordLength, compileOptions, () => scanned, withRequirements)),
    };
  }
  const core: Core = { prepared, prefilter, keywordOwners, keywordLength, overlap, compileOptions, leftBounds: [], decode: decodeCore };

  const engine: Engine = {
    detectors,
    decode,
    overlap,
    scan(buf) {
      return new Stream(core).whole(buf);
    },
    stream() {
      return new Stream(core);
    },
  };
  if (decodeCore !== null) counters.set(engine, decodeCore.counters);
  return engine;
}

/**
 * The engine's keywords, each with its detector's requirement where the
 * prefilter may apply it itself: when the keyword's only detector has one,
 * unless that detector may be hit-anchored (it must see every hit of its
 * keywords) or the keyword is also a decoder's trigger (every hit must reach
 * the decoded scan).
 */
function keywordRequirements(prepared: readonly PreparedDetector[], keywordSpecs: readonly KeywordSpec[], keywordOwners: readonly number[][], plan: DecodePlan | null): KeywordSpec[] {
  const anchorable = new Map<number, boolean>();
  return keywordSpecs.map((spec, k) => {
    const owners = keywordOwners[k]!;
    const roles = plan?.roles[k];
    if (owners.length === 0 && roles !== undefined) {
      // A trigger only: what its handling needs, where the decoded scan can say (triggerRequirement).
      const requires = triggerRequirement(roles);
      return requires === undefined ? spec : { ...spec, requires };
    }
    const only = owners.length === 1 ? prepared[owners[0]!]! : undefined;
    if (only === undefined || only.requireAny === null || roles !== undefined) return spec;
    let anchored = anchorable.get(only.index);
    if (anchored === undefined) anchorable.set(only.index, (anchored = mayBeHitAnchored(only.detector)));
    return anchored ? spec : { ...spec, requires: { anyOf: only.requireAny, over: only.requireOver, within: only.requireWithin } };
  });
}

/**
 * The plain core of an engine's identifiable detectors, sharing its prepared
 * detectors (compiled patterns) and keyword indexes: the prefilter searches
 * the keywords an identifiable detector owns and reports them by their
 * index in the engine's list.
 */
function identifiableCore(
  prepared: PreparedDetector[],
  keywords: readonly KeywordSpec[],
  owners: number[][],
  keywordLength: number[],
  compileOptions: CompileOptions,
  scannedElsewhere: () => number,
  withRequirements: () => readonly KeywordSpec[],
): Core {
  const keywordOwners = owners.map((o) => o.filter((d) => prepared[d]!.detector.tier === 'identifiable'));
  const index: number[] = [];
  const specs: KeywordSpec[] = [];
  keywords.forEach((spec, k) => {
    if (keywordOwners[k]!.length === 0) return;
    index.push(k);
    specs.push(spec);
  });
  const own = buildPrefilter(specs, undefined, { scannedElsewhere, withRequirements: () => index.map((k) => withRequirements()[k]!) });
  const prefilter: Prefilter = {
    keywords: specs,
    scan: (buf, from, to, onHit) => own.scan(buf, from, to, (k, start) => onHit(index[k]!, start)),
  };
  let overlap = 0;
  keywordOwners.forEach((ds, k) => {
    for (const d of ds) overlap = Math.max(overlap, prepared[d]!.reachBefore + keywordLength[k]! + prepared[d]!.reachAfter + 2);
  });
  return { prepared, prefilter, keywordOwners, keywordLength, overlap, compileOptions, leftBounds: [], decode: null };
}

/** own[k] = 1 for the keywords detector d owns (the same in an engine's core and its identifiable core). */
function ownKeywords(d: number, keywordOwners: readonly (readonly number[])[]): Uint8Array {
  const own = new Uint8Array(keywordOwners.length);
  for (let k = 0; k < keywordOwners.length; k++) if (keywordOwners[k]!.includes(d)) own[k] = 1;
  return own;
}

function asBuffer(u8: Uint8Array): Buffer {
  return Buffer.isBuffer(u8) ? u8 : Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

class Stream implements MatchStream {
  /**
   * The carried tail, at the start of `work`, followed by the next chunk when
   * one arrives. One buffer reused for the whole stream: a new buffer per
   * chunk (Buffer.concat) cost more than the scan's confirmation stage,
   * mostly in page faults on fresh memory (45 ms per 64 MB in 1 MiB chunks).
   */
  private work: Buffer = Buffer.alloc(0);
  private carryLength = 0;
  /** Absolute offset of the carry's first byte. */
  private carryStart = 0;
  /** Absolute end of the previous region: hits whose window ended before it were handled then. */
  private handledUntil = -1;
  private consumed = 0;
  /** Lines counted up to absolute offset `linesAt` (exclusive), lazily. */
  private linesAt = 0;
  private lineCount = 0;
  private lastNewline = -1;
  private readonly emitted = new Map<string, number>();
  /**
   * Matches (detector, region offset, length) already handled in this region.
   * Keyword hits close together (`token` three times on a line) give
   * overlapping windows in which RE2 finds the same match again. Only matches
   * with at least one byte of window on each side are recorded and skipped:
   * RE2's groups for a span depend only on the span and the bytes right
   * next to it (for `\b`, `^`, `$`), so a second window gives the same groups,
   * and the boundary check and validator are pure, so the same outcome.
   */
  private readonly tried = new Set<string>();
  /**
   * Keyword hits of the region being scanned, (keyword, start) pairs; grown
   * as needed and reused. Small at first: most scans are of small texts
   * (paths, commit messages, ref names, one per object), where a 4 KB array
   * per scan was a tenth of a history scan's time in allocation and GC.
   */
  private pending = new Uint32Array(32);
  /** [start, end) pairs (absolute) of identifiable matches and their companions still within reach of later regions. */
  private readonly identifiableSpans: number[] = [];
  /** Where each match's companion value lies ([start, end), absolute), for the cross-tier dedup. */
  private readonly companionSpans = new WeakMap<Match, readonly [number, number]>();
  private readonly prepared: PreparedDetector[];
  private readonly prefilter: Prefilter;
  private readonly keywordOwners: number[][];
  private readonly keywordLength: number[];
  private readonly overlap: number;
  private readonly compileOptions: CompileOptions;
  /** The decoded scan's state for this stream, made at its first trigger hit. */
  private decoded: DecodedScan | null = null;
  /** Plain matches still within reach of later regions' decoded matches: family, and [start, end) absolute. */
  private readonly plainFamily: string[] = [];
  private readonly plainSpan: number[] = [];
  /**
   * The region offsets the current window may use: the whole region, or the
   * segment of a decoded buffer its keyword hit lies in (`segments`).
   */
  private segLo = 0;
  private segHi = 0;

  /**
   * `segments`: scan only inside these [start, end) pairs of the buffer
   * given to `whole`, each as if it were a text of its own (windows, boundary
   * checks and companions stay inside a hit's segment), for decoded bytes
   * laid end to end. Cross-tier dedup and line numbers are left to the scan
   * the decoded bytes came from.
   */
  constructor(
    private readonly core: Core,
    private readonly segments: Int32Array | null = null,
    /** Segment scans: whether a match (detector index, buffer offsets) is wanted, asked before its companion is looked for. */
    private readonly accept: ((detector: number, start: number, end: number) => boolean) | null = null,
    /** Segment scans: whether decoding changed a byte in [lo, hi); a window whose bytes it did not change is not tried. */
    private readonly changed: ((lo: number, hi: number) => boolean) | null = null,
  ) {
    this.prepared = core.prepared;
    this.prefilter = core.prefilter;
    this.keywordOwners = core.keywordOwners;
    this.keywordLength = core.keywordLength;
    this.overlap = core.overlap;
    this.compileOptions = core.compileOptions;
  }

  get bytes(): number {
    return this.consumed;
  }

  /** A complete input in one final pass (no carry, no second prefilter pass over a tail). */
  whole(buf: Uint8Array): Match[] {
    const region = asBuffer(buf);
    this.consumed = region.length;
    return this.scanRegion(region, true);
  }

  push(chunk: Uint8Array): Match[] {
    if (chunk.length === 0) return [];
    this.consumed += chunk.length;
    const length = this.carryLength + chunk.length;
    // The first chunk is scanned where it lies; later ones are appended to the carry in `work`.
    let region: Buffer;
    if (this.carryLength === 0) {
      region = asBuffer(chunk);
    } else {
      this.reserve(length);
      this.work.set(chunk, this.carryLength);
      region = this.work.subarray(0, length);
    }
    if (length < 2 * this.overlap) {
      // Scanning now would scan the carry again for few new bytes (quadratic in small chunks: the
      // overlap is tens of KB with key-file detectors); wait until a scan moves at least an overlap on.
      this.keep(region, 0);
      return [];
    }
    const matches = this.scanRegion(region, false);
    // Keep the tail; count the lines of what is dropped so later line numbers stay right.
    const dropped = length - Math.min(this.overlap, length);
    this.countLines(region, this.carryStart + dropped);
    this.keep(region, dropped);
    this.carryStart += dropped;
    return matches;
  }

  end(): Match[] {
    const matches = this.scanRegion(this.work.subarray(0, this.carryLength), true);
    this.carryLength = 0;
    return matches;
  }

  /** Makes `work` hold at least `bytes`, keeping the carry. */
  private reserve(bytes: number): void {
    if (this.work.length >= bytes) return;
    const grown = Buffer.allocUnsafe(Math.max(bytes, this.work.length * 2));
    this.work.copy(grown, 0, 0, this.carryLength);
    this.work = grown;
  }

  /** Carries `region[from..]` to the start of `work` (region may be `work` itself or a caller's chunk). */
  private keep(region: Buffer, from: number): void {
    const tail = region.length - from;
    if (region.buffer === this.work.buffer && region.byteOffset === this.work.byteOffset) {
      this.work.copyWithin(0, from, region.length);
    } else {
      this.carryLength = 0;
      this.reserve(tail);
      region.copy(this.work, 0, from, region.length);
    }
    this.carryLength = tail;
  }

  /** Advances the line counter to absolute offset `to` using bytes of `region`. */
  private countLines(region: Buffer, to: number): void {
    const from = this.linesAt - this.carryStart;
    const end = to - this.carryStart;
    if (end > from) {
      const n = countByte(region, from, end, 10);
      if (n > 0) {
        this.lineCount += n;
        this.lastNewline = this.carryStart + region.lastIndexOf(10, end - 1);
      }
    }
    this.linesAt = to;
  }

  private scanRegion(region: Buffer, final: boolean): Match[] {
    const base = this.carryStart;
    const regionEnd = base + region.length;
    const handledUntil = this.handledUntil;
    const found: Match[] = [];
    const { prepared, keywordOwners, keywordLength } = this;
    const leftBounds = this.core.leftBounds;
    const fastPaths = this.compileOptions.fastPaths;
    // Hits are collected flat (keyword, start) first, then tried, so RE2 and validators never run inside the prefilter's scan.
    // A typed array kept across regions: Array.push cost about 10 ms per 64 MB of source (120,000 values), this about 1.
    let pending = this.pending;
    let count = 0;
    this.tried.clear();
    const segments = this.segments;
    let seg = 0;
    this.segLo = 0;
    this.segHi = region.length;
    const decode = this.core.decode;
    const roles = decode?.plan.roles;
    this.prefilter.scan(region, 0, region.length, (kw, start) => {
      if (count + 2 > pending.length) {
        const grown = new Uint32Array(pending.length * 2);
        grown.set(pending);
        pending = this.pending = grown;
      }
      pending[count++] = kw;
      pending[count++] = start;
    });
    for (let h = 0; h < count; h += 2) {
      const kw = pending[h]!;
      const start = pending[h + 1]!;
      const kwLen = keywordLength[kw]!;
      const kwAbs = base + start;
      if (segments !== null) {
        // Hits come by end offset, so their segments come in order.
        while (seg + 2 < segments.length && segments[seg + 1]! < start + kwLen) seg += 2;
        if (start < segments[seg]! || start + kwLen > segments[seg + 1]!) continue;
        this.segLo = segments[seg]!;
        this.segHi = segments[seg + 1]!;
      }
      const owners = keywordOwners[kw]!;
      let bound = leftBounds[kw];
      if (bound === undefined) bound = leftBounds[kw] = fastPaths ? leftBound(owners.map((d) => prepared[d]!)) : null;
      // Inside a longer run of every owner's alphabet: no owner reports a match this hit's windows could find.
      const inRun = bound !== null && start > this.segLo && bound[region[start - 1]!] === 1 && !afterEscape(region, start) && !(start >= 3 && region[start - 3] === 0x25);
      for (let o = inRun ? owners.length : 0; o < owners.length; o++) {
        const p = prepared[owners[o]!]!;
        const reachEnd = kwAbs + kwLen + p.reachAfter;
        // Not final and the window could run past the region: the next region sees it whole.
        if (!final && reachEnd + 1 >= regionEnd) continue;
        if (reachEnd + 1 < handledUntil) continue;
        // Bytes a decoder passed through unchanged were scanned as they are already, with the same outcome.
        if (this.changed !== null && !this.changed(Math.max(this.segLo, start - p.reachBefore - 1), Math.min(this.segHi, start + kwLen + p.reachAfter + 1))) continue;
        if (p.requireAny !== null && !requirementHolds(p, region, start + kwLen, this.segHi)) continue;
        this.tryWindow(p, region, base, start, kwLen, found, pending, count, h);
      }
      const triggers = roles?.[kw];
      if (triggers !== undefined) {
        for (const role of triggers) {
          // Like a window: handled in the first region that holds all it reaches, and only there.
          const reachEnd = kwAbs + kwLen + role.reachAfter;
          if (!final && reachEnd + 1 >= regionEnd) continue;
          if (reachEnd + 1 < handledUntil) continue;
          (this.decoded ??= this.newDecodedScan()).add(role, region, start, kwAbs);
        }
      }
    }
    if (segments !== null) {
      found.sort((a, b) => a.start - b.start || (a.detector.id < b.detector.id ? -1 : a.detector.id > b.detector.id ? 1 : 0));
      return found;
    }
    this.dropShadowedLegacy(found, base);
    // After the cross-tier dedup: a decoded match is found later than the plain legacy matches over the
    // same bytes (its trigger waits for more of the stream), so in a stream it could not take one back.
    if (decode !== null) this.addDecoded(region, base, found, decode.plan);
    this.handledUntil = final ? Infinity : regionEnd;
    // Drop dedup entries that can no longer recur.
    for (const [key, at] of this.emitted) if (at < base) this.emitted.delete(key);
    found.sort((a, b) => a.start - b.start || (a.detector.id < b.detector.id ? -1 : a.detector.id > b.detector.id ? 1 : 0));
    this.assignLines(region, found);
    return found;
  }

  private newDecodedScan(): DecodedScan {
    const decode = this.core.decode!;
    const inner: InnerScan = (buf, segments, accept, changed) => new Stream(decode.inner(), segments, accept, changed).whole(buf);
    return new DecodedScan(decode.plan, inner, decode.counters);
  }

  /**
   * Adds the region's decoded matches to its plain ones: not one that
   * overlaps a plain match of its detector's family (the plain one says it,
   * at the same secret's fingerprint), nor one already emitted.
   */
  private addDecoded(region: Buffer, base: number, found: Match[], plan: DecodePlan): void {
    const families = this.plainFamily;
    const spans = this.plainSpan;
    let w = 0;
    for (let r = 0; r < families.length; r++) {
      if (spans[2 * r + 1]! <= base) continue;
      families[w] = families[r]!;
      spans[2 * w] = spans[2 * r]!;
      spans[2 * w + 1] = spans[2 * r + 1]!;
      w++;
    }
    families.length = w;
    spans.length = 2 * w;
    for (const m of found) {
      families.push(m.detector.family);
      spans.push(m.start, m.end);
    }
    if (this.decoded === null || !this.decoded.pending) return;
    const plain = (family: string, start: number, end: number): boolean => {
      for (let i = 0; i < families.length; i++) if (families[i] === family && start < spans[2 * i + 1]! && spans[2 * i]! < end) return true;
      return false;
    };
    for (const m of this.decoded.finish(region, base, plain)) {
      const key = `${plan.detectorIndex.get(m.detector)!}:${m.start}`;
      if (this.emitted.has(key)) continue;
      this.emitted.set(key, m.start);
      found.push(m);
    }
  }

  /** `hits[h]` is this window's keyword hit, among the region's `count` hit values (see scanRegion). */
  private tryWindow(p: PreparedDetector, region: Buffer, base: number, kwStart: number, kwLen: number, out: Match[], hits: Uint32Array, count: number, h: number): void {
    const d = p.detector;
    const from = Math.max(this.segLo, kwStart - d.window.before);
    const to = Math.min(this.segHi, kwStart + kwLen + d.window.after);
    p.pattern ??= compilePattern(d.id, d.pattern, this.compileOptions);
    p.hitAnchored ??= startsAtOwnKeywords(d, p.pattern.leadingLiterals);
    const text = region.toString('latin1', from, to);
    const may = p.hitAnchored ? mayMatchAtHits(p.pattern, text, from, to, { hits, count, h, own: (p.ownKeyword ??= ownKeywords(p.index, this.keywordOwners)), keywordLength: this.keywordLength }) : p.pattern.mayMatch(text);
    if (!may) return;
    if (p.pattern.exact !== null) {
      const matches = promisingMatches(p, p.pattern.exact, region, text, from, kwStart, kwLen, this.accept);
      if (matches.length === 0) return;
      if (this.confirmTwinMatches(p, p.pattern, region, base, from, to, matches, kwStart, kwLen, out)) return;
      // RE2 disagreed (never seen; it would mean the twin is not exact): RE2 on the whole window, as without a twin.
    }
    const tried = this.tried;
    // Groups are extracted only for matches this hit can use: one that contains the hit,
    // and that no other hit's window already produced from the same context (see `tried`).
    const want = (index: number, length: number): boolean => {
      const matchStart = from + index;
      if (kwStart < matchStart || kwStart + kwLen > matchStart + length) return false;
      if (index === 0 || index + length >= text.length) return true;
      const key = `${p.index}:${matchStart}:${length}`;
      if (tried.has(key)) return false;
      tried.add(key);
      return true;
    };
    for (const m of p.pattern.matchAll(text, want)) this.consider(p, region, base, from, m, kwStart, kwLen, out);
  }

  /**
   * RE2 confirms each match the exact twin found: a search without groups on
   * the match and one byte of context either side (what `\b` looks at) must
   * find it at the same start with the same length (paths that end there see
   * the same bytes as in the window, so it is the match RE2 finds in the
   * window). The groups are the twin's, which are RE2's (re2-pattern.ts).
   * RE2's cost grows with the text and is far higher with groups: this keeps
   * it to microseconds per finding. False when a match is not confirmed as is.
   */
  private confirmTwinMatches(
    p: PreparedDetector,
    pattern: CompiledPattern,
    region: Buffer,
    base: number,
    windowFrom: number,
    windowEnd: number,
    matches: readonly PromisingMatch[],
    kwStart: number,
    kwLen: number,
    out: Match[],
  ): boolean {
    if (!pattern.twinIsRe2) {
      for (const { match: m } of matches) {
        const start = windowFrom + m.index;
        const length = m[0].length;
        // The window's own edges stay edges (`^`, `$` and `\b` treat them as the ends of the text).
        const subFrom = start > windowFrom ? start - 1 : start;
        const subTo = Math.min(windowEnd, start + length + 1);
        if (!pattern.confirm(region.toString('latin1', subFrom, subTo), start - subFrom, length)) return false;
      }
    }
    for (const { match, verdict } of matches) this.consider(p, region, base, windowFrom, pattern.twinMatch(match), kwStart, kwLen, out, verdict);
    return true;
  }

  /**
   * One RE2 match (offsets relative to `from`): checks, validator (unless its
   * verdict on this match is known), then a finding unless already emitted.
   */
  private consider(p: PreparedDetector, region: Buffer, base: number, from: number, m: PatternMatch, kwStart: number, kwLen: number, out: Match[], known?: Verdict): void {
    const d = p.detector;
    const secret = m.groups['secret'] ?? m.text;
    if (secret.length === 0) return;
    const start = from + m.index + (m.secretOffset ?? 0);
    const end = start + secret.length;
    // A match that does not contain this keyword hit belongs to another hit (whose window sees it whole).
    const matchStart = from + m.index;
    if (kwStart < matchStart || kwStart + kwLen > matchStart + m.text.length) return;
    if (p.alphabet && !isolated(region, start, end, p.alphabet)) return;
    const key = `${p.index}:${base + start}`;
    if (this.emitted.has(key)) return;
    const candidate: Candidate = { secret, groups: m.groups, matchText: m.text };
    const verdict = known !== undefined ? known : p.validate ? p.validate(candidate) : HIGH;
    if (verdict === null) return;
    if (this.accept !== null && !this.accept(p.index, start, end)) return;
    const context: Record<string, string> = {};
    for (const [name, value] of Object.entries(m.groups)) {
      if (name !== 'secret' && value !== undefined) context[name] = value;
    }
    const companion = this.findCompanion(p, region, start, end);
    this.emitted.set(key, base + start);
    const match: Match = {
      detector: d,
      secret,
      start: base + start,
      end: base + end,
      line: 0,
      column: 0,
      confidence: verdict.confidence,
      reason: verdict.reason,
      context,
      ...(companion ? { companion: { name: companion.name, value: companion.value } } : {}),
    };
    if (companion) this.companionSpans.set(match, [base + companion.start, base + companion.end]);
    out.push(match);
  }

  /** The nearest valid companion of a match at [start, end) of `region`, with its offsets in `region`. */
  private findCompanion(p: PreparedDetector, region: Buffer, start: number, end: number): { name: string; value: string; start: number; end: number } | undefined {
    const spec = p.detector.companion;
    if (!spec) return undefined;
    p.companion ??= compilePattern(`${p.detector.id}/companion`, spec.pattern, this.compileOptions);
    const from = Math.max(this.segLo, start - spec.window);
    const to = Math.min(this.segHi, end + spec.window);
    const text = region.toString('latin1', from, to);
    let best: { value: string; distance: number; start: number; end: number } | undefined;
    for (const m of p.companion.matchAll(text)) {
      const value = m.groups['secret'] ?? m.text;
      const cs = from + m.index + (m.secretOffset ?? 0);
      const ce = cs + value.length;
      if (cs < end && ce > start) continue; // overlaps the primary secret
      if (p.companionAlphabet && !isolated(region, cs, ce, p.companionAlphabet)) continue;
      if (spec.validate && !spec.validate({ secret: value, groups: m.groups, matchText: m.text })) continue;
      const distance = cs >= end ? cs - end : start - ce;
      if (!best || distance < best.distance) best = { value, distance, start: cs, end: ce };
    }
    return best ? { name: spec.name, value: best.value, start: best.start, end: best.end } : undefined;
  }

  /**
   * Cross-tier dedup: a legacy match whose secret overlaps an identifiable
   * match's secret is the same credential seen by a heuristic (`token =
   * "ghp_..."`), and the identifiable finding says more, so the legacy one is
   * dropped. So is one over an identifiable match's companion: the AWS
   * secret access key beside its key id is part of the key's finding, not a
   * second finding (`aws_secret_access_key = ...` under the legacy
   * detector). Identifiable spans are remembered for a region's overlap so a
   * stream drops the same legacy matches as a whole-buffer scan when the two
   * land in different regions (a legacy match already returned for an earlier
   * chunk is not taken back; windows make that rare).
   */
  private dropShadowedLegacy(found: Match[], base: number): void {
    const spans = this.identifiableSpans;
    for (let i = 0; i < spans.length; ) {
      if (spans[i + 1]! <= base) spans.splice(i, 2);
      else i += 2;
    }
    for (const m of found) {
      if (m.detector.tier !== 'identifiable') continue;
      spans.push(m.start, m.end);
      const companion = this.companionSpans.get(m);
      if (companion !== undefined) spans.push(companion[0], companion[1]);
    }
    if (spans.length === 0) return;
    let w = 0;
    for (let r = 0; r < found.length; r++) {
      const m = found[r]!;
      let shadowed = false;
      if (m.detector.tier === 'legacy') {
        for (let i = 0; i < spans.length && !shadowed; i += 2) shadowed = m.start < spans[i + 1]! && spans[i]! < m.end;
      }
      if (!shadowed) found[w++] = m;
    }
    found.length = w;
  }

  /** Fills line/column for matches (sorted by start), counting newlines lazily. */
  private assignLines(region: Buffer, found: Match[]): void {
    if (found.length === 0) return;
    let lines = this.lineCount;
    let lastNl = this.lastNewline;
    let i = this.linesAt - this.carryStart;
    for (let k = 0; k < found.length; k++) {
      const m = found[k]!;
      const rel = m.start - this.carryStart;
      if (rel > i) {
        const n = countByte(region, i, rel, 10);
        if (n > 0) {
          lines += n;
          lastNl = this.carryStart + region.lastIndexOf(10, rel - 1);
        }
        i = rel;
      }
      found[k] = { ...m, line: lines + 1, column: m.start - lastNl };
    }
  }
}

/**
 * The matches of the exact JavaScript twin in this window that would become
 * findings: each holds the keyword hit, its secret is non-empty and
 * isolated, and the validator accepts it. The exact twin finds the same
 * matches and groups as RE2 (re2-pattern.ts), so where it finds none RE2 is
 * not asked at all, and where it finds some RE2 must confirm each one's
 * bounds before it is reported (confirmTwinMatches). This moves the cost of
 * `token: string`, `password = getPassword()` and the like from RE2 across
 * the WASM boundary (tens of microseconds per match) to V8 (about one).
 */
interface PromisingMatch {
  readonly match: RegExpExecArray;
  /** The validator's verdict, kept so a confirmed match is not validated twice. */
  readonly verdict: Verdict;
}

function promisingMatches(
  p: PreparedDetector,
  exact: RegExp,
  region: Buffer,
  text: string,
  from: number,
  kwStart: number,
  kwLen: number,
  accept: ((detector: number, start: number, end: number) => boolean) | null,
): PromisingMatch[] {
  const validate = p.validate;
  const promising: PromisingMatch[] = [];
  exact.lastIndex = 0;
  for (let m = exact.exec(text); m !== null; m = exact.exec(text)) {
    const whole = m[0];
    if (whole.length === 0) {
      exact.lastIndex = m.index + 1;
      continue;
    }
    const matchStart = from + m.index;
    // Matches come in order of start: none from here on can hold the hit.
    if (matchStart > kwStart) break;
    if (kwStart + kwLen > matchStart + whole.length) continue;
    const secret = m.groups?.['secret'] ?? whole;
    if (secret.length === 0) continue;
    const start = from + (m.indices?.groups?.['secret']?.[0] ?? m.index);
    if (p.alphabet && !isolated(region, start, start + secret.length, p.alphabet)) continue;
    // Decoded bytes: a match the decoded scan would drop costs no validation and no RE2 confirmation.
    if (accept !== null && !accept(p.index, start, start + secret.length)) continue;
    const verdict = validate ? validate({ secret, groups: { ...m.groups }, matchText: whole }) : HIGH;
    if (verdict === null) continue;
    promising.push({ match: m, verdict });
  }
  return promising;
}

/** A region's keyword hits as scanRegion holds them, and the one a window is for. */
export interface WindowHits {
  /** (keyword, start) pairs in the prefilter's order (by end offset); `count` values are used. */
  readonly hits: Uint32Array;
  readonly count: number;
  /** Index of the window's own hit in `hits`. */
  readonly h: number;
  /** own[k] = 1 for the detector's keywords. */
  readonly own: Uint8Array;
  readonly keywordLength: readonly number[];
}

/**
 * `pattern.mayMatch(text)` for a hit-anchored detector (startsAtOwnKeywords),
 * where `text` is the region's [from, to): the twin tried only where it can
 * start, at the detector's keyword hits inside the window, instead of at every
 * offset (about a tenth of the time for the generic detector's 424-byte
 * windows). Hits are in order of end offset, so those inside the window are a
 * run around `h`.
 */
export function mayMatchAtHits(pattern: CompiledPattern, text: string, from: number, to: number, w: WindowHits): boolean {
  const { hits, count, h, own, keywordLength } = w;
  const end = (i: number): number => hits[i + 1]! + keywordLength[hits[i]!]!;
  const tryAt = (i: number): boolean => {
    const start = hits[i + 1]!;
    return own[hits[i]!] === 1 && start >= from && end(i) <= to && pattern.mayMatchAt(text, start - from);
  };
  for (let i = h; i >= 0 && end(i) > from; i -= 2) if (tryAt(i)) return true;
  for (let i = h + 2; i < count && end(i) <= to; i += 2) if (tryAt(i)) return true;
  return false;
}

/**
 * Whether every match of the pattern's twin starts at a hit of one of the
 * detector's keywords: its twin starts with an alternation of literals, each
 * of which begins with a keyword (in any case when the keywords are
 * case-insensitive, as written otherwise), so wherever a literal occurs that
 * keyword occurs at the same offset, and the prefilter reports it.
 */
export function startsAtOwnKeywords(detector: Detector, literals: readonly LeadingLiteral[] | null): boolean {
  if (literals === null) return false;
  if (detector.keywordsIgnoreCase === true) {
    const keywords = detector.keywords.map((k) => k.toLowerCase());
    return literals.every((l) => keywords.some((k) => l.lower.startsWith(k)));
  }
  return literals.every((l) => l.exact !== null && detector.keywords.some((k) => l.exact!.startsWith(k)));
}

/**
 * The bytes that, right before a hit of a keyword, rule out every match its
 * owners could report from that hit: the bytes common to the owners'
 * alphabets, when each owner's secret opens with one of its keywords
 * (secretOpensWithKeyword). Such a secret starts at its own keyword hit,
 * which `isolated` requires to follow a byte outside the alphabet (or an
 * escape, which the caller keeps); so a hit inside a longer run of alphabet
 * bytes (`store_`, `DATABASE`) leads to no match that another hit does not
 * lead to as well. Null when an owner does not qualify.
 */
function leftBound(owners: readonly PreparedDetector[]): Uint8Array | null {
  let bound: Uint8Array | null = null;
  for (const p of owners) {
    if (p.alphabet === null || !secretOpensWithKeyword(p.detector)) return null;
    if (bound === null) bound = p.alphabet.slice();
    else for (let b = 0; b < 256; b++) bound[b] = bound[b]! & p.alphabet[b]!;
  }
  return bound;
}

/**
 * Whether every secret the detector's pattern can match begins with one of
 * its keywords: the pattern opens with the secret group, and the group opens
 * with a literal (`(?P<secret>npm_...`) or an alternation of literals
 * (`(?P<secret>(?:AKIA|ASIA)...`) each beginning with a keyword. Read from
 * the pattern itself, not its twin (a twin may start at the keyword and drop
 * what precedes it).
 */
export function secretOpensWithKeyword(detector: Detector): boolean {
  const head = '(?P<secret>';
  return detector.pattern.startsWith(head) && startsAtOwnKeywords(detector, openingLiterals(detector.pattern.slice(head.length)));
}

/** Whether the detector's twin could make it hit-anchored (the same test as in tryWindow, without compiling RE2). */
function mayBeHitAnchored(detector: Detector): boolean {
  const twin = jsTwin(detector.pattern);
  return startsAtOwnKeywords(detector, twin === null ? null : leadingLiterals(twin.source));
}

/** A class body as a byte table; a leading `^` negates it. */
function byteSet(body: string): Uint8Array {
  if (!body.startsWith('^')) return byteClass(body);
  const t = byteClass(body.slice(1));
  for (let i = 0; i < 256; i++) t[i] = t[i] === 1 ? 0 : 1;
  return t;
}

/** `requires`: an `anyOf` byte within reach after the keyword (and before `limit`), with only `over` bytes before it. */
function requirementHolds(p: PreparedDetector, region: Buffer, from: number, limit: number): boolean {
  const any = p.requireAny!;
  const over = p.requireOver;
  const to = Math.min(limit, from + p.requireWithin);
  for (let i = from; i < to; i++) {
    const b = region[i]!;
    if (any[b] === 1) return true;
    if (over !== null && over[b] !== 1) return false;
  }
  return false;
}

function isolated(region: Buffer, start: number, end: number, alphabet: Uint8Array): boolean {
  if (start > 0 && alphabet[region[start - 1]!] === 1 && !afterEscape(region, start) && !afterPercentEscape(region, start, alphabet)) return false;
  if (end < region.length && alphabet[region[end]!] === 1 && !atPercentEscape(region, end, alphabet)) return false;
  return true;
}

/** Value of an ASCII hex digit, -1 for other bytes. */
function hexDigit(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  const l = b | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x57 : -1;
}

/**
 * Whether the bytes before `start` are a percent-escape (`%3D` in
 * `access_token%3Dghp_...`) of a byte outside the alphabet: its hex digits
 * are letters and digits, but the byte they stand for bounds the token
 * (`%41`, an `A`, does not).
 */
function afterPercentEscape(region: Buffer, start: number, alphabet: Uint8Array): boolean {
  if (start < 3 || region[start - 3] !== 0x25) return false;
  const hi = hexDigit(region[start - 2]!);
  const lo = hexDigit(region[start - 1]!);
  return hi >= 0 && lo >= 0 && alphabet[(hi << 4) | lo] !== 1;
}

/** The same after a token: only matters for an alphabet with `%` (none today; `%` itself bounds the others). */
function atPercentEscape(region: Buffer, end: number, alphabet: Uint8Array): boolean {
  if (region[end] !== 0x25 || end + 2 >= region.length) return false;
  const hi = hexDigit(region[end + 1]!);
  const lo = hexDigit(region[end + 2]!);
  return hi >= 0 && lo >= 0 && alphabet[(hi << 4) | lo] !== 1;
}

/**
 * Whether the bytes before `start` are a `\n`, `\r` or `\t` escape (JSON,
 * C and shell strings): the letter is then not part of the token's run. An
 * even number of backslashes before the letter is escaped backslashes, and
 * the letter is a plain letter again.
 */
function afterEscape(region: Buffer, start: number): boolean {
  const letter = region[start - 1];
  if (letter !== 0x6e && letter !== 0x72 && letter !== 0x74) return false;
  let slashes = 0;
  for (let i = start - 2; i >= 0 && region[i] === 0x5c; i--) slashes++;
  return slashes % 2 === 1;
}
