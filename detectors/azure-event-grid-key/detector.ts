import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/**
 * security-utilities SEC101/199 (identifiable form): 32 bytes, signature
 * `AZEG`, seed "SendRecv". The source's Rust test key for this signature
 * carries a "Default0" checksum instead, so that seed is accepted too.
 * (Event Grid keys in the 84-character CASK form are `microsoft-cask-key`.)
 */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 32, signature: 'AZEG', urlSafe: false },
  seeds: [kindSeed('SendRecv', 'access key'), kindSeed('Default0', 'access key, default seed')],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-event-grid-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure Event Grid access key',
  severity: 'high',
  docs: 'https://learn.microsoft.com/azure/event-grid/authenticate-with-access-keys-shared-access-signatures',
  revoke:
    'Regenerate the key in the Azure portal (Event Grid topic or domain > Settings > Access keys > Regenerate) or with `az eventgrid topic key regenerate`.',
});
