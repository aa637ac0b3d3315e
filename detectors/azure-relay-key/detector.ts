import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/** security-utilities SEC101/173: 32 bytes, signature `+ARm`, the messaging seeds (send, listen, manage). */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 32, signature: '+ARm', urlSafe: false },
  seeds: [kindSeed('Send0000', 'send key'), kindSeed('Listen00', 'listen key'), kindSeed('Manage00', 'manage key')],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-relay-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure Relay shared access key',
  severity: 'high',
  docs: 'https://learn.microsoft.com/azure/azure-relay/relay-authentication-and-authorization',
  revoke:
    'Regenerate the key of that shared access policy in the Azure portal (Relay namespace or hybrid connection > Shared access policies > Regenerate) or with `az relay namespace authorization-rule keys renew`.',
});
