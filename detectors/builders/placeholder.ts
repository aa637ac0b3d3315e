import { createHash } from 'node:crypto';

/**
 * Shared plausibility checks for legacy (heuristic) detectors: is a candidate
 * value a placeholder, a template reference, a mask, source code, a weak
 * dictionary password, or a format that an identifiable detector already
 * reports? Each check returns the reason it rejects, or null. Pure.
 */

/** Whole-value placeholders, compared after lower-casing and undoing leetspeak. */
const PLACEHOLDER_WORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'pw', 'passphrase', 'secret', 'secrets', 'changeme', 'changeit', 'changethis',
  'test', 'tests', 'testing', 'tester', 'dummy', 'example', 'sample', 'placeholder', 'default', 'foo', 'bar', 'baz',
  'qux', 'foobar', 'admin', 'administrator', 'root', 'user', 'username', 'login', 'guest', 'demo', 'todo', 'tbd',
  'fixme', 'null', 'nil', 'none', 'undefined', 'true', 'false', 'yes', 'no', 'empty', 'blank', 'value', 'string',
  'text', 'redacted', 'hidden', 'masked', 'removed', 'omitted', 'censored', 'filtered', 'secure', 'insecure',
  'token', 'apikey', 'key', 'mykey', 'yourkey', 'notset', 'unset', 'nopassword', 'notasecret', 'replaceme',
  'setme', 'fillme', 'required', 'optional', 'generated', 'random', 'private', 'public', 'hunter', 'sekret',
  'opensesame', 'credentials', 'credential', 'auth', 'env', 'local', 'dev', 'development', 'prod', 'production',
  'staging', 'temp', 'tmp', 'anonymous', 'nobody', 'xyz', 'abc', 'abcd', 'abcdef', 'abcdefg', 'abcdefgh',
]);

/** Substrings that mark a value as illustrative wherever they occur (after undoing leetspeak). */
const PLACEHOLDER_MARKERS = [
  'password', 'passwd', 'secret', 'changeme', 'changeit', 'change_me', 'change-me', 'example', 'sample',
  'placeholder', 'dummy', 'redacted', 'yourpass', 'your_', 'your-', 'yourkey', 'yourtoken', 'yoursecret',
  'insert_', 'insert-', 'replace_', 'replace-', 'replaceme', 'goeshere', 'goes_here', 'goes-here', '_here', '-here',
  'fake', 'notreal', 'not_real', 'not-real', 'xxxx', '****', 'lorem', 'ipsum', 'foobar',
];

/**
 * Words a weak, human-chosen or default password is built from. A value made
 * only of these (plus digits and symbols), e.g. `Pass123!@#`, `admin_admin`,
 * `Zxcvbnm@12345`, is not random enough to report as a plain assignment.
 */
const WEAK_PARTS = [
  'password', 'passwd', 'pass', 'pwd', 'secret', 'test', 'admin', 'root', 'user', 'guest', 'demo', 'temp', 'default',
  'my', 'your', 'the', 'new', 'old', 'db', 'sql', 'mysql', 'postgres', 'postgresql', 'oracle', 'mongo', 'redis',
  'app', 'dev', 'prod', 'local', 'super', 'top', 'master', 'login', 'welcome', 'letmein', 'changeme', 'change',
  'qwerty', 'qwertyuiop', 'qwer', 'asdf', 'asdfgh', 'asdfghjkl', 'zxcv', 'zxcvbn', 'zxcvbnm', 'abc', 'xyz',
  'open', 'sesame', 'hello', 'world', 'love', 'iloveyou', 'monkey', 'dragon', 'sunshine', 'princess', 'football',
  'trustno', 'hunter', 'vmware', 'cisco', 'tomcat', 'jenkins', 'docker', 'kube', 'vagrant', 'ubuntu', 'centos',
  'pi', 'raspberry', 'toor', 'sa', 'sys', 'system', 'manager', 'oracle', 'scott', 'tiger', 'elastic', 'kibana',
  'rabbit', 'rabbitmq', 'minio', 'minioadmin', 'keycloak', 'grafana', 'neo', 'neo4j', 'couchdb', 'postgre',
  'a', 'b', 'c', 'x', 'y', 'z', 'q', 'w', 'e', 'r', 't',
];
const WEAK_PART_SET = new Set(WEAK_PARTS);
const WEAK_PART_MAX = Math.max(...WEAK_PARTS.map((w) => w.length));

/** SHA-256 of well-known public keys (emulators, RFC examples), kept hashed so this file trips no scanner. */
const PUBLIC_KEY_HASHES = new Set([
  // Azurite / Azure Storage emulator account key for devstoreaccount1 (documented by Microsoft).
  '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059',
  // Azure Cosmos DB emulator master key (documented by Microsoft).
  'aa6547439583c3a275d4542a0df6c1ad6a863971be9f2a2220f027cc02aef615',
]);

/**
 * Prefixes of formats that identifiable detectors report (with checksums or
 * fixed shapes). A legacy detector stays quiet on them so one secret is not
 * reported twice under two families.
 */
const IDENTIFIABLE_PREFIXES = [
  'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'npm_', 'xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxe-', 'xapp-',
  'sk_live_', 'rk_live_', 'sk_test_', 'glpat-', 'gldt-', 'glrt-', 'glptt-', 'glsoat-', 'GR1348941', 'AIza',
  'sk-ant-', 'sk-proj-', 'SG.', 'shpat_', 'shpca_', 'shppa_', 'shpss_', 'dop_v1_', 'doo_v1_', 'dor_v1_', 'hf_',
  'PMAK-', 'pypi-AgEI', 'dapi', 'dp.pt.', 'lin_api_', 'hvs.', 'hvb.', 'ATATT3', 'glc_', 'glsa_', 'sntrys_', 'sbp_',
  'pscale_tkn_', 'AGE-SECRET-KEY-1', 'AKIA', 'ASIA', '-----BEGIN',
];

function undoLeet(s: string): string {
  return s
    .replace(/%40/gi, '@')
    .replace(/%24/gi, '$')
    .replace(/%21/gi, '!')
    .replace(/[@4]/g, 'a')
    .replace(/[$5]/g, 's')
    .replace(/3/g, 'e')
    .replace(/0/g, 'o')
    .replace(/[1!|]/g, 'i')
    .replace(/7/g, 't');
}

/** Lower-cased letters only, after undoing leetspeak: `P@ssw0rd123!` -> `password` (digits after letters drop). */
function letterCore(value: string): string {
  const lower = value.toLowerCase();
  // Trailing digits and symbols are decoration (`secret123!`), not leetspeak.
  const trimmed = lower.replace(/[^a-z]+$/, '');
  return undoLeet(trimmed).replace(/[^a-z]/g, '');
}

/** True when `core` splits entirely into WEAK_PARTS (dynamic programming over prefixes). */
function composedOfWeakParts(core: string): boolean {
  if (core.length === 0) return true;
  const ok = new Array<boolean>(core.length + 1).fill(false);
  ok[0] = true;
  for (let end = 1; end <= core.length; end++) {
    for (let start = Math.max(0, end - WEAK_PART_MAX); start < end; start++) {
      if (ok[start] && WEAK_PART_SET.has(core.slice(start, end))) {
        ok[end] = true;
        break;
      }
    }
  }
  return ok[core.length]!;
}

/**
 * Why `value` is a placeholder rather than a credential, or null. Covers empty
 * values, template and variable references, masks, placeholder words and
 * illustrative markers (`example`, `your_...`), and known public keys.
 */
export function placeholderReason(value: string): string | null {
  const v = value.trim();
  if (v.length === 0) return 'empty value';
  if (/\$\{[^}]*\}?/.test(v) || /^\$\(/.test(v)) return 'variable reference ${...}';
  if (/^\$[A-Za-z_0-9{]/.test(v) || /^\$env:/i.test(v)) return 'variable reference $VAR';
  if (/%[A-Za-z_][A-Za-z0-9_]*%/.test(v)) return 'variable reference %VAR%';
  if (/\{\{.*\}\}|\{%.*%\}/.test(v) || v.startsWith('{{')) return 'template {{...}}';
  if (/#\{[^}]*\}/.test(v)) return 'interpolation #{...}';
  if (/^<[^<>]*>?$/.test(v) || /&lt;|&gt;/.test(v)) return 'angle-bracket placeholder';
  if (/^\[[^\]]*\]?$/.test(v)) return 'bracket placeholder';
  if (/^@[A-Za-z_][A-Za-z0-9_]*@?$/.test(v)) return 'substitution marker @VAR@';
  if (/^__[A-Za-z0-9_]+__$/.test(v)) return 'substitution marker __VAR__';
  if (/^\{[A-Za-z0-9_]*\}$/.test(v) || /%\([A-Za-z_]+\)s|^%[sd]$/.test(v)) return 'format placeholder';
  if (/^[?:][A-Za-z_]*$/.test(v)) return 'bind parameter';
  if (/^(?:ENC\(|\{cipher\}|\{bcrypt\}|\{sha|\$2[abxy]?\$|\$argon2|\$[156]\$|vault:|arn:aws:|sm:\/\/|secret:\/\/|!Ref\b|ref\+)/i.test(v)) {
    return 'encrypted value, hash or secret-manager reference';
  }
  if (/^(.)\1+$/.test(v)) return 'one repeated character';
  if (/^[xX*•#.?_\-]{3,}$/.test(v)) return 'mask';
  const lower = v.toLowerCase();
  const core = letterCore(v);
  if (PLACEHOLDER_WORDS.has(lower) || PLACEHOLDER_WORDS.has(undoLeet(lower)) || (core.length > 0 && PLACEHOLDER_WORDS.has(core) && core.length >= lower.length - 4)) {
    return 'placeholder word';
  }
  const deleet = undoLeet(lower);
  for (const marker of PLACEHOLDER_MARKERS) {
    if (lower.includes(marker) || deleet.includes(marker)) return `placeholder marker "${marker}"`;
  }
  if (isWellKnownPublicKey(v)) return 'well-known public key (emulator or RFC example)';
  return null;
}

/** Why an unquoted value looks like source code (a variable, call, property or index), or null. */
export function codeReason(value: string): string | null {
  const v = value.trim();
  if (/^[A-Za-z_$][\w$.]*\s*\(/.test(v) || /\)\s*;?$/.test(v) && /\(/.test(v)) return 'function call';
  if (/^[A-Za-z_$][\w$]*(?:\.|->|::)[A-Za-z_$][\w$]*(?:(?:\.|->|::)[A-Za-z_$][\w$]*)*[;,]?$/.test(v)) return 'property access';
  if (/^[A-Za-z_$][\w$.]*\[/.test(v)) return 'index expression';
  if (/^[&*@!:]/.test(v)) return 'reference or symbol';
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+[;,]?$/.test(v)) return 'constant name';
  if (/[;,]$/.test(v)) return 'statement';
  if (/^(?:new|await|this|self|function|lambda|return)\b/.test(v)) return 'expression';
  return null;
}

/** Why a password is too guessable to report as a plain assignment (dictionary and keyboard words only), or null. */
export function weakPasswordReason(value: string): string | null {
  const core = letterCore(value);
  // Mostly digits/symbols with a short word, e.g. `abc123`, is weak too.
  if (composedOfWeakParts(core)) return 'common words, digits and symbols only';
  return null;
}

/** Why the value belongs to an identifiable format that another detector reports, or null. */
export function identifiableFormatReason(value: string): string | null {
  for (const p of IDENTIFIABLE_PREFIXES) if (value.startsWith(p)) return `identifiable format (${p})`;
  return null;
}

export function isWellKnownPublicKey(value: string): boolean {
  return PUBLIC_KEY_HASHES.has(createHash('sha256').update(value).digest('hex'));
}

export type HostKind = 'local' | 'documentation' | 'remote';

/**
 * Where a host points: loopback/link-local/container-internal names, reserved
 * documentation names (RFC 2606/6761 and vendor doc domains), or anything else.
 */
export function hostKind(host: string): HostKind {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/:\d+$/, '');
  if (
    h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h === '::1' || h === '0.0.0.0' ||
    /^127\./.test(h) || h === 'host.docker.internal' || h.endsWith('.internal') || !h.includes('.')
  ) {
    return /^(?:host|hostname|server|servername|domain|myhost|yourhost|your-host|dbhost|db_host|my-server|myserver)$/.test(h)
      ? 'documentation'
      : 'local';
  }
  if (
    /(?:^|\.)example(?:\.(?:com|org|net|edu))?$/.test(h) || h.endsWith('.test') || h.endsWith('.invalid') ||
    /(?:^|\.)(?:contoso|fabrikam|domain|yourdomain|mydomain|yourcompany|mycompany|acme|foo|bar|server|host)\.(?:com|org|net)$/.test(h) ||
    /^(?:your|my)[-_.]/.test(h) || /^(?:192\.0\.2|198\.51\.100|203\.0\.113)\./.test(h)
  ) {
    return 'documentation';
  }
  return 'remote';
}

/** Decodes standard or URL-safe base64 to latin1 text; null when it is not base64. */
export function decodeBase64(value: string): string | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value) || value.replace(/=+$/, '').length % 4 === 1) return null;
  return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
}

/** True when every character is printable ASCII (space to tilde). */
export function isPrintableAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}
