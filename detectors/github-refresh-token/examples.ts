import { crc32TokenExamples } from '../builders/crc32-token-examples.js';

export const examples = crc32TokenExamples('ghr_', 'GH_REFRESH_TOKEN');
