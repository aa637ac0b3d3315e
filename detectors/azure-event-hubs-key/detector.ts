import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/** security-utilities SEC101/172: 32 bytes, signature `+AEh`, the messaging seeds (send, listen, manage). */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 32, signature: '+AEh', urlSafe: false },
  seeds: [kindSeed('Send0000', 'send key'), kindSeed('Listen00', 'listen key'), kindSeed('Manage00', 'manage key')],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-event-hubs-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure Event Hubs shared access key',
  severity: 'high',
  docs: 'https://learn.microsoft.com/azure/event-hubs/authenticate-shared-access-signature',
  revoke:
    'Regenerate the key of that shared access policy in the Azure portal (Event Hubs namespace or event hub > Shared access policies > Regenerate) or with `az eventhubs namespace authorization-rule keys renew`.',
});
