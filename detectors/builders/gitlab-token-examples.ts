import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { gitlabRoutableCrc, ROUTABLE_RANDOM_CHARS } from './gitlab-token.js';
import { fitsRandom } from './random-part.js';

const LEGACY_ALPHABET = ALPHA.base64url;

/** A legacy token: prefix + `length` random characters of `alphabet`. */
export function makeGitlabLegacyToken(t: TokenFactory, prefix: string, length = 20, alphabet: string = LEGACY_ALPHABET): string {
  return prefix + t.chars(alphabet, length);
}

/**
 * A routable token as GitLab's generator builds it: base64url(16 random bytes
 * + routing payload + payload length byte), the version `01`, the base64
 * length in base36, and the CRC-32 of all of it.
 */
export function makeGitlabRoutableToken(
  t: TokenFactory,
  prefix: string,
  options: { routing?: string; versioned?: boolean; random?: string } = {},
): string {
  const routing = options.routing ?? `o:${(1 + t.int(5000)).toString(36)}\nu:${(1 + t.int(9_000_000)).toString(36)}`;
  // The 16 random bytes, or bytes whose encoding starts with the 21 characters asked for.
  const random = options.random === undefined ? Buffer.from(t.bytes(16)) : Buffer.from(options.random + t.chars(ALPHA.base64url, 1), 'base64url');
  const bytes = Buffer.concat([random, Buffer.from(routing, 'latin1'), Buffer.from([routing.length])]);
  const payload = bytes.toString('base64url');
  const length = payload.length.toString(36).padStart(2, '0');
  const checksummed = `${prefix}${payload}.${options.versioned === false ? '' : '01.'}${length}`;
  return checksummed + gitlabRoutableCrc(checksummed);
}

export interface GitlabExampleSpec {
  readonly prefix: string;
  readonly envName: string;
  readonly legacy: (t: TokenFactory) => string;
  readonly routable: boolean;
}

/** Positives and look-alikes shared by every GitLab token kind. */
export function gitlabTokenExamples(spec: GitlabExampleSpec): DetectorExamples {
  const { prefix, envName } = spec;
  const make = (t: TokenFactory): string => (spec.routable ? makeGitlabRoutableToken(t, prefix) : spec.legacy(t));
  return {
    generate: make,
    // A routable token around 21 random characters, or a legacy token whose body ends with them.
    withRandom: (t, random) => {
      if (spec.routable && fitsRandom(random, ALPHA.base64url, ROUTABLE_RANDOM_CHARS)) return makeGitlabRoutableToken(t, prefix, { random });
      const legacy = spec.legacy(t);
      const body = legacy.slice(prefix.length);
      return fitsRandom(random, ALPHA.base64url, 1, body.length) ? legacy.slice(0, legacy.length - random.length) + random : null;
    },
    positives: (t) => {
      const legacyA = spec.legacy(t);
      const legacyB = spec.legacy(t);
      const legacyC = spec.legacy(t);
      const out = [
        { text: `export ${envName}=${legacyA}\n`, secret: legacyA },
        { text: `variables:\n  ${envName}: "${legacyB}"\n  GIT_DEPTH: "10"\n`, secret: legacyB },
        { text: `{"name":"ci","token":"${legacyC}"}\r\n`, secret: legacyC },
      ];
      if (spec.routable) {
        const r1 = makeGitlabRoutableToken(t, prefix);
        const r2 = makeGitlabRoutableToken(t, prefix, { versioned: false });
        const r3 = makeGitlabRoutableToken(t, prefix, { routing: `c:${t.int(40).toString(36)}\no:1\nu:${t.int(99999).toString(36)}` });
        out.push(
          { text: `${envName}=${r1}\n`, secret: r1 },
          { text: `git remote add origin https://oauth2:${r2}@gitlab.com/acme/platform.git\n`, secret: r2 },
          { text: `curl --header "PRIVATE-TOKEN: ${r3}" "https://gitlab.example.com/api/v4/projects"\r\n`, secret: r3 },
        );
      }
      return out;
    },
    negatives: (t) => {
      const legacy = spec.legacy(t);
      const out = [
        `${envName}=\${${envName}}`,
        `${envName}=${prefix}<your-token>`,
        `${envName}=${prefix}${'X'.repeat(legacy.length - prefix.length)}`,
        `${envName}=${legacy.slice(0, -1)}`,
        `blob=${legacy}${t.chars(ALPHA.base62, 3)}`,
        `blob=${t.chars(ALPHA.base62, 3)}${legacy}`,
      ];
      if (spec.routable) {
        const r = makeGitlabRoutableToken(t, prefix);
        const last = r.at(-1)!;
        out.push(
          // One CRC character changed.
          `${envName}=${r.slice(0, -1)}${last === 'a' ? 'b' : 'a'}`,
          // A payload character changed: the CRC no longer matches.
          `${envName}=${r.slice(0, prefix.length + 3)}${r[prefix.length + 3] === 'Q' ? 'R' : 'Q'}${r.slice(prefix.length + 4)}`,
          // Fabricated shape with no checksum, as other tools' examples have it.
          `${envName}=${prefix}${t.chars(ALPHA.base62, 27)}.${t.chars(ALPHA.lowerAlnum, 2)}${t.chars(ALPHA.lowerAlnum, 7)}`,
          `${envName}=${prefix}xxxxxxxx-xxxxxxxxxxxxxxxxxx.xxxxxxxxx`,
        );
      }
      return out;
    },
  };
}
