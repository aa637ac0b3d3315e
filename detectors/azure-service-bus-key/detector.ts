import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/** security-utilities SEC101/171: 32 bytes, signature `+ASb`, the messaging seeds (send, listen, manage). */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 32, signature: '+ASb', urlSafe: false },
  seeds: [kindSeed('Send0000', 'send key'), kindSeed('Listen00', 'listen key'), kindSeed('Manage00', 'manage key')],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-service-bus-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure Service Bus shared access key',
  severity: 'high',
  docs: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas',
  revoke:
    'Regenerate the key of that shared access policy in the Azure portal (Service Bus namespace or entity > Shared access policies > Regenerate) or with `az servicebus namespace authorization-rule keys renew`.',
});
