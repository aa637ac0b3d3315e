import { identifiableKeyDetector, type IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { kindSeed } from '../checksum/microsoft-identifiable.js';

/** security-utilities SEC101/170: 64 bytes, signature `+AMC`, seed "Classic0". */
export const spec: IdentifiableKeySpec = {
  shape: { bytes: 64, signature: '+AMC', urlSafe: false },
  seeds: [kindSeed('Classic0', 'web service key')],
};

export const detector = identifiableKeyDetector(spec, {
  id: 'azure-ml-classic-key',
  family: 'microsoft-identifiable-key',
  provider: 'Microsoft Azure',
  title: 'Azure Machine Learning (classic) web service key',
  severity: 'medium',
  docs: 'https://learn.microsoft.com/previous-versions/azure/machine-learning/classic/consume-web-services',
  revoke:
    'Regenerate the web service key in the Azure Machine Learning Web Services portal (or delete the retired classic web service); remove the key from the code that calls it.',
});
