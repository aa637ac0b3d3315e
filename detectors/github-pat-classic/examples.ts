import { crc32TokenExamples } from '../builders/crc32-token-examples.js';

export const examples = crc32TokenExamples('ghp_', 'GITHUB_TOKEN');
