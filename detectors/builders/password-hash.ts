/**
 * Password hashes in crypt(3) and LDAP/htpasswd notation, for the legacy
 * detectors that report them where a credential store leaked (shadow,
 * htpasswd and FTP passwd lines, SQL dumps): a hash is not the password,
 * but anyone can guess at it offline, as fast as the scheme allows. Pure.
 */

const CRYPT64 = '[./0-9A-Za-z]';

/** Scheme name and the exact shape of a well-formed hash. */
const SCHEMES: ReadonlyArray<readonly [name: string, shape: RegExp]> = [
  ['bcrypt', new RegExp(`^\\$2[abxy]\\$(?:0[4-9]|[12][0-9]|3[01])\\$${CRYPT64}{53}$`)],
  ['sha512-crypt', new RegExp(`^\\$6\\$(?:rounds=[0-9]{4,9}\\$)?${CRYPT64}{1,16}\\$${CRYPT64}{86}$`)],
  ['sha256-crypt', new RegExp(`^\\$5\\$(?:rounds=[0-9]{4,9}\\$)?${CRYPT64}{1,16}\\$${CRYPT64}{43}$`)],
  ['md5-crypt', new RegExp(`^\\$1\\$${CRYPT64}{1,8}\\$${CRYPT64}{22}$`)],
  ['Apache MD5 (apr1)', new RegExp(`^\\$apr1\\$${CRYPT64}{1,8}\\$${CRYPT64}{22}$`)],
  ['yescrypt', new RegExp(`^\\$(?:y|gy)\\$${CRYPT64}+\\$${CRYPT64}{1,86}\\$${CRYPT64}{43}$`)],
  ['phpass', new RegExp(`^\\$[PH]\\$${CRYPT64}{31}$`)],
  ['argon2', /^\$argon2(?:id|i|d)\$v=19\$m=[0-9]+,t=[0-9]+,p=[0-9]+\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{16,}$/],
  ['SHA-1 (htpasswd {SHA})', /^\{SHA\}[A-Za-z0-9+/]{27}=$/],
  ['salted SHA-1 (LDAP {SSHA})', /^\{SSHA\}[A-Za-z0-9+/]{30,}={0,2}$/],
];

/**
 * The scheme of a well-formed password hash, or null: not one, or a filler
 * (a digest part with fewer than a third distinct characters, such as a
 * run of one letter in a documentation example).
 */
export function passwordHashScheme(value: string): string | null {
  const scheme = SCHEMES.find(([, shape]) => shape.test(value));
  if (scheme === undefined) return null;
  const digest = value.slice(value.lastIndexOf('$') + 1 || value.indexOf('}') + 1);
  if (new Set(digest).size * 3 < Math.min(digest.length, 48)) return null;
  return scheme[0];
}
