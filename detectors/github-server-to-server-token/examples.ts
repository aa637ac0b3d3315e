import { crc32TokenExamples } from '../builders/crc32-token-examples.js';

export const examples = crc32TokenExamples('ghs_', 'GH_INSTALLATION_TOKEN');
