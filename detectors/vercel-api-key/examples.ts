import { vercelTokenExamples } from '../vercel-personal-access-token/vercel-token-examples.js';

export const examples = vercelTokenExamples('vck_', 'AI_GATEWAY_API_KEY');
