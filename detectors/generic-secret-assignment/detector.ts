import type { Candidate, Detector, Verdict } from '../types.js';
import { caselessAny } from '../builders/ascii-caseless.js';
import {
  KEY_CLOSE,
  OPERATOR,
  dissect,
  endsConsistently,
  identifierLikeReason,
  keyWords,
  pathOrUrlReason,
  restatesKeyReason,
  validationRuleReason,
  valuePattern,
} from '../builders/assignment.js';
import { charClasses, strengthOf } from '../builders/entropy.js';
import { codeReason, encodedPlainTextReason, identifiableFormatReason, placeholderReason } from '../builders/placeholder.js';

/**
 * Key words that make a `...secret...`/`...token...` key name something that
 * is not itself the secret: names, ids, references, sizes, URLs, public or
 * anti-forgery tokens, lexer tokens, rate-limit buckets.
 */
const NOT_A_SECRET_KEY = new Set([
  'name', 'names', 'id', 'ids', 'type', 'types', 'kind', 'url', 'uri', 'urls', 'endpoint', 'path', 'file', 'files', 'dir',
  'length', 'len', 'size', 'version', 'header', 'param', 'field', 'prefix', 'suffix', 'ttl', 'expiry', 'expires',
  'expiration', 'expire', 'lifetime', 'timeout', 'label', 'hint', 'format', 'count', 'csrf', 'xsrf', 'public', 'pub',
  'publishable', 'ref', 'refs', 'arn', 'mount', 'provider', 'hash', 'regex', 'pattern', 'class', 'index', 'position',
  'pos', 'offset', 'cache', 'manager', 'service', 'helper', 'validator', 'generator', 'source', 'location', 'env', 'var',
  'variable', 'policy', 'rotation', 'enabled', 'required', 'scope', 'scopes', 'audience', 'issuer', 'algorithm', 'alg',
  'method', 'encoding', 'charset', 'placeholder', 'description', 'desc', 'help', 'doc', 'docs', 'example', 'sample',
  'fake', 'mock', 'dummy', 'event', 'listener', 'handler', 'callback', 'function', 'fn', 'func', 'parser', 'lexer',
  'tokenizer', 'tokens', 'tokenize', 'stream', 'limit', 'max', 'min', 'bucket', 'budget', 'usage', 'cost', 'start', 'end',
  'store', 'vault', 'backend', 'engine', 'mode', 'style', 'color', 'icon', 'message', 'msg', 'error', 'text', 'title',
  'question', 'answer', 'storage', 'keyring', 'mapping', 'map', 'list', 'selector', 'template', 'revoked', 'expired',
  'valid', 'invalid', 'status', 'state', 'host', 'port', 'kid', 'fingerprint', 'digest', 'checksum', 'sha', 'md5',
  'integrity', 'nonce', 'seed', 'random', 'salt', 'iv', 'counter', 'sequence', 'delimiter', 'separator', 'symbol', 'char',
  'chars', 'input', 'output', 'visible', 'show', 'hide', 'toggle', 'level', 'priority', 'weight', 'rate', 'interval',
  'delay', 'request', 'response', 'anti', 'forgery', 'challenge', 'authenticity', 'hashed',
]);

/**
 * Words right before a final `token` that make it a handle rather than a
 * credential: pagination and change tokens of SDKs and their examples
 * (`NextToken`, `nextPageToken`, `NextContinuationToken`, `ChangeToken`,
 * `syncToken`), idempotency tokens (`ClientToken`, `IdempotencyToken`) and
 * the like (`LifecycleActionToken`, `PurchaseToken`, SES `VerificationToken`).
 */
const HANDLE_TOKEN_WORDS = new Set([
  'next', 'prev', 'previous', 'continuation', 'continue', 'pagination', 'paging', 'change', 'sync', 'delta',
  'cursor', 'resume', 'client', 'idempotency', 'action', 'lifecycle', 'purchase', 'verification', 'term', 'cancel',
]);

/** Words that may stand before `page token` in a pagination key (`nextPageToken`); `FB_PAGE_TOKEN` is a Facebook page's credential. */
const PAGE_POSITION = new Set(['next', 'prev', 'previous', 'first', 'last', 'current', 'start']);

/** Whether a key names a pagination, change, idempotency or similar handle token (see HANDLE_TOKEN_WORDS). */
export function isHandleTokenKey(words: readonly string[]): boolean {
  const n = words.length;
  if (n < 2 || words[n - 1] !== 'token') return false;
  if (words[n - 2] === 'page') return n === 2 || PAGE_POSITION.has(words[n - 3]!);
  return HANDLE_TOKEN_WORDS.has(words[n - 2]!);
}

/** The secret: token characters (base64, base64url, hex, UUID, JWT, `user:key` pairs, Django's key symbols), no spaces or quotes. */
const SECRET_CLASS = String.raw`[A-Za-z0-9+/=_\-.~:!@#$%^&*|?()]`;
/** Machine-made secrets carry a digit or base64 punctuation; identifiers and words do not (`=` would match operators). */
const REQUIRED = String.raw`[0-9+/]`;

/** Known hashes of empty input and other constants that appear as "tokens" in fixtures. */
const CONSTANT_HASHES = new Set([
  'd41d8cd98f00b204e9800998ecf8427e', 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
]);

export function validateGenericSecret({ secret, groups, matchText }: Candidate): Verdict | null {
  if (secret.length < 12 || secret.length > 256) return null;
  const key = groups['key'] ?? '';
  const words = keyWords(key);
  if (words.some((w) => NOT_A_SECRET_KEY.has(w)) || isHandleTokenKey(words)) return null;
  // AWS secret access keys have a known shape; aws-secret-access-key-assignment owns those key names.
  if (/aws.?secret|secret.?access.?key/i.test(key)) return null;
  const d = dissect(matchText, key, secret);
  if (!endsConsistently(d)) return null;
  const quoted = d.quote !== '';
  if ((d.operator === 'comma' || d.operator === 'space' || d.operator === 'compare') && !quoted) return null;
  if (d.operator === 'comma' && !/["']$/.test(d.before)) return null;
  if (d.operator === 'element' && d.after !== '<') return null;
  // A query or connection string (`session&X-Amz-Signature=...`), left to the URL and connection-string detectors.
  if (/[;&?][A-Za-z][\w-]*(?:=|$)/.test(secret)) return null;
  if (identifiableFormatReason(secret) || pathOrUrlReason(secret) || identifierLikeReason(secret) || validationRuleReason(secret)) return null;
  if (restatesKeyReason(key, secret)) return null;
  if (CONSTANT_HASHES.has(secret.toLowerCase())) return null;
  const s = strengthOf(secret);
  if (s.strength !== 'random') return null;
  // Machine-made secrets carry digits (or base64 punctuation); an all-letter value is a word or an identifier.
  const cls = charClasses(secret);
  if (!cls.digit && !/[+/=]/.test(secret)) return null;
  // The costliest checks last (placeholderReason is several microseconds a value): most values fail a cheap one first.
  if (!quoted && codeReason(secret)) return null;
  if (placeholderReason(secret) || encodedPlainTextReason(secret)) return null;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(secret);
  const hex = /^[0-9a-f]+$/i.test(secret);
  const confidence: Verdict['confidence'] = uuid ? 'low' : hex && s.length < 32 ? 'medium' : s.length >= 20 ? 'high' : 'medium';
  return {
    confidence,
    reason: `random ${uuid ? 'UUID' : hex ? 'hex' : 'token'} value (${s.length} chars, ${s.entropy.toFixed(1)} bits/char) assigned to "${key}"`,
  };
}

const KEY_WORDS = ['secret', 'token', 'apikey', 'api_key', 'api-key', 'access_key', 'accesskey', 'auth_key', 'authkey', 'private_key', 'signing_key', 'encryption_key', 'master_key'];

export const detector: Detector = {
  id: 'generic-secret-assignment',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'Random-looking secret, token or API key assigned in code or configuration',
  severity: 'medium',
  tier: 'legacy',
  docs: 'https://cwe.mitre.org/data/definitions/798.html',
  revoke:
    'Find the service the key belongs to (the key name and repository usually tell), revoke or rotate it there, and load it from a secret store.',
  keywords: KEY_WORDS,
  keywordsIgnoreCase: true,
  pattern:
    String.raw`(?:\\?["'])?(?P<key>(?:--?)?[\w.$>-]*${caselessAny(KEY_WORDS)}[\w.-]*)` +
    KEY_CLOSE +
    OPERATOR +
    valuePattern(SECRET_CLASS, REQUIRED),
  alphabet: '',
  window: { before: 64, after: 360 },
  // After the key's tail and closing quotes (`[\w.-]*` KEY_CLOSE), OPERATOR starts with an operator byte or a space.
  requires: { anyOf: ' \t\r\n=!:<>,?|', over: 'A-Za-z0-9_.\\"\']-', within: 360 },
  validate: validateGenericSecret,
};
