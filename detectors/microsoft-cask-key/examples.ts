import type { DetectorExamples } from '../examples-types.js';
import { caskKeyWithRandom, flipCaskChecksum, makeCaskKey } from '../builders/microsoft-cask-examples.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples: DetectorExamples = {
  generate: (t) => makeCaskKey(t, { providerSignature: 'AZAC' }),
  withRandom: (t, random) => caskKeyWithRandom(t, { providerSignature: 'AZAC' }, random),
  positives: (t) => {
    const appConfig = makeCaskKey(t, { providerSignature: 'AZAC' });
    const pubsub = makeCaskKey(t, { providerSignature: 'AWPS', encoding: 'base64' });
    const acs = makeCaskKey(t, { providerSignature: 'AZCS' });
    const eventGrid = makeCaskKey(t, { providerSignature: 'AZEG', longForm: true });
    const sql = makeCaskKey(t, { providerSignature: 'msql' });
    const derived = makeCaskKey(t, { providerSignature: 'AZDO', kind: 'D' });
    const unknown = makeCaskKey(t, { providerSignature: 'TEST', kind: 'H', longForm: true, encoding: 'base64' });
    return [
      { text: `Endpoint=https://acme-config.azconfig.io;Id=Ab1c-l0-s0:Xy9zQ1;Secret=${appConfig}\n`, secret: appConfig },
      { text: `"Endpoint=https://acme-chat.webpubsub.azure.com;AccessKey=${pubsub};Version=1.0;"\n`, secret: pubsub },
      { text: `COMMUNICATION_SERVICES_CONNECTION_STRING=endpoint=https://acme-sms.communication.azure.com/;accesskey=${acs}\n`, secret: acs },
      { text: `curl -H "aeg-sas-key: ${eventGrid}" -d @events.json https://acme.westeurope-1.eventgrid.azure.net/api/events\n`, secret: eventGrid },
      { text: `Server=tcp:acme.database.windows.net;User ID=sa;Password=${sql};\n`, secret: sql },
      { text: `derived_key: ${derived}\n`, secret: derived },
      { text: `secret = "${unknown}"\n`, secret: unknown },
    ];
  },
  negatives: (t) => {
    const good = makeCaskKey(t, { providerSignature: 'AZAC' });
    return [
      `Secret=${flipCaskChecksum(good)}\n`,
      `Secret=${good.slice(0, 83)}\n`,
      `Secret=${good}${t.chars(ALPHA.base62, 3)}\n`,
      // Access keys with their own detectors are not reported twice.
      `Secret=${makeCaskKey(t, { providerSignature: 'AZDO' })}\n`,
      `Secret=${makeCaskKey(t, { providerSignature: 'ACOG', providerReserved: 'AAAB' })}\n`,
      // Signatures start with a letter.
      `Secret=${makeCaskKey(t, { providerSignature: '9ZAC' })}\n`,
    ];
  },
};
