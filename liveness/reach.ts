import type { CredentialReach, LivenessVerdict, ReachLevel } from './types.js';

/**
 * What a live credential can reach, from the check's verdict: the scopes the
 * provider listed, the owner it named, and what the check itself recorded
 * (`verdict.reach`). Pure: no provider call beyond the check's own. Rules
 * per provider where its scopes have known meanings; elsewhere, scope names
 * that say admin or write.
 */
const PROVIDER_LEVELS: Readonly<Record<string, (scopes: readonly string[]) => ReachLevel | undefined>> = {
  // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps
  github: (scopes) =>
    scopes.some((s) => s.startsWith('admin:') || s === 'delete_repo' || s === 'site_admin')
      ? 'admin'
      : scopes.some((s) => ['repo', 'public_repo', 'workflow', 'write:packages', 'write:org', 'write:discussion', 'gist', 'user', 'project'].includes(s))
        ? 'write'
        : 'read',
  // https://docs.gitlab.com/user/profile/personal_access_tokens/#personal-access-token-scopes
  gitlab: (scopes) =>
    scopes.some((s) => s === 'sudo' || s === 'admin_mode')
      ? 'admin'
      : scopes.some((s) => ['api', 'write_repository', 'write_registry', 'manage_runner', 'create_runner', 'ai_features', 'k8s_proxy'].includes(s))
        ? 'write'
        : 'read',
  // https://docs.slack.dev/reference/scopes
  slack: (scopes) => (scopes.some((s) => s.startsWith('admin')) ? 'admin' : scopes.some((s) => s.endsWith(':write') || s === 'client' || s === 'post') ? 'write' : 'read'),
};

const ADMIN_WORDS = /(^|[^a-z])(admin|owner|sudo|root|full[_-]?access|all)([^a-z]|$)/i;
const WRITE_WORDS = /(write|manage|delete|create|update|send|mail\.send|post|publish|deploy)/i;

function genericLevel(scopes: readonly string[]): ReachLevel | undefined {
  if (scopes.length === 0) return undefined;
  if (scopes.some((s) => ADMIN_WORDS.test(s))) return 'admin';
  if (scopes.some((s) => WRITE_WORDS.test(s))) return 'write';
  return 'read';
}

/** Detector-level facts: a Stripe live secret key has full access to a live account. */
function detectorFacts(detector: string): Partial<CredentialReach> {
  if (detector === 'stripe-secret-key') return { level: 'admin', environment: 'production' };
  if (detector === 'stripe-restricted-key') return { environment: 'production' };
  if (detector === 'stripe-test-secret-key') return { environment: 'test' };
  return {};
}

/** AWS: the account root user can do anything in the account. */
function awsFacts(verdict: LivenessVerdict): Partial<CredentialReach> {
  const arn = verdict.owner?.user ?? '';
  return /^arn:aws[a-z-]*:iam::\d{12}:root$/.test(arn) ? { level: 'admin' } : {};
}

export function reachOf(checkId: string, detector: string, verdict: LivenessVerdict): CredentialReach | undefined {
  if (verdict.outcome !== 'live') return undefined;
  const scopes = verdict.scopes ?? [];
  const fromScopes = scopes.length > 0 ? (PROVIDER_LEVELS[checkId] ?? genericLevel)(scopes) : undefined;
  const facts: Partial<CredentialReach> = { ...detectorFacts(detector), ...(checkId === 'aws' ? awsFacts(verdict) : {}), ...verdict.reach };
  const level = facts.level ?? fromScopes;
  const owner = verdict.owner;
  // The accounts it reaches: the provider's account or team, else the user whose rights it carries.
  const named = [owner?.account, owner?.team].filter((r, i, all): r is string => !!r && all.indexOf(r) === i);
  const resources = facts.resources ?? (named.length > 0 ? named : owner?.user ? [owner.user] : []);
  const reach = {
    ...(level ? { level } : {}),
    ...(facts.environment ? { environment: facts.environment } : {}),
    ...(resources.length > 0 ? { resources: resources.slice(0, 10) } : {}),
    ...(facts.resourceCount !== undefined ? { resourceCount: facts.resourceCount } : {}),
  };
  if (!reach.level && !reach.environment && !reach.resources) return undefined;
  return { ...reach, summary: summarise(reach) };
}

function summarise(r: Omit<CredentialReach, 'summary'>): string {
  const parts: string[] = [];
  if (r.level) parts.push(r.level);
  if (r.environment) parts.push(r.environment);
  if (r.resources?.length) {
    const more = (r.resourceCount ?? r.resources.length) - r.resources.length;
    parts.push(`${r.resources.slice(0, 3).join(', ')}${more > 0 || r.resources.length > 3 ? ` and ${more + Math.max(0, r.resources.length - 3)} more` : ''}`);
  } else if (r.resourceCount !== undefined) {
    parts.push(`${r.resourceCount} resources`);
  }
  return parts.join(' · ');
}

/** Higher reaches more: the triage queue sorts live findings by it (admin and production first). */
export function reachRank(reach: CredentialReach | null | undefined): number {
  if (!reach) return 0;
  const level = reach.level === 'admin' ? 3 : reach.level === 'write' ? 2 : reach.level === 'read' ? 1 : 0;
  return level * 2 + (reach.environment === 'production' ? 1 : 0);
}
