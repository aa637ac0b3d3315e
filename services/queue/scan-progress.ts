import type { ScanProgress } from '../../scanner/types.js';

/** Where a scan job is. Stored as the BullMQ job's progress: counts only, never content. */
export type ScanPhase = 'fetching' | 'scanning' | 'storing' | 'reporting' | 'done';

export interface ScanJobProgress {
  readonly phase: ScanPhase;
  /** 0 to 100; while scanning, blobs read of blobs to read (100 only when done). */
  readonly percent: number;
  readonly blobs: number;
  /** Known once git has listed the objects to read. */
  readonly blobsTotal: number | null;
  readonly bytes: number;
}

export interface ProgressSink {
  updateProgress(progress: object): Promise<void>;
}

/**
 * Writes a job's progress to Redis at most every `intervalMs` while scanning
 * (a scan reports per blob; Redis needs far fewer), and at once on a change
 * of phase. A write that fails is dropped: progress is informative, the job goes on.
 */
export class JobProgress {
  private current: ScanJobProgress = { phase: 'fetching', percent: 0, blobs: 0, blobsTotal: null, bytes: 0 };
  private lastWrite = 0;
  private writing: Promise<void> | undefined;

  constructor(
    private readonly sink: ProgressSink,
    private readonly intervalMs = 500,
  ) {}

  get value(): ScanJobProgress {
    return this.current;
  }

  phase(phase: ScanPhase): Promise<void> {
    this.current = { ...this.current, phase, ...(phase === 'done' ? { percent: 100 } : {}) };
    return this.write(true);
  }

  scan(p: ScanProgress): void {
    const total = p.blobsTotal ?? null;
    const percent = total ? Math.min(99, Math.floor((p.blobsDone / total) * 100)) : 0;
    this.current = { phase: 'scanning', percent, blobs: p.blobsDone, blobsTotal: total, bytes: p.bytesDone };
    if (Date.now() - this.lastWrite >= this.intervalMs) void this.write(false);
  }

  private async write(force: boolean): Promise<void> {
    if (this.writing) {
      if (!force) return;
      await this.writing;
    }
    this.lastWrite = Date.now();
    const snapshot = this.current;
    this.writing = this.sink.updateProgress(snapshot).catch(() => {});
    try {
      await this.writing;
    } finally {
      this.writing = undefined;
    }
  }
}
