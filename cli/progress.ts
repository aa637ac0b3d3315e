import cliProgress from 'cli-progress';
import type { ScanProgress } from '../scanner/types.js';
import { formatBytes } from '../scanner/report/text.js';

export interface ProgressReporter {
  update(p: ScanProgress): void;
  stop(): void;
}

const SILENT: ProgressReporter = { update: () => {}, stop: () => {} };

/**
 * A progress bar on `stream` (blobs and bytes done, rate, ETA) when it is a
 * terminal; nothing at all otherwise, so redirected stderr and CI logs stay
 * clean.
 */
export function createProgress(stream: NodeJS.WriteStream, unit: 'files' | 'blobs'): ProgressReporter {
  if (!stream.isTTY) return SILENT;
  const started = performance.now();
  let last: ScanProgress = { blobsDone: 0, blobsTotal: undefined, bytesDone: 0 };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      fps: 10,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 24,
      format: (options, params) => {
        const seconds = Math.max((performance.now() - started) / 1000, 0.001);
        const rate = last.bytesDone / seconds;
        const total = last.blobsTotal;
        const count = total === undefined ? `${last.blobsDone} ${unit}` : `${last.blobsDone}/${total} ${unit}`;
        let eta = '';
        if (total !== undefined && last.blobsDone > 0 && last.blobsDone < total) {
          eta = ` | ETA ${formatDuration((seconds * (total - last.blobsDone)) / last.blobsDone)}`;
        }
        const size = options.barsize ?? 24;
        const filled = total ? Math.round((params.progress || 0) * size) : 0;
        const barText = total ? `${'#'.repeat(filled)}${'-'.repeat(size - filled)} ` : '';
        return `scanning ${barText}${count} | ${formatBytes(last.bytesDone)} | ${formatBytes(Math.round(rate))}/s${eta}`;
      },
    },
    cliProgress.Presets.legacy,
  );
  let running = false;
  return {
    update(p) {
      last = p;
      if (!running) {
        bar.start(p.blobsTotal ?? 0, p.blobsDone);
        running = true;
      }
      if (p.blobsTotal !== undefined && bar.getTotal() !== p.blobsTotal) bar.setTotal(p.blobsTotal);
      bar.update(p.blobsDone);
    },
    stop() {
      if (running) bar.stop();
    },
  };
}

function formatDuration(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
