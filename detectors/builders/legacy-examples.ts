import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

/**
 * Generators for the legacy detectors' examples. Values are made when tests
 * run (never committed) and always carry every character class the
 * detectors look for, so a seed cannot make an example flaky.
 */
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
/** Symbols that need no escaping in URLs, connection strings, shells, YAML or XML. */
const SYMBOLS = '!%^*+=~';

/** A machine-generated password: `length` characters with upper, lower, digit and symbol. */
export function randomPassword(t: TokenFactory, length = 16): string {
  const core = t.chars(UPPER, 2) + t.chars(DIGITS, 2) + t.chars(LOWER, 2) + t.chars(SYMBOLS, 1);
  return core + t.chars(UPPER + LOWER + DIGITS + SYMBOLS, Math.max(0, length - core.length));
}

/** A random alphanumeric password (no symbols): safe everywhere, still three classes. */
export function alnumPassword(t: TokenFactory, length = 14): string {
  const core = t.chars(UPPER, 2) + t.chars(DIGITS, 2) + t.chars(LOWER, 2);
  return core + t.chars(UPPER + LOWER + DIGITS, Math.max(0, length - core.length));
}

const SYLLABLES = ['kel', 'dor', 'vim', 'rast', 'quen', 'bol', 'tarn', 'sil', 'mav', 'prox', 'zeph', 'lund'];

/** `n` different syllables: a repeated one (`dordor`) reads as a weak password and is rightly not reported. */
function syllables(t: TokenFactory, n: number): string[] {
  const pool = [...SYLLABLES];
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pool.splice(t.int(pool.length), 1)[0]!);
  return out;
}

/** A human-chosen looking password: two made-up capitalised syllable pairs, digits and a symbol (`Keldor7!Vimrast42`). */
export function humanPassword(t: TokenFactory): string {
  const [a, b, c, d] = syllables(t, 4);
  const word = (x: string, y: string): string => x[0]!.toUpperCase() + x.slice(1) + y;
  return `${word(a!, b!)}${t.chars(DIGITS, 1)}${t.pick(['!', '%', '*', '+'])}${word(c!, d!)}${t.chars(DIGITS, 2)}`;
}

/** A lower-case passphrase-like password with a symbol inside (`keldor!vimrast`): rated fair, reported with low confidence. */
export function fairPassword(t: TokenFactory): string {
  const [a, b, c, d] = syllables(t, 4);
  return `${a}${b}${t.pick(['!', '%', '*', '+', '^'])}${c}${d}`;
}

/** A short mixed password (`Kel7!dor`): rated strong, reported with medium confidence. */
export function shortStrongPassword(t: TokenFactory): string {
  const [w, v] = syllables(t, 2);
  return `${w![0]!.toUpperCase()}${w!.slice(1)}${t.chars(DIGITS, 1)}${t.pick(['!', '%', '*', '+'])}${v}`;
}

/** Base64 of `n` random bytes (Azure account and shared access keys). */
export function base64Key(t: TokenFactory, n: number): string {
  return Buffer.from(t.bytes(n)).toString('base64');
}

export function hex(t: TokenFactory, n: number): string {
  return t.chars(ALPHA.hexLower, n);
}

export function uuid(t: TokenFactory): string {
  const h = hex(t, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

export function base62(t: TokenFactory, n: number): string {
  // Two digits up front so the value always has a digit, as the generic detector requires.
  return t.chars('0123456789', 2) + t.chars(ALPHA.base62, n - 2);
}

/** 40 characters of base64 with every class present, like an AWS secret access key. */
export function awsSecretLike(t: TokenFactory): string {
  return t.chars(UPPER, 3) + t.chars(LOWER, 3) + t.chars(DIGITS, 3) + t.chars(ALPHA.base64, 31);
}

export function b64(text: string): string {
  return Buffer.from(text, 'latin1').toString('base64');
}

/** crypt(3)'s base64 alphabet. */
const CRYPT64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A sha512-crypt hash (`$6$` salt `$` 86 characters), as in /etc/shadow. */
export function sha512Crypt(t: TokenFactory): string {
  return `$6$${t.chars(CRYPT64, 16)}$${t.chars(CRYPT64, 86)}`;
}

/** A bcrypt hash (`$2y$10$` and 53 characters). */
export function bcryptHash(t: TokenFactory): string {
  return `$2y$10$${t.chars(CRYPT64, 53)}`;
}

/** An Apache MD5 hash (`$apr1$` salt `$` 22 characters), as htpasswd writes. */
export function apr1Hash(t: TokenFactory): string {
  return `$apr1$${t.chars(CRYPT64, 8)}$${t.chars(CRYPT64, 22)}`;
}
