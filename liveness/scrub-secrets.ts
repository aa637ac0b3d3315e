import { redact } from '../detectors/engine/redact.js';
import type { CheckInput } from './types.js';

/**
 * Providers sometimes echo a credential back in an error message; whatever a
 * check or a revocation keeps (reasons, owners) goes through this first, so
 * only the redacted form (prefix plus a few characters) can be stored.
 */
export function scrubSecrets(text: string, input: CheckInput): string {
  const secrets = [input.secret.reveal(), input.companion?.value.reveal()].filter((s): s is string => !!s && s.length >= 8);
  return secrets.reduce((t, s) => (t.includes(s) ? t.split(s).join(redact(s)) : t), text);
}
