import type { ProviderOwner } from '../../liveness/types.js';
import type { StoredLocation } from '../store/findings-store.js';
import type { FindingOwner } from './liveness-control.js';

/**
 * Owner attribution: what the provider says (user, account, team) beside the
 * author of the earliest commit that carries the secret. The first tells who
 * can revoke it; the second who put it there and can say what uses it.
 */
export function attributeOwner(provider: ProviderOwner | undefined, locations: readonly StoredLocation[], providerName: string): FindingOwner | null {
  const first = earliestCommitted(locations);
  const committer = first ? { name: first.author, email: first.email, commit: first.commit, date: first.date } : undefined;
  const hasProvider = provider && Object.keys(provider).length > 0;
  if (!hasProvider && !committer) return null;
  const parts: string[] = [];
  if (hasProvider) {
    const who = [provider.user, provider.account && provider.account !== provider.user ? provider.account : undefined, provider.team].filter(Boolean).join(' / ');
    parts.push(`${who || provider.email || provider.tokenName || 'unnamed'} (${providerName})`);
  }
  if (committer && (committer.name || committer.email)) {
    parts.push(`committed by ${[committer.name, committer.email ? `<${committer.email}>` : ''].filter(Boolean).join(' ')}`);
  }
  return { ...(hasProvider ? { provider } : {}), ...(committer ? { committer } : {}), display: parts.join(' · ') || 'unknown' };
}

function earliestCommitted(locations: readonly StoredLocation[]): StoredLocation | undefined {
  // Author dates carry their own offsets: compare instants, not strings. Undated locations come last.
  const when = (l: StoredLocation): number => (l.date ? Date.parse(l.date) : Number.POSITIVE_INFINITY);
  let best: StoredLocation | undefined;
  for (const l of locations) {
    if (!l.commit) continue;
    if (!best || when(l) < when(best)) best = l;
  }
  return best;
}
