import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `curl -X POST -H "aeg-sas-key: ${k}" -d @events.json https://acme-orders.westeurope-1.eventgrid.azure.net/api/events\n`,
  (k) => `EVENTGRID_TOPIC_KEY=${k}\n`,
  (k) => `client = EventGridPublisherClient(endpoint, AzureKeyCredential("${k}"))\n`,
]);
