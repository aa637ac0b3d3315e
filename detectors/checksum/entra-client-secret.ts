import { asciiSeed, marvin32 } from './marvin32.js';

/**
 * Microsoft Entra ID (Azure AD) client secrets of the current format, per
 * microsoft/security-utilities (MIT) `IdentifiableMetadata.IsAzureAadClientAppIdentifiableSecret`:
 * 40 characters with `8Q~` at offset 3. The last 3 characters are the first 3
 * of the Marvin32 checksum ("AadPwd00" seed) of the 37 characters before them
 * (as Latin-1 bytes), written most significant digit first in the 66-character
 * alphabet below and left-padded with its first character to 6 characters.
 */
export const ENTRA_SECRET_SEED = asciiSeed('AadPwd00');
export const ENTRA_SECRET_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890.-_~';

function encode(value: number): string {
  const base = ENTRA_SECRET_ALPHABET.length;
  let out = '';
  for (let v = value; v > 0; v = Math.floor(v / base)) out = ENTRA_SECRET_ALPHABET[v % base]! + out;
  return out.padStart(6, ENTRA_SECRET_ALPHABET[0]);
}

/** The 3 checksum characters for the first 37 characters of a secret. */
export function entraSecretChecksum(first37: string): string {
  return encode(marvin32(Uint8Array.from(Buffer.from(first37, 'latin1')), ENTRA_SECRET_SEED)).slice(0, 3);
}

export function hasValidEntraSecretChecksum(secret: string): boolean {
  if (secret.length !== 40 || secret.slice(3, 6) !== '8Q~') return false;
  return entraSecretChecksum(secret.slice(0, 37)) === secret.slice(37);
}
