import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `HostName=acme-hub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${k}\n`,
  (k) => `conn_str = "HostName=acme-hub.azure-devices.net;DeviceId=sensor-0042;SharedAccessKey=${k}"\n`,
  (k) => `{\n  "provisioning": {\n    "idScope": "0ne00A1B2C3",\n    "registrationId": "sensor-0042",\n    "symmetricKey": "${k}"\n  }\n}\n`,
]);
