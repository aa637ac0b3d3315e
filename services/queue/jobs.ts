/**
 * The job contract between producers (API, GitHub webhooks) and the workers.
 * Job data and return values are stored in Redis in clear: they never carry a secret.
 */
import type { LocationKind } from '../../scanner/types.js';

export const HISTORY_SCAN_QUEUE = 'history-scan';
export const PUSH_SCAN_QUEUE = 'push-scan';

/** Never carries a secret; repository is a git URL (https, ssh, git, file://) or a local path. */
export interface HistoryScanJobData {
  readonly repository: string;
  readonly requestedBy?: string;
  readonly source?: 'api' | 'webhook';
  readonly installationId?: number;
}

export interface PushScanJobData {
  readonly repository: string; // clone URL or path
  readonly fullName?: string; // owner/name on GitHub
  readonly ref: string;
  readonly before: string; // 40 zeros for a new ref
  readonly after: string;
  readonly commits?: readonly string[]; // commit shas from the webhook, if known
  readonly installationId?: number;
  readonly deliveryId?: string;
}

export interface PushScanSummary {
  readonly findings: number;
  readonly identifiable: number;
  readonly fingerprints: readonly string[];
  readonly redacted: ReadonlyArray<{
    detector: string;
    title: string;
    redacted: string;
    /** Which text holds it (absent in summaries from before location kinds: a file). */
    kind?: LocationKind;
    /** The file (`blob`) or the path holding the secret (`path`); '' for other kinds. */
    path: string;
    line: number;
    commit?: string;
    tag?: string;
    tagName?: string;
    ref?: string;
  }>;
}

/** Called by the push-scan processor after a scan finished and findings were stored (the webhooks engineer implements a GitHub commit-status reporter). */
export interface PushScanReporter {
  report(job: PushScanJobData, summary: PushScanSummary): Promise<void>;
}
