import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `Endpoint=sb://acme-relay.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${k};EntityPath=onprem-sql\n`,
  (k) => `var tokenProvider = TokenProvider.CreateSharedAccessSignatureTokenProvider("listener", "${k}");\n`,
  (k) => `RELAY_KEY=${k}\n`,
]);
