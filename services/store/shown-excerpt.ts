import type { Engine } from '../../detectors/engine/engine.js';
import { maskSecrets, type Excerpt } from '../../scanner/excerpt.js';
import type { FindingsStore } from './findings-store.js';

/**
 * A finding's stored excerpt as the API and the console show it: opened,
 * then masked again by whatever the engine finds in it now (a secret on those
 * lines that was not a finding when the excerpt was cut, or a detector added
 * since), besides the finding's own secret and companion wherever they appear.
 */
export async function shownExcerpt(findings: FindingsStore, engine: Engine, fingerprint: string): Promise<Excerpt | null> {
  const stored = await findings.excerpt(fingerprint);
  if (!stored) return null;
  const revealed = await findings.revealSecret(fingerprint);
  const own = revealed ? [revealed.secret.reveal(), ...(revealed.companion ? [revealed.companion.value.reveal()] : [])] : [];
  return { firstLine: stored.firstLine, text: maskSecrets(stored.text, engine, own) };
}
