import { CHARS, run, type TokenRow, type TokenTable } from '../builders/token-row.js';

/** Package registries' publishing and read tokens: a documented prefix, an alphabet and a length (detectors/builders/token-row.ts). */

const packagist = (code: string, kind: string, what: string, env: string): TokenRow => ({
  id: `packagist-${kind}`,
  family: 'packagist-token',
  provider: 'Private Packagist',
  title: `Private Packagist ${what}`,
  docs: 'https://packagist.com/docs/authentication',
  revoke: 'Regenerate or delete the token in Private Packagist (organization Settings > Authentication tokens, or your profile for user tokens) and update the consumers.',
  shape: [`packagist_${code}_`, run(CHARS.hexLower, 68)],
  env,
});

export const table: TokenTable = {
  name: 'package-registries',
  rows: [
    {
      id: 'rubygems-api-key',
      provider: 'RubyGems.org',
      title: 'RubyGems.org API key',
      severity: 'critical',
      docs: 'https://guides.rubygems.org/api-key-scopes/',
      revoke: 'Delete the key under Settings > API keys on rubygems.org and create a new one; check the gems it could push for unexpected releases.',
      shape: ['rubygems_', run(CHARS.hexLower, 48)],
      env: 'GEM_HOST_API_KEY',
    },
    {
      id: 'clojars-deploy-token',
      provider: 'Clojars',
      title: 'Clojars deploy token',
      severity: 'critical',
      docs: 'https://github.com/clojars/clojars-web/wiki/Deploy-Tokens',
      revoke: 'Disable the token under Dashboard > Deploy Tokens on clojars.org and create a new one.',
      shape: ['CLOJARS_', run(CHARS.hexLower, 60)],
      env: 'CLOJARS_PASSWORD',
    },
    {
      id: 'crates-io-api-token',
      provider: 'crates.io',
      title: 'crates.io API token',
      severity: 'critical',
      docs: 'https://doc.rust-lang.org/cargo/reference/publishing.html#before-your-first-publish',
      revoke: 'Revoke the token under Account Settings > API Tokens on crates.io and create a new one; check the crates it could publish for unexpected versions.',
      shape: ['cio', run(CHARS.base62, 32)],
      env: 'CARGO_REGISTRY_TOKEN',
      // `cio` alone is a common substring (`malicious`, `precious`): the boundary rejects those, and a
      // generated token mixes upper and lower case (all-one-case bodies: under 1e-7 of real tokens).
      check: (secret) => /[A-Z]/.test(secret.slice(3)) && /[a-z]/.test(secret.slice(3)),
      note: 'The 3-character prefix is short; the exact length, the boundary and the mixed-case check make a match deterministic.',
    },
    packagist('ort', 'organization-read-token', 'organization read-only token', 'COMPOSER_AUTH'),
    packagist('out', 'organization-update-token', 'organization update token', 'COMPOSER_AUTH'),
    packagist('uut', 'user-update-token', 'user update token', 'COMPOSER_AUTH'),
    packagist('cut', 'conductor-update-token', 'Conductor update token', 'COMPOSER_AUTH'),
    {
      id: 'packagist-api-secret',
      family: 'packagist-token',
      provider: 'Private Packagist',
      title: 'Private Packagist API secret',
      severity: 'critical',
      docs: 'https://packagist.com/docs/api',
      revoke: 'Delete the API credentials under organization Settings > API access in Private Packagist and create new ones.',
      shape: ['packagist_acs_', run(CHARS.hexLower, 64, 96)],
      env: 'PACKAGIST_API_SECRET',
    },
  ],
};
