import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/** security-utilities SEC101/176: 39 bytes (52 characters, no padding), signature `+ACR`, seed "ACRDflt0". */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 39, signature: '+ACR', urlSafe: false },
  seeds: [kindSeed('ACRDflt0', 'registry password')],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-container-registry-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure Container Registry password',
  severity: 'critical',
  docs: 'https://learn.microsoft.com/azure/container-registry/container-registry-authentication',
  revoke:
    'Regenerate the password in the Azure portal (Container registry > Settings > Access keys, or Repository permissions > Tokens) or with `az acr credential renew` / `az acr token credential generate`.',
});
