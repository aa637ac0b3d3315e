import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { base64Key } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (k: string) => string): void => {
      const k = base64Key(t, 32);
      out.push({ text: make(k), secret: k });
    };
    add((k) => `ServiceBusConnection=Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${k}\n`);
    add((k) => `"EventHubConnectionString": "Endpoint=sb://telemetry-ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${k};EntityPath=events"\n`);
    add((k) => `"IOTHUB_CONNECTION_STRING": {\n  "value": "HostName=d1-vi-ioth521.azure-devices.net;SharedAccessKeyName=registryReadWrite;SharedAccessKey=${k}"\n}\n`);
    add((k) => `DEVICE_CONNECTION_STRING="HostName=plant7-hub.azure-devices.net;DeviceId=press-04;SharedAccessKey=${k}"\n`);
    add((k) => `az servicebus queue list --connection-string "Endpoint=sb://billing.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=${k}"\n`);
    add((k) => `relay = "Endpoint=sb://hybrid-conn.servicebus.windows.net/;SharedAccessKeyName=default;SharedAccessKey=${k};EntityPath=onprem"\n`);
    add((k) => `SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${k}\n`);
    return out;
  },
  negatives: (t) => {
    const k = base64Key(t, 32);
    return [
      `SharedAccessKeyName=[Shared Access Key Name goes here];SharedAccessKey=[Shared Access key goes here];`,
      `Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=<policy>;SharedAccessKey=<key>`,
      `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=\${SB_KEY}`,
      `Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${k}`,
      // Identifiable Service Bus key (signature at offset 33): reported by the identifiable detector.
      `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${k.slice(0, 33)}+ASb${k.slice(37)}`,
      `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${'A'.repeat(43)}=`,
      // A key with nothing that says which service it is for.
      `SharedAccessKey=${k}`,
    ];
  },
};
