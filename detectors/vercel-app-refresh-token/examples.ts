import { vercelTokenExamples } from '../vercel-personal-access-token/vercel-token-examples.js';

export const examples = vercelTokenExamples('vcr_', 'VERCEL_REFRESH_TOKEN');
