import type { EmitterWebhookEvent } from '@octokit/webhooks';
import { HISTORY_SCAN_QUEUE, PUSH_SCAN_QUEUE, type HistoryScanJobData, type PushScanJobData } from '../queue/jobs.js';

/**
 * Which scans a GitHub event asks for, decided from its payload alone (no
 * I/O): a push-scan of the pushed range for `push`, a history scan of each
 * repository that `repository.created`, `installation.created` and
 * `installation_repositories.added` bring in. Job data carries no secret:
 * clone URLs without credentials, the installation id (the worker mints a
 * token for it when it fetches).
 */
export type PlannedScan =
  | { readonly queue: typeof PUSH_SCAN_QUEUE; readonly data: PushScanJobData }
  | { readonly queue: typeof HISTORY_SCAN_QUEUE; readonly data: HistoryScanJobData };

/** GitHub lists at most 2048 commits in a push payload; a job keeps no more. */
export const MAX_PUSH_COMMITS = 2048;
const ZERO_OID = /^0+$/;

export function planPush(payload: EmitterWebhookEvent<'push'>['payload'], deliveryId: string): PlannedScan[] {
  // A deleted ref introduced nothing to scan.
  if (payload.deleted || ZERO_OID.test(payload.after)) return [];
  const repository = payload.repository;
  const data: PushScanJobData = {
    repository: repository.clone_url,
    fullName: repository.full_name,
    ref: payload.ref,
    before: payload.before,
    after: payload.after,
    commits: payload.commits.slice(0, MAX_PUSH_COMMITS).map((c) => c.id),
    ...(payload.installation ? { installationId: payload.installation.id } : {}),
    deliveryId,
  };
  return [{ queue: PUSH_SCAN_QUEUE, data }];
}

export function planRepositoryCreated(payload: EmitterWebhookEvent<'repository.created'>['payload'], deliveryId: string): PlannedScan[] {
  return [historyScan(payload.repository.clone_url, deliveryId, payload.installation?.id)];
}

export function planInstallationCreated(
  payload: EmitterWebhookEvent<'installation.created'>['payload'],
  deliveryId: string,
  fallbackWebOrigin: string,
): PlannedScan[] {
  const origin = webOriginOf(payload.installation.account, fallbackWebOrigin);
  return (payload.repositories ?? []).map((r) => historyScan(cloneUrl(origin, r.full_name), deliveryId, payload.installation.id));
}

export function planRepositoriesAdded(
  payload: EmitterWebhookEvent<'installation_repositories.added'>['payload'],
  deliveryId: string,
  fallbackWebOrigin: string,
): PlannedScan[] {
  const origin = webOriginOf(payload.installation.account, fallbackWebOrigin);
  return payload.repositories_added.map((r) => historyScan(cloneUrl(origin, r.full_name), deliveryId, payload.installation.id));
}

function historyScan(repository: string, deliveryId: string, installationId: number | undefined): PlannedScan {
  return {
    queue: HISTORY_SCAN_QUEUE,
    data: { repository, requestedBy: `github-delivery:${deliveryId}`, source: 'webhook', ...(installationId !== undefined ? { installationId } : {}) },
  };
}

/**
 * Installation payloads name repositories without a clone URL; the account's
 * `html_url` says which GitHub (github.com or an Enterprise Server) they live on.
 */
function webOriginOf(account: unknown, fallback: string): string {
  const htmlUrl = (account as { html_url?: unknown } | null | undefined)?.html_url;
  if (typeof htmlUrl === 'string') {
    try {
      const u = new URL(htmlUrl);
      if (u.protocol === 'https:' || u.protocol === 'http:') return u.origin;
    } catch {
      // fall through to the configured origin
    }
  }
  return fallback;
}

function cloneUrl(origin: string, fullName: string): string {
  return `${origin}/${fullName}.git`;
}
