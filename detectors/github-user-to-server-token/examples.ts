import { crc32TokenExamples } from '../builders/crc32-token-examples.js';

export const examples = crc32TokenExamples('ghu_', 'GH_USER_TOKEN');
