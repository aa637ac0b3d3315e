import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `url = 'https://ussouthcentral.services.azureml.net/workspaces/0f2c/services/9a1b/execute?api-version=2.0'\napi_key = '${k}'\nheaders = {'Authorization': ('Bearer ' + api_key)}\n`,
  (k) => `AZUREML_API_KEY="${k}"\n`,
]);
