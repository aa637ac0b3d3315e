/**
 * Shared plausibility checks for legacy (heuristic) detectors: is a candidate
 * value a placeholder, a template reference, a mask, source code, a weak
 * dictionary password, or a format that an identifiable detector already
 * reports? Each check returns the reason it rejects, or null. Pure.
 */
import { adoLegacyPatKind } from '../checksum/azure-devops-legacy-pat.js';

/** Whole-value placeholders, compared after lower-casing and undoing leetspeak. */
const PLACEHOLDER_WORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'pw', 'passphrase', 'secret', 'secrets', 'changeme', 'changeit', 'changethis',
  'test', 'tests', 'testing', 'tester', 'dummy', 'example', 'sample', 'placeholder', 'default', 'foo', 'bar', 'baz',
  'qux', 'foobar', 'admin', 'administrator', 'root', 'user', 'username', 'login', 'guest', 'demo', 'todo', 'tbd',
  'fixme', 'null', 'nil', 'none', 'undefined', 'true', 'false', 'yes', 'no', 'empty', 'blank', 'value', 'string',
  'text', 'redacted', 'hidden', 'masked', 'removed', 'omitted', 'censored', 'filtered', 'secure', 'insecure',
  'token', 'apikey', 'key', 'mykey', 'yourkey', 'notset', 'unset', 'nopassword', 'notasecret', 'replaceme',
  'setme', 'fillme', 'required', 'optional', 'generated', 'random', 'private', 'public', 'hunter', 'sekret',
  'opensesame', 'sekrit', 'credentials', 'credential', 'auth', 'env', 'local', 'dev', 'development', 'prod', 'production',
  'staging', 'temp', 'tmp', 'anonymous', 'nobody', 'xyz', 'abc', 'abcd', 'abcdef', 'abcdefg', 'abcdefgh',
]);

/** Substrings that mark a value as illustrative wherever they occur (after undoing leetspeak). */
const PLACEHOLDER_MARKERS = [
  'password', 'passwd', 'secret', 'changeme', 'changeit', 'change_me', 'change-me', 'example', 'sample',
  'placeholder', 'dummy', 'redacted', 'yourpass', 'your_', 'your-', 'yourkey', 'yourtoken', 'yoursecret',
  'insert_', 'insert-', 'replace_', 'replace-', 'replaceme', 'goeshere', 'goes_here', 'goes-here', '_here', '-here',
  'fake', 'notreal', 'not_real', 'not-real', 'xxxx', '****', 'lorem', 'ipsum', 'foobar',
  // "password" / "secret" in other languages, common in documentation examples.
  'passwort', 'kennwort', 'geheim', 'motdepasse', 'contrasena', 'contraseña', 'senha', 'segredo', 'secreto', 'wachtwoord',
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
];
const WEAK_PART_SET = new Set(WEAK_PARTS);
const WEAK_PART_MAX = Math.max(...WEAK_PARTS.map((w) => w.length));

/**
 * Well-known public values (emulator keys, RFC examples) as [length, SHA-256],
 * kept hashed so this file trips no scanner. The length lets most values skip
 * the hash (and a clean push skip loading node:crypto).
 */
const PUBLIC_KEYS: ReadonlyArray<readonly [length: number, sha256: string]> = [
  // Azurite / Azure Storage emulator account key for devstoreaccount1 (documented by Microsoft).
  [88, '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059'],
  // Azure Cosmos DB emulator master key (documented by Microsoft).
  [88, 'aa6547439583c3a275d4542a0df6c1ad6a863971be9f2a2220f027cc02aef615'],
  // Example credentials printed in RFC 6749 (OAuth 2.0) and RFC 5849 (OAuth 1.0), copied into many libraries' docs.
  [22, '6c96130f130ab0d6d158397e24d2bcc1c9a5e73ae081f6e983f1c7b545d24a4c'], // RFC 6749 access token
  [22, '00cf4c781dc37003f7c7dd7d4c9a6ef1e0f4c62d9a291aa8bc398774e3fefd32'], // RFC 6749 refresh token
  [28, 'ca7459e2b26776de081b9a07e40227fd6cff232a1e3233ff6b6aa6d036ca9981'], // RFC 6749 client credentials (base64)
  [10, '53f5da0aaa93d64cd5772c554cbf940f0539e689dddbeb8f923eec3f72c02ea9'], // RFC 6749 client secret
  [22, 'a35b81a7d7927b70ec99270dd2362b88580a28574af812f2c02f56469579186f'], // RFC 6749 authorization code
  [16, '9d03b692e941d5ace207a9f8048834439f6de98e5c6c1590c22c4f4577c88a42'], // RFC 5849 token
  [16, 'cb87c87e4a138d9a72259d2a01bab15623c9846e568c1509b287721645a6ea53'], // RFC 5849 secret
  [16, '649e1f5c769e718ba10d1a702a36499a731441d960b06da91c4c97786bf84595'], // RFC 5849 secret
  [16, 'bb9b1163338b2a51495834ad5c65420443d6327381cf0f94ebf92b117f209d72'], // RFC 5849 token
  [16, '293257ab6495ebb11cf9e4aee0686ca30df8de2ab8d251f2cbbcf177bdfcae91'], // RFC 5849 consumer key
  [16, '4c20e6f5cc11b93731e74cbe20739821d61c3563c9f50ecb884a27cd369f01fb'], // RFC 5849 token
  [16, '6aa14267d94944e6b6483c81f5ad37f87bbc7e88aa368d4aba1e71e0b79cd8c4'], // RFC 5849 temporary credentials
  [12, 'c20fbc2b96183894fb46187909d02afbef5b1b56398ece2a653745dbfb407553'], // RFC 5849 secret
  [12, 'b87dad10a32a2d81aa2e36e31e258b36ac0c3b07d1c1d5837185e206e17e3a06'], // RFC 5849 secret
  [15, 'b8e148545b13c78bc74da2f1a7275dd71e56ddece129d7d2f7b3ecc06f7994da'], // RFC 6750 bearer token
  // Passwords in the AWS SDKs' IAM examples (ChangePassword, CreateLoginProfile), shipped with every SDK.
  [14, '6caa448826c11cd39c78a3a223c3ddb55358c975c0456e37058ccfbc559c86ce'],
  [12, 'd8ccc3c547c850170a24a46dceca05861438dca7b115589739d526d2df404b66'],
  [14, 'e6c2d3455587c47ccdd3df1271882656bc27be85f8eb6576eea35fe1aafa172a'],
];
const PUBLIC_KEY_HASHES = new Set(PUBLIC_KEYS.map(([, sha256]) => sha256));
const PUBLIC_KEY_LENGTHS = new Set(PUBLIC_KEYS.map(([length]) => length));

/** node:crypto, loaded on first use rather than at start-up (it costs milliseconds there). */
let nodeCrypto: typeof import('node:crypto') | undefined;

/**
 * Prefixes of formats that identifiable detectors report (with checksums or
 * fixed shapes). A legacy detector stays quiet on them so one secret is not
 * reported twice under two families.
 */
const IDENTIFIABLE_PREFIXES = [
  'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'npm_', 'xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxe-', 'xoxe.', 'xoxc-', 'xoxs-', 'xapp-',
  'sk_live_', 'rk_live_', 'sk_test_', 'glpat-', 'gldt-', 'glrt-', 'glptt-', 'glsoat-', 'GR1348941', 'AIza',
  'sk-ant-', 'sk-proj-', 'SG.', 'shpat_', 'shpca_', 'shppa_', 'shpss_', 'dop_v1_', 'doo_v1_', 'dor_v1_', 'hf_',
  'PMAK-', 'pypi-AgEI', 'dapi', 'dp.pt.', 'lin_api_', 'hvs.', 'hvb.', 'ATATT3', 'glc_', 'glsa_', 'sntrys_', 'sbp_',
  'pscale_tkn_', 'AGE-SECRET-KEY-1', 'AKIA', 'ASIA', '-----BEGIN', 'LS0tLS1CRUdJTi',
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

/**
 * Length of the longest run in which each alphanumeric character is one more
 * than the one `stride` places before it: `abcdef`/`3456` (stride 1),
 * `a1b2c3d4` (stride 2, counted over both interleaved sequences).
 */
function longestSequentialRun(s: string, stride: number): number {
  let best = Math.min(s.length, stride);
  let run = best;
  for (let i = stride; i < s.length; i++) {
    const ok = s.charCodeAt(i) - s.charCodeAt(i - stride) === 1 && /[A-Za-z0-9]/.test(s[i]!);
    run = ok ? run + 1 : stride;
    if (run > best) best = run;
  }
  return best;
}

/**
 * Share of the letters and digits that sit in ascending runs of two or more
 * (`ab`, `123`): `abc123def456ghi789` is all runs, a random value about one
 * in twenty (each neighbour follows with chance 1/36 or less).
 */
function sequentialShare(s: string): number {
  let alnum = 0;
  let inRuns = 0;
  let run = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isAlnum = /[A-Za-z0-9]/.test(s[i]!);
    if (isAlnum) alnum++;
    const follows = i > 0 && isAlnum && c - s.charCodeAt(i - 1) === 1 && /[A-Za-z0-9]/.test(s[i - 1]!);
    if (follows) {
      run++;
      inRuns += run === 2 ? 2 : 1;
    } else run = 1;
  }
  return alnum === 0 ? 0 : inRuns / alnum;
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
  if (/^%[A-Za-z_][A-Za-z0-9_]*%$/.test(v) || /%[A-Z_][A-Z0-9_]{2,}%/.test(v)) return 'variable reference %VAR%';
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
  if (longestSequentialRun(v, 1) >= 6) return 'sequential filler (abcdef, 123456)';
  if (longestSequentialRun(v.replace(/[^A-Za-z0-9]/g, '').toLowerCase(), 2) >= 12) return 'sequential filler (a1b2c3d4..., a1B2c3D4...)';
  if (v.length >= 16 && sequentialShare(v) >= 0.6) return 'sequential chunks (abc123def456..., abcd1234-ef56-...)';
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
  if (/[A-Za-z_$][\w$.]*\s*\(/.test(v) || (/\)\s*;?$/.test(v) && /\(/.test(v))) return 'function call';
  if (/^[A-Za-z_$][\w$]*(?:\??\.|->|::)[A-Za-z_$][\w$]*(?:(?:\??\.|->|::)[A-Za-z_$][\w$]*)*[;,]?$/.test(v)) return 'property access';
  if (/^[\w$.]+\?[^:]*:/.test(v)) return 'conditional expression';
  if (/^[A-Za-z_$][\w$.]*\[/.test(v)) return 'index expression';
  // Minified code: `r,strength:a,resolveReady:o,ready:s}=n` (two `name:name,` pairs in a row).
  if (/[,{][A-Za-z_$][\w$]*:[A-Za-z_$][\w$]*,[A-Za-z_$][\w$]*:/.test(v)) return 'object literal';
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

/**
 * Words a stand-in password is made of (`mypass`, `yourpassword1`,
 * `test_secret`), as opposed to a weak but real one built from a product or
 * role name (`dev_admin`, `VMware1!`). Detectors that report weak passwords
 * where the context leaves no doubt (a login command, a sentence saying what
 * the password is) still drop these.
 */
const STAND_IN_PARTS = new Set([
  'my', 'your', 'the', 'a', 'new', 'pass', 'password', 'passwd', 'pwd', 'passphrase', 'secret', 'test', 'testing', 'example',
  'sample', 'dummy', 'fake', 'foo', 'bar', 'baz', 'abc', 'xyz', 'some', 'here', 'this', 'that', 'value', 'string', 'user',
  'username', 'login', 'change', 'changeme', 'me', 'it', 'is', 'enter', 'put', 'insert', 'replace', 'todo', 'qwerty', 'asdf',
  // Test values that say what they are for: `wrong-password`, `invalid-credentials`, `bad_secret`.
  'wrong', 'invalid', 'incorrect', 'bad', 'other', 'another', 'credential', 'credentials',
]);
const STAND_IN_MAX = Math.max(...[...STAND_IN_PARTS].map((w) => w.length));

/** Why a value is a stand-in made of placeholder words (`mypass`, `PASSWORD123`), or null. */
export function standInReason(value: string): string | null {
  const core = letterCore(value);
  if (core.length === 0) return value.length < 6 ? 'too short' : null;
  const ok = new Array<boolean>(core.length + 1).fill(false);
  ok[0] = true;
  for (let end = 1; end <= core.length; end++) {
    for (let start = Math.max(0, end - STAND_IN_MAX); start < end && !ok[end]; start++) ok[end] = ok[start]! && STAND_IN_PARTS.has(core.slice(start, end));
  }
  return ok[core.length] ? 'stand-in words only' : null;
}

/**
 * Literal starts of every identifiable format, by first character, added by
 * registry.ts (registerIdentifiablePrefixes) once the catalogue is built:
 * the static list above cannot keep up with a catalogue of hundreds of rows.
 */
const registeredPrefixes = new Map<string, string[]>();

/**
 * Registers identifiable formats' literal starts (their case-sensitive
 * keywords of 4 or more characters), so legacy detectors leave values of
 * those shapes to them, including ones their validator rejects: a token with
 * a fabricated checksum is not a secret, whatever a heuristic thinks of it.
 */
export function registerIdentifiablePrefixes(prefixes: Iterable<string>): void {
  for (const p of prefixes) {
    if (p.length < 4) continue;
    const list = registeredPrefixes.get(p[0]!) ?? [];
    if (!list.includes(p)) list.push(p);
    registeredPrefixes.set(p[0]!, list);
  }
}

/** Why the value belongs to an identifiable format that another detector reports (or rejects), or null. */
export function identifiableFormatReason(value: string): string | null {
  for (const p of IDENTIFIABLE_PREFIXES) if (value.startsWith(p)) return `identifiable format (${p})`;
  for (const p of registeredPrefixes.get(value[0] ?? '') ?? []) if (value.startsWith(p)) return `identifiable format (${p})`;
  // A legacy Azure DevOps PAT's shape with a failing CRC-32: fabricated (a real one is reported with its checksum).
  if (value.length === 52 && /^[a-z2-7]+$/.test(value) && adoLegacyPatKind(value) === null) return 'Azure DevOps PAT shape with a failing checksum';
  return null;
}

export function isWellKnownPublicKey(value: string): boolean {
  // The values are ASCII, so a match has their length in UTF-16 units too.
  if (!PUBLIC_KEY_LENGTHS.has(value.length)) return false;
  nodeCrypto ??= process.getBuiltinModule('node:crypto');
  return PUBLIC_KEY_HASHES.has(nodeCrypto.createHash('sha256').update(value).digest('hex'));
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
    /(?:^|\.)(?:contoso|fabrikam|domain|yourdomain|mydomain|company|yourcompany|mycompany|acme|foo|bar|server|host)\.(?:com|org|net)$/.test(h) ||
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

/** Two or more words of letters with the odd punctuation, separated by spaces: a sentence, not a secret. */
const PROSE = /^[A-Za-z]+(?:'[A-Za-z]+)?[,.;:!?'-]*(?: [A-Za-z]+(?:'[A-Za-z]+)?[,.;:!?'-]*)+$/;

/**
 * Why a base64 value is plain text in disguise rather than a secret, or null:
 * it decodes to printable words (`dGhpcyBpcyBhIHNlY3JldA==` is "this is a
 * secret"), a placeholder, a stand-in or a dictionary password. A random
 * secret's bytes are printable ASCII about once in ten thousand for 12
 * characters of base64, and almost never words.
 */
export function encodedPlainTextReason(value: string): string | null {
  if (value.length < 8) return null;
  const decoded = decodeBase64(value);
  // Line breaks and tabs are text too (`Linux ...\n...` in an SDK's test response).
  const text = decoded === null ? null : decoded.replace(/[\t\r\n]+/g, ' ').trim();
  if (text === null || text.length < 6 || !isPrintableAscii(text)) return null;
  if (PROSE.test(text.replace(/ {2,}/g, ' '))) return 'base64 of words';
  // Text with numbers and punctuation among its words (`Linux version 2.6.16-xenU (builder@...)`): mostly letters and spaces.
  const words = text.split(/ +/).filter((w) => /^[(\["']?[A-Za-z]{2,}/.test(w));
  if (words.length >= 3 && (text.match(/[A-Za-z ]/g)?.length ?? 0) >= 0.6 * text.length) return 'base64 of text';
  if (placeholderReason(text) || standInReason(text) || weakPasswordReason(text)) return 'base64 of a placeholder or dictionary word';
  return null;
}
