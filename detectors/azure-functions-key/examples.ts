import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `const url = 'https://acme-orders.azurewebsites.net/api/CreateOrder?code=${k}';\n`,
  (k) => {
    // The same key percent-encoded in a URL: the padding becomes %3D%3D and is not part of the match.
    const bare = k.replace(/=+$/, '');
    return { text: `curl "https://acme-orders.azurewebsites.net/api/CreateOrder?code=${bare}%3D%3D&clientId=default"\n`, secret: bare };
  },
  (k) => `x-functions-key: ${k}\n`,
  (k) => `{\n  "masterKey": {\n    "name": "master",\n    "value": "${k}",\n    "encrypted": false\n  }\n}\n`,
]);
