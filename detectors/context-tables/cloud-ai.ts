import { CHARS, run } from '../builders/token-row.js';
import { HEX, UUID, hex, type ContextRow, type ContextTable } from '../builders/context-row.js';

/**
 * Cloud hosting and AI inference credentials with no prefix of their own: a
 * Linode token is 64 hex, a Hetzner Cloud token 64 letters and digits, a
 * Vultr key 36 upper-case letters and digits, Scaleway's secret key and
 * Railway's tokens UUIDs, Cohere's and Mistral's keys plain letters and
 * digits, DeepSeek's `sk-` + 32 hex (`sk-` alone says nothing), Fireworks'
 * `fw_` (three characters: too short to stand alone). Each needs its
 * provider's word beside it.
 */

/**
 * Letters past `f`: a random run of letters and digits has them, a hex digest
 * (a commit id, a SHA-256 next to the provider's word) does not.
 */
const notHex = (v: string): boolean => /[G-Zg-z]/.test(v);

/** Keys that name a resource id held in a UUID (`RAILWAY_SERVICE_UUID`, `scaleway_instance_guid`). */
const UUID_KEYS = ['uuid', 'guid'];

/** Cohere's API key: 40 letters and digits; its SDKs read CO_API_KEY. */
const cohere = (id: string, keywords: readonly string[], env: string): ContextRow => ({
  id,
  family: 'cohere-api-key',
  provider: 'Cohere',
  title: 'Cohere API key',
  docs: 'https://docs.cohere.com/reference/about',
  revoke: 'Delete the key under API Keys in the Cohere dashboard (dashboard.cohere.com) and create a new one.',
  keywords,
  value: [run(CHARS.base62, 40)],
  valueName: '40 letters and digits',
  check: notHex,
  env,
});

export const table: ContextTable = {
  name: 'cloud-ai',
  rows: [
    {
      id: 'linode-personal-access-token',
      provider: 'Akamai (Linode)',
      title: 'Linode (Akamai Cloud) personal access token',
      severity: 'critical',
      docs: 'https://techdocs.akamai.com/linode-api/reference/get-started#personal-access-tokens',
      revoke: 'Revoke the token under your profile > API Tokens in Cloud Manager (or `linode-cli profile token-delete`) and create a new one with narrower scopes.',
      keywords: ['linode'],
      value: hex(64),
      valueName: '64 hex characters',
      env: 'LINODE_TOKEN',
      // A SHA-256 is 64 hex too: a key that names one is not the token.
      notKeyWords: ['sha256', 'sha512', 'fingerprint'],
      negatives: (t) => [
        `linode_image_sha256 = "${t.chars(HEX.chars, 64)}"`,
        `provider "registry.terraform.io/linode/linode" {\n  version = "2.5.2"\n  hashes = [\n    "zh:${t.chars(HEX.chars, 64)}",\n  ]\n}\n`,
      ],
    },
    {
      id: 'vultr-api-key',
      provider: 'Vultr',
      title: 'Vultr API key',
      severity: 'critical',
      docs: 'https://www.vultr.com/api/',
      revoke: 'Regenerate the key under Account > API in the Vultr customer portal (the old one stops working) and restrict it with an access control list.',
      keywords: ['vultr'],
      value: [run(CHARS.upperAlnum, 36)],
      valueName: '36 upper-case letters and digits',
      // A random key has both; a word or an upper-case hex string does not.
      check: (v) => /[0-9]/.test(v) && /[G-Z]/.test(v),
      env: 'VULTR_API_KEY',
      negatives: () => [`VULTR_REGION_SLUG=AMSTERDAMNETHERLANDSEUROPEWESTREGION`],
    },
    {
      id: 'hetzner-cloud-api-token',
      provider: 'Hetzner',
      title: 'Hetzner Cloud API token',
      severity: 'critical',
      docs: 'https://docs.hetzner.com/cloud/api/getting-started/generating-api-token/',
      revoke: 'Delete the token under Security > API tokens in the Hetzner Cloud Console project and create a new one.',
      keywords: ['hcloud', 'hetzner'],
      value: [run(CHARS.base62, 64)],
      valueName: '64 letters and digits',
      check: notHex,
      env: 'HCLOUD_TOKEN',
      // A SHA-256 next to the word (an image or snapshot checksum) is 64 hex.
      negatives: (t) => [`hetzner_snapshot_digest: ${t.chars(HEX.chars, 64)}`, `hcloud_image = "${t.chars(HEX.chars, 64)}"`],
    },
    {
      id: 'scaleway-secret-key',
      provider: 'Scaleway',
      title: 'Scaleway API secret key',
      severity: 'critical',
      docs: 'https://www.scaleway.com/en/developers/api/iam/api-keys',
      revoke: 'Delete the API key under IAM > API keys in the Scaleway console (its SCW… access key names it) and create a new one.',
      // SCW_SECRET_KEY is the CLI's and SDKs' variable; SCW_TOKEN its older name.
      keywords: ['scaleway', 'scw_secret', 'scw_token'],
      value: UUID,
      valueName: 'a UUID',
      env: 'SCW_SECRET_KEY',
      // Organization and project ids are UUIDs too.
      notKeyWords: UUID_KEYS,
      negatives: (_t, v) => [`SCW_DEFAULT_PROJECT_ID=${v()}`, `scaleway_organization_id = "${v()}"`],
    },
    {
      id: 'railway-api-token',
      provider: 'Railway',
      title: 'Railway account, workspace or project token',
      severity: 'critical',
      docs: 'https://docs.railway.com/reference/public-api',
      revoke: 'Delete the token under Account Settings > Tokens (account and workspace tokens) or the project’s Settings > Tokens in Railway, and create a new one.',
      keywords: ['railway'],
      value: UUID,
      valueName: 'a UUID',
      env: 'RAILWAY_TOKEN',
      // Railway injects its resource ids as UUIDs: RAILWAY_PROJECT_ID, RAILWAY_ENVIRONMENT_ID, RAILWAY_SERVICE_ID.
      notKeyWords: [...UUID_KEYS, 'environment', 'service', 'deployment', 'replica', 'volume'],
      negatives: (_t, v) => [`RAILWAY_ENVIRONMENT_ID=${v()}`, `railwayServiceUuid: "${v()}"`],
    },
    cohere('cohere-api-key', ['cohere'], 'COHERE_API_KEY'),
    {
      // CO_API_KEY must begin the key (`DISCO_API_KEY` is not Cohere's).
      ...cohere('cohere-api-key-co', ['CO_API_KEY'], 'CO_API_KEY'),
      keyStart: true,
      negatives: (t, v) => [`DISCO_API_KEY=${v()}`, `CO_API_KEY=${t.chars(HEX.chars, 40)}`],
    },
    {
      id: 'mistral-api-key',
      provider: 'Mistral AI',
      title: 'Mistral AI API key',
      docs: 'https://docs.mistral.ai/getting-started/quickstart/',
      revoke: 'Delete the key under API Keys in the Mistral AI console (console.mistral.ai) and create a new one.',
      keywords: ['mistral'],
      value: [run(CHARS.base62, 32)],
      valueName: '32 letters and digits',
      check: notHex,
      env: 'MISTRAL_API_KEY',
      // An MD5 of a model file next to the word is 32 hex.
      negatives: (t) => [`mistral_7b_instruct_q4.gguf_md5: ${t.chars(HEX.chars, 32)}`, `MISTRAL_MODEL=mistral-large-latest`],
    },
    {
      id: 'deepseek-api-key',
      provider: 'DeepSeek',
      title: 'DeepSeek API key',
      docs: 'https://api-docs.deepseek.com/',
      revoke: 'Delete the key on the API keys page of the DeepSeek platform (platform.deepseek.com) and create a new one.',
      keywords: ['deepseek'],
      value: ['sk-', run(HEX, 32)],
      valueName: '"sk-" and 32 hex characters',
      env: 'DEEPSEEK_API_KEY',
      note: '`sk-` is also the start of OpenAI keys and of many placeholders; the 32 hex after it are DeepSeek\'s only with its word.',
      negatives: (t) => [`DEEPSEEK_API_KEY=sk-${t.chars(CHARS.base62.chars, 48)}`],
    },
    {
      id: 'assemblyai-api-key',
      provider: 'AssemblyAI',
      title: 'AssemblyAI API key',
      docs: 'https://www.assemblyai.com/docs/api-reference/overview',
      revoke: 'Delete the key under API Keys in the AssemblyAI dashboard and create a new one.',
      keywords: ['assemblyai', 'assembly_ai'],
      value: hex(32),
      valueName: '32 hex characters',
      env: 'ASSEMBLYAI_API_KEY',
      notKeyWords: ['md5', 'transcript'],
      negatives: (_t, v) => [`assemblyai_transcript: ${v()}`],
    },
    {
      id: 'fireworks-api-key',
      provider: 'Fireworks AI',
      title: 'Fireworks AI API key',
      docs: 'https://docs.fireworks.ai/api-reference/introduction',
      revoke: 'Delete the key under Settings > API Keys on fireworks.ai (or `firectl delete api-key`) and create a new one.',
      keywords: ['fireworks'],
      // `fw_` and a base58-looking body of 22 to 33 characters in the keys seen in public code.
      value: ['fw_', run(CHARS.base62, 20, 40)],
      valueName: '"fw_" and 20 to 40 letters and digits',
      env: 'FIREWORKS_API_KEY',
      note: '`fw_` is three characters (firmware, framework variables); the key needs its word.',
      negatives: () => [`FIREWORKS_FIRMWARE=fw_v2_bootloader`, `fireworks_model: accounts/fireworks/models/llama-v3p1-70b-instruct`],
    },
  ],
};
