import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `docker login acmeregistry.azurecr.io --username acmeregistry --password ${k}\n`,
  (k) => `      - name: Log in to ACR\n        run: echo "${k}" | docker login acmeregistry.azurecr.io -u ci-push --password-stdin\n`,
  (k) => `ACR_USERNAME=acmeregistry\nACR_PASSWORD=${k}\n`,
  (k) => `{\n  "auths": {\n    "acmeregistry.azurecr.io": { "username": "acmeregistry", "password": "${k}" }\n  }\n}\n`,
]);
