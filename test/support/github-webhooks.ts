import { createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { WebhookDefinition } from '@octokit/webhooks-examples';

/**
 * Real GitHub webhook payloads (@octokit/webhooks-examples, recorded from
 * GitHub) and signed deliveries of them, for tests and the benchmark. The
 * signature is computed here with node:crypto, independently of the
 * @octokit/webhooks code under test.
 */
const require = createRequire(import.meta.url);
let definitions: WebhookDefinition[] | undefined;

/** A deep copy of the first recorded example of `event` that satisfies `where`. */
export function webhookExample<T = Record<string, unknown>>(event: string, where: (payload: Record<string, unknown>) => boolean = () => true): T {
  definitions ??= require('@octokit/webhooks-examples') as WebhookDefinition[];
  const def = definitions.find((d) => d.name === event);
  const found = (def?.examples as Array<Record<string, unknown>> | undefined)?.find(where);
  if (!found) throw new Error(`no @octokit/webhooks-examples payload for ${event} matching the filter`);
  return structuredClone(found) as T;
}

export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface Delivery {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Headers and body as GitHub sends them (signature omitted when `secret` is undefined). */
export function delivery(event: string, payload: unknown, secret: string | undefined, deliveryId: string = randomUUID()): Delivery {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/test',
    'x-github-event': event,
    'x-github-delivery': deliveryId,
    'x-github-hook-id': '1',
  };
  if (secret !== undefined) headers['x-hub-signature-256'] = signBody(secret, body);
  return { headers, body };
}
