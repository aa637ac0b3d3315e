/**
 * Pieces shared by the `key = value` style legacy detectors (password and
 * generic secret assignments): the RE2 fragments for operators and quoting,
 * and checks the validators run on the matched text. Pure.
 */

/**
 * Operators between a key and its value, longest first (RE2 is
 * leftmost-first): comparisons, assignments, YAML/JSON colons, Perl/Ruby
 * `=>`, R `<-`, a call argument separator `,`, an XML element `>`, an XML
 * attribute pair `key="..." value="..."`, a Kubernetes/Compose env entry
 * (`- name: KEY` then `value: ...` on the next line), and bare whitespace (CLI flags,
 * Groovy `password 'x'`, Dockerfile `ENV KEY value`).
 */
export const OPERATOR =
  String.raw`(?:[ \t]*(?:===|!==|==|!=|:=|=>|\?=|\|\|=|<-|=|:|,|>)[ \t]*|[ \t]+value[ \t]*=[ \t]*|[ \t]*\r?\n[ \t]*value[ \t]*:[ \t]*|[ \t]+)`;

/** A closing quote or bracket after a key: `"password":`, `ENV['PASSWORD'] =`, `\"password\":` in escaped JSON. */
export const KEY_CLOSE = String.raw`(?:\\?["'\]]){0,2}`;

/**
 * The value: optional string prefix and opening quote(s), the secret, then the
 * byte that ended it. The secret must contain one character of `required`
 * (a digit or symbol): identifiers, words and type names, which make up most
 * `key: value` text in source code, then never match at all. That matters
 * for speed: each RE2 match costs a group extraction across the WASM
 * boundary (about 150 us), far more than a window that does not match.
 * Repetitions are unbounded on purpose: RE2 expands counted ones into states,
 * re2-wasm's heap is fixed at 16 MiB for all detectors, and the engine's
 * window bounds the match anyway (validators check lengths).
 */
export function valuePattern(secretClass: string, required: string): string {
  // Up to two opening quotes: Gradle's `'"value"'` puts a Java string literal inside a Groovy one.
  return String.raw`(?:[rbuf@]?\\?["']){0,2}(?P<secret>${secretClass}*${required}${secretClass}*)(?:[\s"'<\\]|$)`;
}

export type Operator = 'assign' | 'compare' | 'colon' | 'comma' | 'element' | 'attribute' | 'space';

export interface Dissected {
  readonly operator: Operator;
  /** `"` or `'` when the value was quoted, '' otherwise. */
  readonly quote: string;
  /** The byte after the secret, '' at the end of the window. */
  readonly after: string;
  /** Text of the match before the key (e.g. `ENV `, `--`). */
  readonly before: string;
}

/**
 * Splits a match of `key KEY_CLOSE OPERATOR valuePattern` back into its parts
 * (kept out of named groups so they do not end up in a finding's context).
 */
export function dissect(matchText: string, key: string, secret: string): Dissected {
  const after = matchText.endsWith(secret) ? '' : matchText[matchText.length - 1]!;
  const secretStart = matchText.length - secret.length - after.length;
  const keyStart = matchText.indexOf(key);
  const middle = matchText.slice(keyStart + key.length, secretStart);
  const quoteMatch = /(?:[rbuf@]?\\?(["']))$/.exec(middle);
  const quote = quoteMatch ? quoteMatch[1]! : '';
  const op = (quoteMatch ? middle.slice(0, quoteMatch.index) : middle).replace(/^(?:\\?["'\]]){0,2}/, '');
  return { operator: classifyOperator(op), quote, after, before: matchText.slice(0, Math.max(0, keyStart)) };
}

function classifyOperator(op: string): Operator {
  const o = op.trim();
  if (o === '') return 'space';
  if (o === '==' || o === '===' || o === '!=' || o === '!==') return 'compare';
  if (o === ':') return 'colon';
  if (o === ',') return 'comma';
  if (o === '>') return 'element';
  if (/^value\s*[=:]$/.test(o)) return 'attribute';
  return 'assign';
}

/**
 * A value must end the way it began: a quoted one at its own closing quote
 * (not at a space or the other quote character), an unquoted one at
 * whitespace, `<`, a quote or the end of the window.
 */
export function endsConsistently(d: Dissected): boolean {
  if (d.quote === '') return d.after === '' || /[\s<'"\\]/.test(d.after);
  if (d.after === '\\') return true; // escaped JSON string: \"value\"
  return d.after === d.quote;
}

/** Lower-cased words of an identifier: `spring.datasource.password` -> [spring, datasource, password]; `dbPasswordHash` -> [db, password, hash]. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Values that are paths, URLs, file names or e-mail addresses rather than secrets. */
export function pathOrUrlReason(value: string): string | null {
  if (/:\/\//.test(value) || /^urn:/i.test(value)) return 'URL';
  if (/^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(value)) return 'path';
  if (/^[\w.-]+@[\w-]+\.[\w.-]+$/.test(value)) return 'e-mail address';
  if (/\.(?:json|ya?ml|txt|pem|key|crt|cer|p12|pfx|jks|env|ini|conf|cfg|properties|xml|html?|js|ts|py|rb|sh|php)$/i.test(value)) return 'file name';
  if (/^[a-z0-9]+(?:[-_/][a-z0-9]+){2,}$/.test(value) && !/\d[a-z]|[a-z]\d/.test(value.replace(/[-_/]/g, ''))) return 'slug or path';
  return null;
}

/**
 * Values made of lower-case words, versions and short parts joined by
 * separators (`jjwt-jackson-0.11.2`, `bert-base-uncased`, `v1.2.3`): identifiers, not tokens.
 */
export function identifierLikeReason(value: string): string | null {
  const parts = value.split(/[-_./:#]+/).filter((p) => p.length > 0);
  if (parts.length >= 2 && parts.every((p) => /^[a-z]+$/.test(p) || /^[A-Z][a-z]+$/.test(p) || /^\d+$/.test(p) || p.length < 4)) {
    return 'words and version numbers';
  }
  // snake_case names with the odd number (`create_o_auth2_token_with_iam`, `sha256_hmac_v2`).
  if (parts.length >= 3 && parts.every((p) => /^[a-z]+[0-9]{0,3}$/.test(p)) && /^[a-z0-9]+(?:_[a-z0-9]+)+$/.test(value)) return 'snake_case name';
  if (/^(?:[A-Z][a-z]+){2,}$/.test(value) || /^[a-z]+(?:[A-Z][a-z]+)+$/.test(value)) return 'camel-case identifier';
  return null;
}

/** Rule names of form-validation libraries (Laravel, validatorjs, AdonisJS/indicative): `required|string|min:8`. */
const VALIDATION_RULES = new Set([
  'required', 'confirmed', 'nullable', 'sometimes', 'bail', 'string', 'min', 'max', 'between', 'size', 'length', 'regex',
  'not_regex', 'same', 'different', 'email', 'alpha', 'alpha_num', 'alpha_dash', 'alphanumeric', 'numeric', 'integer',
  'digits', 'digits_between', 'present', 'filled', 'accepted', 'current_password', 'password', 'in', 'not_in', 'unique',
  'exists', 'required_with', 'required_without', 'required_if', 'required_unless', 'letters', 'mixed', 'mixed_case',
  'numbers', 'symbols', 'uncompromised', 'trim', 'lowercase', 'uppercase', 'strong', 'boolean', 'array', 'ascii',
  'starts_with', 'ends_with', 'prohibited', 'exclude', 'optional', 'gt', 'gte', 'lt', 'lte', 'confirmation', 'equals',
]);

/**
 * Values that are a validator's rule list rather than a secret
 * (`'password' => 'required|confirmed|min:6'`, `password: 'required|string|min:8'`),
 * or null: rule-shaped parts joined by `|`, one of them a known rule, or a
 * single length rule (`min:8`).
 */
export function validationRuleReason(value: string): string | null {
  const parts = value.split('|');
  const shaped = parts.every((p) => /^[a-z][a-z_]*(?::[^|]*)?$/.test(p));
  if (!shaped) return null;
  const known = parts.some((p) => VALIDATION_RULES.has(p.split(':')[0]!));
  if (parts.length >= 2 ? known : /^(?:min|max|size|between|digits|length|digits_between):\d/.test(value)) return 'validation rules';
  return null;
}

/**
 * Values that restate their key (`refreshToken: "r1.refreshtoken123"`,
 * `IRC_PASS=irc_pass`, `api_key = "my_api_key_2"`): a stand-in someone typed,
 * not a generated secret. The key's letters and digits, at least six, must
 * occur in the value's.
 */
export function restatesKeyReason(key: string, value: string): string | null {
  const k = key.slice(key.lastIndexOf('.') + 1).toLowerCase().replace(/[^a-z0-9]/g, '');
  if (k.length < 6) return null;
  return value.toLowerCase().replace(/[^a-z0-9]/g, '').includes(k) ? 'value restates its key' : null;
}
