import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${k}\n`,
  (k) =>
    `{\n  "ServiceBus": {\n    "ConnectionString": "Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=sender;SharedAccessKey=${k};EntityPath=orders"\n  }\n}\n`,
  (k) => `SERVICEBUS_CONNECTION="Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=listener;SharedAccessKey=${k}"\n`,
  (k) => `servicebus_key = "${k}"\n`,
]);
