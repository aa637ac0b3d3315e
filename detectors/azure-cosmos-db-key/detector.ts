import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/** security-utilities SEC101/160: 64 bytes, signature `ACDb`, one seed per key kind. */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 64, signature: 'ACDb', urlSafe: false },
  seeds: [
    kindSeed('MastRW00', 'primary read-write key'),
    kindSeed('MastRO00', 'primary read-only key'),
    kindSeed('SystRW00', 'system read-write key'),
    kindSeed('SystRO00', 'system read-only key'),
    kindSeed('SysAll00', 'system all key'),
    kindSeed('Resour00', 'resource token seed key'),
    kindSeed('Encryp00', 'data encryption key'),
  ],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-cosmos-db-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure Cosmos DB account key',
  severity: 'critical',
  docs: 'https://learn.microsoft.com/azure/cosmos-db/database-security',
  revoke:
    'Regenerate the key in the Azure portal (Cosmos DB account > Settings > Keys > Regenerate) or with `az cosmosdb keys regenerate`; switch clients to the other key first to avoid downtime.',
});
