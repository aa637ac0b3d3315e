import type { Logger } from 'pino';

/**
 * Lets a log line through once per window for each key. While Redis is
 * away, every connection reports an error on every reconnect attempt (every
 * 2 s, from each of a worker's two dozen connections): one line per outage
 * and kind of error tells the operator as much.
 */
export function repeatFilter(windowMs = 60_000, now: () => number = Date.now): (key: string) => boolean {
  const last = new Map<string, number>();
  return (key) => {
    const t = now();
    const previous = last.get(key);
    if (previous !== undefined && t - previous < windowMs) return false;
    if (last.size >= 1000) last.clear();
    last.set(key, t);
    return true;
  };
}

/**
 * A warning for connection errors, logged once a minute per message (repeatFilter):
 * `warn(err, { queue })`. One warner may serve many emitters of the same outage.
 */
export function connectionErrorWarner(logger: Logger, msg: string): (err: unknown, bindings?: Record<string, unknown>) => void {
  const firstOfItsKind = repeatFilter();
  return (err, bindings = {}) => {
    if (firstOfItsKind(errorSummary(err).message)) logger.warn({ ...bindings, err: errorSummary(err) }, `${msg} (repeats are logged once a minute)`);
  };
}

/** What a log line keeps of a connection error: its message and code, no stack (always the same socket internals). */
export function errorSummary(err: unknown): { message: string; code?: string } {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? { message, code } : { message };
}
