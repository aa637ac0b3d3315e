import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/** security-utilities SEC101/178..180: 32 bytes, signature `AIoT`; hub, device provisioning and device keys. */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 32, signature: 'AIoT', urlSafe: false },
  seeds: [
    kindSeed('IoTHub00', 'IoT Hub shared access key'),
    kindSeed('Device00', 'device key'),
    kindSeed('DpsKey00', 'device provisioning key'),
  ],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-iot-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure IoT Hub / device / provisioning key',
  severity: 'high',
  docs: 'https://learn.microsoft.com/azure/iot-hub/authenticate-authorize-sas',
  revoke:
    'Regenerate the key in the Azure portal: IoT Hub > Shared access policies (hub keys), Devices > the device > Regenerate keys (device keys), or the Device Provisioning Service enrollment (provisioning keys).',
});
