import { appendCaskChecksum, CASK_CHECKSUM_OFFSET } from '../checksum/microsoft-cask.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from './random-part.js';

export interface CaskKeyOptions {
  /** 4 characters, e.g. `AZDO`. */
  readonly providerSignature: string;
  /** 4 characters of provider-reserved data (default `AAAA`). */
  readonly providerReserved?: string;
  /** `9` access key (default), `D` derived, `H` hash. */
  readonly kind?: string;
  readonly longForm?: boolean;
  readonly encoding?: 'base62' | 'base64';
  /** The 52 random characters (default: drawn from the factory). */
  readonly random?: string;
}

/** A valid legacy CASK key: 52 random characters, the fixed and reserved parts, the checksum. */
export function makeCaskKey(t: TokenFactory, o: CaskKeyOptions): string {
  const year = t.pick(['A', 'B']); // 2024, 2025
  const month = t.pick([...'ABCDEFGHIJKL']);
  const platform = `AC${t.chars(ALPHA.base62, 10)}`;
  const first80 =
    (o.random ?? t.chars(ALPHA.base62, 52)) + 'JQQJ9' + (o.kind ?? '9') + year + month + platform + (o.providerReserved ?? 'AAAA') + o.providerSignature;
  return appendCaskChecksum(first80, { longForm: o.longForm ?? false, encoding: o.encoding ?? 'base62' });
}

/** A valid key whose 52 random characters are `random`, or null when they are not 52 base62 characters. */
export function caskKeyWithRandom(t: TokenFactory, o: CaskKeyOptions, random: string): string | null {
  return fitsRandom(random, ALPHA.base62, 52) ? makeCaskKey(t, { ...o, random }) : null;
}

/** The key with its first checksum character changed. */
export function flipCaskChecksum(key: string): string {
  const at = CASK_CHECKSUM_OFFSET;
  const next = ALPHA.base62[(ALPHA.base62.indexOf(key[at]!) + 1) % 62]!;
  return key.slice(0, at) + next + key.slice(at + 1);
}
