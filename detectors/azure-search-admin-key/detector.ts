import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/**
 * security-utilities SEC101/167: 39 bytes, signature `AzSe`, seed "PAdmin00".
 * Search keys have their own shape: 52 characters, no padding, base62 only.
 */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 39, signature: 'AzSe', urlSafe: true },
  seeds: [kindSeed('PAdmin00', 'admin key')],
  base62Only: true,
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-search-admin-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure AI Search admin key',
  severity: 'high',
  docs: 'https://learn.microsoft.com/azure/search/search-security-api-keys',
  revoke:
    'Regenerate the admin key in the Azure portal (Search service > Settings > Keys > Regenerate primary/secondary admin key) or with `az search admin-key renew`.',
});
