import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/** security-utilities SEC101/152: 64 bytes, signature `+ASt`, seed "Default0". */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 64, signature: '+ASt', urlSafe: false },
  seeds: [kindSeed('Default0', 'account key')],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-storage-account-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure Storage account key',
  severity: 'critical',
  docs: 'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage',
  revoke:
    'Rotate the key in the Azure portal (Storage account > Security + networking > Access keys > Rotate key) or with `az storage account keys renew`; update the apps that use it, then rotate the other key too if it was shared.',
});
