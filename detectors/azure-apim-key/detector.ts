import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/**
 * security-utilities SEC101/181..184: 64 bytes, signature `APIM`. The
 * subscription-key seed equals the IoT Hub seed ("IoTHub00") in the source.
 */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 64, signature: 'APIM', urlSafe: false },
  seeds: [
    kindSeed('IoTHub00', 'subscription key'),
    kindSeed('Tenant00', 'direct management key'),
    kindSeed('Gatewy00', 'gateway key'),
    kindSeed('GitKey00', 'repository key'),
  ],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-apim-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure API Management key',
  severity: 'high',
  docs: 'https://learn.microsoft.com/azure/api-management/api-management-subscriptions',
  revoke:
    'Regenerate the key in the Azure portal (API Management > Subscriptions, or Management API / Gateways / Repository settings for the other kinds) and hand the new key to its legitimate users.',
});
