import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Sends spooled block events to the pushgate service, oldest first. Runs in a
 * detached process started by the hook after it has decided, so a slow or
 * unreachable service never delays a push; whatever is not delivered stays in
 * the spool and goes with the next push.
 */
export interface DeliveryResult {
  readonly delivered: number;
  readonly pending: number;
  readonly rejected: number;
}

export async function deliverSpooledEvents(dir: string, server: string, token: string | undefined, timeoutMs = 5000): Promise<DeliveryResult> {
  const spoolDir = join(dir, 'spool');
  let names: string[];
  try {
    names = readdirSync(spoolDir).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } catch {
    return { delivered: 0, pending: 0, rejected: 0 };
  }
  let delivered = 0;
  let rejected = 0;
  const url = new URL('/v1/events/push-blocked', server);
  for (const [i, name] of names.entries()) {
    const path = join(spoolDir, name);
    let body: string;
    try {
      body = readFileSync(path, 'utf8');
    } catch {
      continue; // another sender took it
    }
    let status: number;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      await res.body?.cancel();
    } catch {
      // Unreachable: keep this and the rest for the next push.
      return { delivered, pending: names.length - i, rejected };
    }
    if (status >= 200 && status < 300) {
      rmSync(path, { force: true });
      delivered++;
    } else if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      // The service will never accept it (malformed, unauthorized): park it for an operator.
      mkdirSync(join(dir, 'rejected'), { recursive: true });
      renameSync(path, join(dir, 'rejected', name));
      rejected++;
    } else {
      return { delivered, pending: names.length - i, rejected };
    }
  }
  return { delivered, pending: 0, rejected };
}
