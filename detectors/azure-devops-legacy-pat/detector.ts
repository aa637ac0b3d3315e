import type { Detector, Verdict } from '../types.js';
import { adoLegacyPatKind, ADO_PAT_KINDS, type AdoPatKind } from '../checksum/azure-devops-legacy-pat.js';
import { caselessAny } from '../builders/ascii-caseless.js';
import { CHARS } from '../builders/token-row.js';

/**
 * The characters of a token that hold only random bits: not the ones that
 * touch a checksum byte (2, 7, 8, 22), nor the last (4 unused bits).
 */
export const ADO_RANDOM_CHARS: readonly number[] = Array.from({ length: 51 }, (_, i) => i).filter((i) =>
  [2, 7, 8, 22].every((b) => 5 * i + 4 < 8 * b || 5 * i > 8 * b + 7),
);

/**
 * Azure DevOps personal access tokens of the legacy format (security-utilities
 * SEC101/102): 52 characters of `a-z2-7` with an embedded CRC-32 checksum.
 *
 * The token holds no literal, so the engine's keyword prefilter cannot find it
 * by itself. The keywords are names that sit right before these tokens in real
 * files (`AZURE_DEVOPS_EXT_PAT=`, `"personalAccessToken": "`, NuGet's
 * `ClearTextPassword" value="`, `pat:` ...) and the Azure DevOps host names,
 * which follow the token in clone URLs (`https://user:TOKEN@dev.azure.com/...`).
 * The pattern takes a token after a keyword, separated only by punctuation,
 * upper case and space (GAP characters) and at most one field word such as
 * `value`, or a token right before `@` and an Azure DevOps host. The checksum
 * makes every match deterministic.
 *
 * Why so close: a general "keyword somewhere near" form would need a gap that
 * can hold token characters, which makes RE2's submatch pass some 40 times
 * slower per window, and a "keyword after" form would consume the keyword of
 * the next token (matches do not overlap, and a match must contain its
 * keyword hit). Known limits: a token with no keyword right before it (say
 * `token = "..."` alone in a file, or a keyword on an earlier line with
 * lower-case text in between) is not found.
 */
export const GAP = 32;

/** The context words, in lower case; the pattern takes them in any case. */
const CONTEXT_WORDS = [
  'dev.azure.com',
  'visualstudio.com',
  'azure_devops',
  'azure-devops',
  'azuredevops',
  'azure devops',
  'azdo',
  'vsts',
  'ado_pat',
  'ado_token',
  'system_accesstoken',
  'personalaccesstoken',
  'personal_access_token',
  'personal-access-token',
  'personal access token',
  'cleartextpassword',
  'pat=',
  'pat =',
  'pat:',
  'pat"',
  "pat'",
] as const;

/** Mixed-case spellings people write besides lower, UPPER and Capitalized (NuGet's `ClearTextPassword`, `personalAccessToken`). */
const MIXED_SPELLINGS: readonly string[] = [
  'Azure_DevOps', 'Azure-DevOps', 'AzureDevOps', 'azureDevOps', 'AzureDevops', 'Azure DevOps', 'Azure Devops', 'AzDO', 'AzDo',
  'Ado_Pat', 'Ado_Token', 'System_AccessToken', 'PersonalAccessToken', 'personalAccessToken', 'Personal_Access_Token',
  'Personal-Access-Token', 'Personal Access Token', 'Personal access token', 'ClearTextPassword', 'clearTextPassword', 'Dev.Azure.com',
];

/**
 * The prefilter's keywords: each context word lower, UPPER and Capitalized,
 * and the mixed spellings above, matched as written. Case-insensitive
 * keywords cost the native prefilter a quarter of the identifiable tier's
 * pass (their nibble sets widen every bucket they share); written out, the
 * same scan ran 22.5 ms instead of 16.9 on 64 MB of source. A spelling
 * outside these (`pErSoNaL_aCcEsS_tOkEn`) is not a keyword hit.
 */
const KEYWORDS: readonly string[] = [
  ...new Set([
    ...CONTEXT_WORDS.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]),
    ...MIXED_SPELLINGS,
  ]),
];

// ASCII case folding spelled out (ascii-caseless.ts): faster in RE2, and the engine's JavaScript twins can follow it.
const keywordRe = caselessAny(CONTEXT_WORDS);
/** `user:TOKEN@dev.azure.com`, `TOKEN@acme.visualstudio.com`. */
const urlHostRe = `@(?:[A-Za-z0-9-]+\\.)*${caselessAny(['dev.azure.com', 'visualstudio.com'])}`;
/** One field name that may sit between a keyword and its token (`ClearTextPassword" value="`). */
const fieldWordRe = caselessAny(['value', 'password', 'token', 'secret', 'key']);
/** How far before a host-name hit the token of a credential URL may start. */
const URL_REACH = 52 + 1 + 128;
const KEYWORD_REACH = GAP + 8 + 8 + 52;

const VERDICTS = new Map<AdoPatKind, Verdict>(
  ADO_PAT_KINDS.map((k) => [k.kind, { confidence: 'high', reason: `CRC-32 checksum (${k.kind}) next to an Azure DevOps keyword` }]),
);

export const detector: Detector = {
  id: 'azure-devops-legacy-pat',
  family: 'azure-devops-pat',
  provider: 'Azure DevOps',
  title: 'Azure DevOps personal access token (legacy format)',
  severity: 'critical',
  tier: 'identifiable',
  docs: 'https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
  revoke:
    'Revoke the token in Azure DevOps (User settings > Personal access tokens > Revoke); an organization administrator can revoke any leaked PAT with the PAT lifecycle / token revocation API.',
  keywords: KEYWORDS,
  contextKeywords: true,
  pattern: `(?:${keywordRe}[^a-z2-7]{0,${GAP}}(?:${fieldWordRe}[^a-z2-7]{1,8})?)?(?P<secret>[a-z2-7]{52})(?:${urlHostRe})?`,
  alphabet: 'A-Za-z0-9',
  window: { before: URL_REACH, after: KEYWORD_REACH },
  validate: ({ secret }) => {
    const kind = adoLegacyPatKind(secret);
    return kind ? VERDICTS.get(kind)! : null;
  },
  randomPart: {
    alphabet: CHARS.base32Lower.chars,
    minLength: ADO_RANDOM_CHARS.length,
    maxLength: ADO_RANDOM_CHARS.length,
    of: (secret) => (secret.length === 52 ? ADO_RANDOM_CHARS.map((i) => secret[i]).join('') : null),
  },
};
