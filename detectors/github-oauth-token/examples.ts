import { crc32TokenExamples } from '../builders/crc32-token-examples.js';

export const examples = crc32TokenExamples('gho_', 'GH_OAUTH_TOKEN');
