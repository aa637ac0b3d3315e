import { CHARS, run, type TokenRow, type TokenTable } from '../builders/token-row.js';

/**
 * AI model and AI-tooling providers' API keys: a documented prefix, an
 * alphabet and a length (detectors/builders/token-row.ts). Keys whose prefix
 * is too short to be a keyword on its own (ElevenLabs `sk_` + 48 hex,
 * Firecrawl `fc-` + 32 hex) keep folders with a byte requirement after the
 * keyword. Keys with no prefix of their own (Cohere, Mistral, DeepSeek's
 * `sk-` + 32 hex, AssemblyAI, Deepgram, Kagi, Exa, Weights & Biases) need
 * their keyword beside them and are not identifiable.
 */

/**
 * Bytes that may not touch a token. token-row's default writes `-` as `\-`,
 * which the engine's byte-class reader (engine/char-class.ts) takes as part of
 * a range, leaving `-` out; these rows spell the class out with `-` last.
 */
const BOUNDARY = 'A-Za-z0-9_-';

const UUID = [run(CHARS.hexLower, 8), '-', run(CHARS.hexLower, 4), '-', run(CHARS.hexLower, 4), '-', run(CHARS.hexLower, 4), '-', run(CHARS.hexLower, 12)] as const;

const langsmith = (kind: 'pt' | 'sk', id: string, what: string): TokenRow => ({
  id,
  family: 'langsmith-api-key',
  provider: 'LangChain',
  title: `LangSmith ${what}`,
  docs: 'https://docs.langchain.com/langsmith/create-account-api-key',
  revoke: 'Delete the key under Settings > API Keys in LangSmith (the trash icon) and create a new one.',
  // `lsv2_pt_` (personal access token) or `lsv2_sk_` (service key) + 32 hex + `_` + 10 hex.
  shape: [`lsv2_${kind}_`, run(CHARS.hexLower, 32), '_', run(CHARS.hexLower, 10)],
  env: 'LANGSMITH_API_KEY',
  boundary: BOUNDARY,
});

const tavily = (prefix: string, id: string, what: string): TokenRow => ({
  id,
  family: 'tavily-api-key',
  provider: 'Tavily',
  title: `Tavily ${what}`,
  docs: 'https://help.tavily.com/articles/6594896502-best-practices-for-tavily-api-key-safety',
  revoke: 'Delete the key in the API Keys table of the Tavily dashboard (app.tavily.com) and create a new one.',
  shape: [prefix, run(CHARS.base62, 32)],
  env: 'TAVILY_API_KEY',
  boundary: BOUNDARY,
});

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
    {
      id: 'xai-api-key',
      provider: 'xAI',
      title: 'xAI API key',
      docs: 'https://docs.x.ai/console/faq/security',
      revoke: 'Delete the key on the API Keys page of the xAI console (console.x.ai) and create a new one; check the audit log for requests you did not make.',
      // `xai-` + 80 characters; other scanners allow `_` in the body, so the run does too.
      shape: ['xai-', run(CHARS.word, 80)],
      env: 'XAI_API_KEY',
      boundary: BOUNDARY,
    },
    {
      id: 'replicate-api-token',
      provider: 'Replicate',
      title: 'Replicate API token',
      docs: 'https://replicate.com/docs/topics/security/api-tokens',
      revoke: 'Disable the token at replicate.com/account/api-tokens and create a new one.',
      // Replicate documents "40-character strings that always start with r8_".
      shape: ['r8_', run(CHARS.urlSafe, 37)],
      env: 'REPLICATE_API_TOKEN',
      boundary: BOUNDARY,
    },
    {
      id: 'perplexity-api-key',
      provider: 'Perplexity',
      title: 'Perplexity API key',
      docs: 'https://docs.perplexity.ai/guides/api-key-management',
      revoke: 'Revoke the key in the API Keys tab of the Perplexity API portal (or with /revoke_auth_token) and generate a new one.',
      shape: ['pplx-', run(CHARS.base62, 48)],
      env: 'PERPLEXITY_API_KEY',
      boundary: BOUNDARY,
    },
    langsmith('pt', 'langsmith-personal-access-token', 'personal access token'),
    langsmith('sk', 'langsmith-service-key', 'service key'),
    {
      id: 'pinecone-api-key',
      provider: 'Pinecone',
      title: 'Pinecone API key',
      docs: 'https://docs.pinecone.io/guides/projects/manage-api-keys',
      revoke: 'Delete the key under API keys in the Pinecone console (project settings) and create a new one.',
      // `pcsk_` + a 5-6 character key id + `_` + 63 characters.
      shape: ['pcsk_', run(CHARS.base62, 5, 6), '_', run(CHARS.base62, 63)],
      env: 'PINECONE_API_KEY',
      boundary: BOUNDARY,
    },
    tavily('tvly-', 'tavily-api-key', 'API key'),
    tavily('tvly-dev-', 'tavily-development-api-key', 'development API key'),
    tavily('tvly-prod-', 'tavily-production-api-key', 'production API key'),
    {
      id: 'jina-api-key',
      provider: 'Jina AI',
      title: 'Jina AI API key',
      docs: 'https://jina.ai/api-dashboard/',
      revoke: 'Delete the key in the API key manager of the Jina AI dashboard and create a new one (a key holds prepaid tokens).',
      // `jina_` + 32 hex + 28 characters (base62, with `_` and `-` seen in issued keys).
      shape: ['jina_', run(CHARS.hexLower, 32), run(CHARS.urlSafe, 28)],
      env: 'JINA_API_KEY',
      boundary: BOUNDARY,
    },
    {
      id: 'nvidia-api-key',
      provider: 'NVIDIA',
      title: 'NVIDIA API key (build.nvidia.com)',
      docs: 'https://docs.nvidia.com/nemo/retriever/latest/extraction/api-keys/index.html',
      revoke: 'Delete the key under Settings > API keys on build.nvidia.com (or rotate it in NGC) and create a new one.',
      shape: ['nvapi-', run(CHARS.urlSafe, 64)],
      env: 'NVIDIA_API_KEY',
      boundary: BOUNDARY,
    },
    {
      id: 'together-api-key',
      provider: 'Together AI',
      title: 'Together AI API key',
      docs: 'https://docs.together.ai/docs/api-keys-authentication',
      revoke: 'Delete the key in the project\'s API key settings (api.together.ai/settings) and create a new one.',
      shape: ['tgp_v1_', run(CHARS.urlSafe, 43)],
      env: 'TOGETHER_API_KEY',
      boundary: BOUNDARY,
    },
    {
      id: 'cerebras-api-key',
      provider: 'Cerebras',
      title: 'Cerebras Inference API key',
      docs: 'https://inference-docs.cerebras.ai/api-reference',
      revoke: 'Delete the key under API Keys in the Cerebras Cloud console (cloud.cerebras.ai) and create a new one.',
      shape: ['csk-', run(CHARS.lowerAlnum, 48)],
      env: 'CEREBRAS_API_KEY',
      boundary: BOUNDARY,
    },
    {
      id: 'langfuse-secret-key',
      provider: 'Langfuse',
      title: 'Langfuse secret API key',
      docs: 'https://langfuse.com/faq/all/where-are-langfuse-api-keys',
      revoke: 'Delete the key pair under Project Settings > API Keys in Langfuse and create a new one (the pk-lf- public key beside it is not secret).',
      shape: ['sk-lf-', ...UUID],
      env: 'LANGFUSE_SECRET_KEY',
      boundary: BOUNDARY,
    },
  ],
};
