import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `Endpoint=sb://acme-telemetry.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${k};EntityPath=devices\n`,
  (k) =>
    `producer = EventHubProducerClient.from_connection_string(\n    "Endpoint=sb://acme-telemetry.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=${k}",\n    eventhub_name="devices",\n)\n`,
  (k) => `EVENTHUB_SAS_KEY=${k}\n`,
]);
