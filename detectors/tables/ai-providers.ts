import { CHARS, run, type TokenTable } from '../builders/token-row.js';

/** AI model providers' API keys: a documented prefix, an alphabet and a length (detectors/builders/token-row.ts). */
export const table: TokenTable = {
  name: 'ai-providers',
  rows: [
    {
      id: 'groq-api-key',
      provider: 'Groq',
      title: 'Groq API key',
      docs: 'https://console.groq.com/docs/api-keys',
      revoke: 'Delete the key in the Groq console (API Keys) and create a new one.',
      shape: ['gsk_', run(CHARS.base62, 52)],
      env: 'GROQ_API_KEY',
    },
    {
      id: 'openrouter-api-key',
      provider: 'OpenRouter',
      title: 'OpenRouter API key',
      docs: 'https://openrouter.ai/docs/api-reference/authentication',
      revoke: 'Delete the key at openrouter.ai/settings/keys and create a new one.',
      shape: ['sk-or-v1-', run(CHARS.hexLower, 64)],
      env: 'OPENROUTER_API_KEY',
    },
  ],
};
