import { readFile } from 'node:fs/promises';
import { v1Fingerprint, type FingerprintScheme } from '../fingerprint.js';
import type { FingerprintInfo, ScanReport } from '../types.js';

export type BaselineErrorCode = 'BASELINE_NOT_FOUND' | 'BASELINE_UNREADABLE' | 'BASELINE_MALFORMED';

export class BaselineError extends Error {
  override readonly name = 'BaselineError';
  constructor(
    readonly code: BaselineErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const FINGERPRINT_SHAPE = /^[0-9a-f]{32}$/;
const SCHEMES: readonly FingerprintScheme[] = ['keyed-v2', 'unkeyed-v2'];

/** The fingerprints of an earlier `--format json` report, and how they were computed. */
export interface Baseline {
  readonly fingerprints: ReadonlySet<string>;
  /** From the report's `fingerprints`; null for reports written before it existed (v1 fingerprints). */
  readonly scheme: FingerprintInfo | null;
}

/**
 * Parses a baseline. Strict on purpose: a baseline that silently parsed as
 * empty would report everything, and one that parsed as something else could
 * hide findings, so any doubt is an error.
 */
export function parseBaseline(text: string, source: string): Baseline {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new BaselineError('BASELINE_MALFORMED', `${source}: not JSON (${(err as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('findings' in doc)) {
    throw new BaselineError('BASELINE_MALFORMED', `${source}: not a pushgate JSON report (no "findings" array)`);
  }
  const findings = (doc as { findings: unknown }).findings;
  if (!Array.isArray(findings)) {
    throw new BaselineError('BASELINE_MALFORMED', `${source}: "findings" is not an array`);
  }
  const out = new Set<string>();
  findings.forEach((f: unknown, i) => {
    const fp = typeof f === 'object' && f !== null ? (f as { fingerprint?: unknown }).fingerprint : undefined;
    if (typeof fp !== 'string' || !FINGERPRINT_SHAPE.test(fp)) {
      throw new BaselineError('BASELINE_MALFORMED', `${source}: findings[${i}] has no valid "fingerprint"`);
    }
    out.add(fp);
  });
  return { fingerprints: out, scheme: parseScheme((doc as { fingerprints?: unknown }).fingerprints, source) };
}

function parseScheme(value: unknown, source: string): FingerprintInfo | null {
  if (value === undefined) return null;
  const v = value as { scheme?: unknown; keyId?: unknown } | null;
  const scheme = typeof v === 'object' && v !== null ? v.scheme : undefined;
  if (typeof scheme !== 'string' || !(SCHEMES as readonly string[]).includes(scheme)) {
    throw new BaselineError('BASELINE_MALFORMED', `${source}: "fingerprints.scheme" is not one this pushgate knows (${SCHEMES.join(', ')}); written by a newer version?`);
  }
  const keyId = v!.keyId;
  if (keyId !== undefined && (typeof keyId !== 'string' || !/^[0-9a-f]{12}$/.test(keyId))) {
    throw new BaselineError('BASELINE_MALFORMED', `${source}: "fingerprints.keyId" is not a key id`);
  }
  return keyId === undefined ? { scheme: scheme as FingerprintScheme } : { scheme: scheme as FingerprintScheme, keyId };
}

export async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BaselineError('BASELINE_NOT_FOUND', `baseline ${file}: no such file`);
    throw new BaselineError('BASELINE_UNREADABLE', `baseline ${file}: cannot read (${code ?? 'error'})`);
  }
  return parseBaseline(text, `baseline ${file}`);
}

export interface BaselineOutcome {
  readonly report: ScanReport;
  readonly suppressed: number;
  /** Findings suppressed by a v1 fingerprint of a baseline written before v2. */
  readonly matchedByV1: number;
  /** What the user should know: an old baseline to replace, or one that cannot match this run's fingerprints. */
  readonly notices: readonly string[];
}

/**
 * The report without findings the baseline lists; stats are of the whole scan.
 * A baseline from before v2 still works: each finding's v1 fingerprint is
 * computed here, from the secret in memory, and compared too.
 */
export function applyBaseline(report: ScanReport, baseline: Baseline, source = 'the baseline'): BaselineOutcome {
  const legacy = baseline.scheme === null;
  let matchedByV1 = 0;
  const findings = report.findings.filter((f) => {
    if (baseline.fingerprints.has(f.fingerprint)) return false;
    if (legacy && baseline.fingerprints.has(v1Fingerprint(f.family, f.secret.reveal()))) {
      matchedByV1++;
      return false;
    }
    return true;
  });
  const notices: string[] = [];
  if (legacy && baseline.fingerprints.size > 0) {
    notices.push(
      `${source} holds v1 fingerprints (unkeyed: a weak secret's can be guessed from a wordlist); ${matchedByV1} finding${matchedByV1 === 1 ? '' : 's'} matched by them. ` +
        'Write a new baseline with --format json and delete the old one.',
    );
  } else if (baseline.scheme && !sameScheme(baseline.scheme, report.fingerprints) && baseline.fingerprints.size > 0) {
    notices.push(
      `${source} was written with ${describeScheme(baseline.scheme)} fingerprints, this scan uses ${describeScheme(report.fingerprints)}: none of its entries can match. ` +
        'Run with the PUSHGATE_FINGERPRINT_KEY the baseline was written with, or write a new baseline.',
    );
  }
  return { report: { ...report, findings }, suppressed: report.findings.length - findings.length, matchedByV1, notices };
}

function sameScheme(a: FingerprintInfo, b: FingerprintInfo): boolean {
  return a.scheme === b.scheme && a.keyId === b.keyId;
}

function describeScheme(info: FingerprintInfo): string {
  return info.scheme === 'keyed-v2' ? `keyed (PUSHGATE_FINGERPRINT_KEY, key id ${info.keyId ?? 'unknown'})` : 'unkeyed';
}
