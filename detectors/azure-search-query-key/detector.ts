import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/**
 * security-utilities SEC101/166: 39 bytes, signature `AzSe`, seed "Query000".
 * Same shape as the admin key (52 base62 characters); only the seed differs.
 */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 39, signature: 'AzSe', urlSafe: true },
  seeds: [kindSeed('Query000', 'query key')],
  base62Only: true,
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-search-query-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure AI Search query key',
  severity: 'medium',
  docs: 'https://learn.microsoft.com/azure/search/search-security-api-keys',
  revoke:
    'Delete the query key in the Azure portal (Search service > Settings > Keys > Manage query keys) or with `az search query-key delete`, and create a new one for the client.',
});
