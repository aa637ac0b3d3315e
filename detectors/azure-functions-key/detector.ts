import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/** security-utilities SEC101/158: 40 bytes, URL-safe base64, signature `AzFu`; function, host (system) and master keys. */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 40, signature: 'AzFu', urlSafe: true },
  seeds: [kindSeed('Functi00', 'function key'), kindSeed('System00', 'system key'), kindSeed('Master00', 'master key')],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-functions-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure Functions access key',
  severity: 'high',
  docs: 'https://learn.microsoft.com/azure/azure-functions/function-keys-how-to',
  revoke:
    'Renew the key in the Azure portal (Function App > Functions > App keys, or the function > Function keys > Renew key value) or with `az functionapp keys set`; a leaked master key needs the host keys renewed.',
});
