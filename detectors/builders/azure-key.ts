import { shannonEntropy } from './entropy.js';
import { decodeBase64, isWellKnownPublicKey, placeholderReason } from './placeholder.js';

/**
 * Provider signatures of Microsoft's identifiable keys (microsoft/security-utilities,
 * IdentifiableMetadata.cs). A key that carries one at its fixed offset is reported
 * by an identifiable detector (with its Marvin32 checksum), not by a legacy one.
 */
const AZURE_SIGNATURES = new Set([
  '+ASt', 'ACDb', '+ASb', '+AEh', '+ARm', '+ABa', 'AzFu', 'AzSe', 'AzCa', '+ACR', 'APIM', 'AIoT', 'AZEG', '+AMC', '+SQL',
]);

/** True when a 44- or 88-character key has a provider signature where identifiable keys put it (offset 33 or 76). */
export function hasIdentifiableSignature(key: string): boolean {
  if (key.length === 88) return AZURE_SIGNATURES.has(key.slice(76, 80));
  if (key.length === 44) return AZURE_SIGNATURES.has(key.slice(33, 37));
  return false;
}

/**
 * Why a base64 account or shared access key is not a live-looking key:
 * wrong decoded length, low entropy (hand-typed), a placeholder, a documented
 * emulator key, or an identifiable key (reported elsewhere). Null when plausible.
 */
export function azureKeyRejection(key: string, decodedBytes: readonly number[]): string | null {
  const decoded = decodeBase64(key);
  if (decoded === null || !decodedBytes.includes(decoded.length)) return 'not a base64 key of the expected size';
  if (placeholderReason(key)) return 'placeholder';
  if (isWellKnownPublicKey(key)) return 'documented emulator key';
  if (hasIdentifiableSignature(key)) return 'identifiable key (reported by its own detector)';
  // Random base64 of 32+ bytes has about 5 bits/char or more; typed filler (`abcd...==`) has far less.
  if (shannonEntropy(key.replace(/=+$/, '')) < 4.5) return 'low entropy';
  return null;
}
