import type { Match } from '../detectors/types.js';
import type { Excerpt } from './excerpt.js';
import type { Fingerprinter } from './fingerprint.js';
import { SecretValue } from './secret-value.js';
import type { Finding, FingerprintInfo, Location } from './types.js';

const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;
const CONFIDENCE_RANK = { high: 0, medium: 1, low: 2 } as const;

/**
 * Groups matches into one finding per secret (family + value), merging
 * locations. Where two detectors of one family report the same value, the more
 * confident/severe one names the finding. Each secret is fingerprinted once,
 * when first seen: an unkeyed legacy fingerprint is deliberately slow.
 */
export class FindingAggregator {
  /** Keyed by family and value (a family never holds NUL, so the first NUL separates them). */
  private readonly bySecret = new Map<string, { finding: Finding; locationKeys: Set<string> }>();

  /** Told of each new secret once, with its first location (`--format jsonl` streams them). */
  onNew: ((finding: Finding) => void) | undefined;

  constructor(private readonly fingerprints: Fingerprinter) {}

  /** What a report says about its fingerprints. */
  get fingerprintInfo(): FingerprintInfo {
    const { scheme, keyId } = this.fingerprints;
    return keyId ? { scheme, keyId } : { scheme };
  }

  /** `excerpt`: the lines around this match, asked for only when the finding has none yet. */
  add(match: Match, location: Omit<Location, 'line' | 'column' | 'offset'>, excerpt?: () => Excerpt): void {
    const d = match.detector;
    const secretKey = `${d.family}\0${match.secret}`;
    let entry = this.bySecret.get(secretKey);
    const fresh = !entry;
    if (!entry) {
      // A deliberately slow fingerprint waits for settle() (many at once, off this thread) or findings().
      const fp = this.fingerprints.slow?.isSlow(d.family) ? '' : this.fingerprints.of(d.family, match.secret);
      const secret = new SecretValue(match.secret);
      const finding: Finding = {
        detector: d.id,
        family: d.family,
        provider: d.provider,
        title: d.title,
        severity: d.severity,
        tier: d.tier,
        confidence: match.confidence,
        reason: match.reason,
        docs: d.docs,
        revoke: d.revoke,
        fingerprint: fp,
        redacted: secret.redacted,
        secret,
        context: match.context,
        ...(match.companion ? { companion: { name: match.companion.name, value: new SecretValue(match.companion.value) } } : {}),
        locations: [],
      };
      entry = { finding, locationKeys: new Set() };
      this.bySecret.set(secretKey, entry);
    } else if (this.outranks(match, entry.finding)) {
      entry.finding = {
        ...entry.finding,
        detector: d.id,
        provider: d.provider,
        title: d.title,
        severity: d.severity,
        tier: d.tier,
        confidence: match.confidence,
        reason: match.reason,
        docs: d.docs,
        revoke: d.revoke,
      };
    }
    if (!entry.finding.excerpt && excerpt) entry.finding = { ...entry.finding, excerpt: excerpt() };
    if (!entry.finding.companion && match.companion) {
      entry.finding = { ...entry.finding, companion: { name: match.companion.name, value: new SecretValue(match.companion.value) } };
    }
    const loc: Location = {
      ...location,
      line: match.line,
      column: match.column,
      offset: match.start,
      ...(match.encoding ? { encoding: match.encoding } : {}),
    };
    const key = `${loc.kind}\0${loc.commit ?? loc.tag ?? ''}\0${loc.path ?? loc.ref ?? ''}\0${loc.offset}`;
    if (!entry.locationKeys.has(key)) {
      entry.locationKeys.add(key);
      entry.finding.locations.push(loc);
    }
    if (fresh) this.onNew?.({ ...entry.finding, locations: [loc] });
  }

  private outranks(match: Match, current: Finding): boolean {
    const d = match.detector;
    if (d.tier !== current.tier) return d.tier === 'identifiable';
    if (CONFIDENCE_RANK[match.confidence] !== CONFIDENCE_RANK[current.confidence]) {
      return CONFIDENCE_RANK[match.confidence] < CONFIDENCE_RANK[current.confidence];
    }
    return SEVERITY_RANK[d.severity] < SEVERITY_RANK[current.severity];
  }

  /**
   * Computes the fingerprints add() left for later (the slow unkeyed kind), in
   * parallel on libuv's thread pool. Optional: findings() computes any still
   * missing one by one.
   */
  async settle(): Promise<void> {
    const slow = this.fingerprints.slow;
    if (!slow) return;
    const pending = [...this.bySecret.values()].filter((e) => e.finding.fingerprint === '');
    await Promise.all(
      pending.map(async (e) => {
        const fingerprint = await slow.of(e.finding.family, e.finding.secret.reveal());
        e.finding = { ...e.finding, fingerprint };
      }),
    );
  }

  /** Findings in a stable order: identifiable first, then severity, detector, fingerprint. */
  findings(): Finding[] {
    for (const e of this.bySecret.values()) {
      if (e.finding.fingerprint === '') e.finding = { ...e.finding, fingerprint: this.fingerprints.of(e.finding.family, e.finding.secret.reveal()) };
    }
    const out = [...this.bySecret.values()].map((e) => e.finding);
    out.sort(
      (a, b) =>
        (a.tier === b.tier ? 0 : a.tier === 'identifiable' ? -1 : 1) ||
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        a.detector.localeCompare(b.detector) ||
        a.fingerprint.localeCompare(b.fingerprint),
    );
    return out;
  }
}
