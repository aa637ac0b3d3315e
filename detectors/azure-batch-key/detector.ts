import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/** security-utilities SEC101/163: 64 bytes, signature `+ABa`, seed "AbAcct00". */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 64, signature: '+ABa', urlSafe: false },
  seeds: [kindSeed('AbAcct00', 'account key')],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-batch-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure Batch account key',
  severity: 'high',
  docs: 'https://learn.microsoft.com/azure/batch/security-best-practices',
  revoke:
    'Regenerate the key in the Azure portal (Batch account > Settings > Keys > Regenerate) or with `az batch account keys renew`.',
});
