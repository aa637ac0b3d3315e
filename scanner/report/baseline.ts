import { readFile } from 'node:fs/promises';
import type { ScanReport } from '../types.js';

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

/**
 * The fingerprints of an earlier `--format json` report. Strict on purpose: a
 * baseline that silently parsed as empty would report everything, and one that
 * parsed as something else could hide findings, so any doubt is an error.
 */
export function parseBaseline(text: string, source: string): Set<string> {
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
  return out;
}

export async function readBaseline(file: string): Promise<Set<string>> {
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

/** The report without findings whose fingerprint the baseline lists; stats are of the whole scan. */
export function applyBaseline(report: ScanReport, baseline: ReadonlySet<string>): { report: ScanReport; suppressed: number } {
  const findings = report.findings.filter((f) => !baseline.has(f.fingerprint));
  return { report: { ...report, findings }, suppressed: report.findings.length - findings.length };
}
