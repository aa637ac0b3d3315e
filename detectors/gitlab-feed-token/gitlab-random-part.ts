import type { Detector, DetectorMeta, RandomPart } from '../types.js';
import { gitlabTokenDetector, type GitlabTokenSpec } from '../builders/gitlab-token.js';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A GitLab token kind built with the shared GitLab builder, plus where its
 * random characters are for the engine's placeholder judgment: the legacy
 * body after the prefix (and after a CI job token's partition id), or the
 * first 21 characters of a routable token's payload (its 16 random bytes).
 * Shared by the GitLab folders added with the catalogue.
 */
export function gitlabKindDetector(
  spec: GitlabTokenSpec & { readonly legacyRandom: number; readonly legacyTail?: boolean },
  meta: Omit<DetectorMeta, 'tier'>,
): Detector {
  const prefixes = [...spec.prefixes].sort((a, b) => b.length - a.length);
  const randomPart: RandomPart = {
    alphabet: BASE64URL,
    minLength: Math.min(21, spec.legacyRandom),
    maxLength: Math.max(21, spec.legacyRandom),
    of: (secret) => {
      const prefix = prefixes.find((p) => secret.startsWith(p));
      if (prefix === undefined) return null;
      const rest = secret.slice(prefix.length);
      if (spec.routable && rest.includes('.')) return rest.slice(0, 21);
      // Legacy: the random run is the last `legacyRandom` characters (after a partition id, if any).
      return spec.legacyTail ? rest.slice(-spec.legacyRandom) : rest.slice(0, spec.legacyRandom);
    },
  };
  return { ...gitlabTokenDetector(spec, meta), randomPart };
}
