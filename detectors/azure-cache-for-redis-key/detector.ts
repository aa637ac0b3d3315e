import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/**
 * security-utilities SEC101/154: 32 bytes, signature `AzCa`, seed "Access00".
 * The source also tries a "special character" form (Marvin32 over all 32
 * decoded bytes, including the 4 it is then written over, with `+`/`/` shown
 * as `P`/`F`); that is a fixed-point condition no generator can meet short of
 * a 2^32 search, so it is not reproduced here.
 */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 32, signature: 'AzCa', urlSafe: false },
  seeds: [kindSeed('Access00', 'access key')],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-cache-for-redis-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure Cache for Redis access key',
  severity: 'critical',
  docs: 'https://learn.microsoft.com/azure/azure-cache-for-redis/cache-configure#access-keys',
  revoke:
    'Regenerate the key in the Azure portal (Azure Cache for Redis > Settings > Authentication > Access keys > Regenerate) or with `az redis regenerate-keys`; move clients to the other key first.',
});
