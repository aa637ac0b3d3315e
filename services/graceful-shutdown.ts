import type { Logger } from 'pino';

/**
 * Graceful shutdown of a pushgate process (`serve`, `worker`), started once
 * by SIGTERM, SIGINT, an abort signal or `close()`: `stop` winds the work
 * down, `release` then frees connections whatever `stop` did, and `closed`
 * settles when both are done. Calling `close()` again returns the same promise.
 */
export interface GracefulShutdown {
  close(): Promise<void>;
  readonly closed: Promise<void>;
}

export interface GracefulShutdownOptions {
  readonly logger: Logger;
  /** Listen for SIGTERM and SIGINT. */
  readonly handleSignals: boolean;
  readonly signal?: AbortSignal;
  readonly stop: () => Promise<void>;
  readonly release: () => Promise<void>;
  /** Logged once everything is released, e.g. `pushgate worker stopped`. */
  readonly stoppedMessage: string;
}

export function gracefulShutdown(options: GracefulShutdownOptions): GracefulShutdown {
  const { logger } = options;
  let closing: Promise<void> | undefined;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down');
    void close();
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      try {
        await options.stop();
      } finally {
        await options.release();
        logger.info(options.stoppedMessage);
        resolveClosed();
      }
    })();
    return closing;
  };
  if (options.handleSignals) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  if (options.signal) {
    if (options.signal.aborted) void close();
    else options.signal.addEventListener('abort', () => void close(), { once: true });
  }
  return { close, closed };
}
