import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { LAST_CHARACTERS } from './detector.js';

/** A key as Google issues them: `AIzaSy`, a 7th character of `A`-`D`, 31 random characters, and a last one with 2 zero bits. */
function make(t: TokenFactory, random: string = t.chars(ALPHA.base64url, 31)): string {
  return `AIzaSy${t.pick([...'ABCD'])}${random}${t.pick([...LAST_CHARACTERS])}`;
}

export const examples: DetectorExamples = {
  generate: (t) => make(t),
  withRandom: (t, random) => (fitsRandom(random, ALPHA.base64url, 31) ? make(t, random) : null),
  positives: (t) => {
    const firebase = make(t);
    const maps = make(t);
    const plist = make(t);
    return [
      ...configPositives(() => make(t), 'GOOGLE_API_KEY'),
      { text: `const firebaseConfig = {\n  apiKey: "${firebase}",\n  authDomain: "acme-prod.firebaseapp.com",\n};\n`, secret: firebase },
      { text: `<script src="https://maps.googleapis.com/maps/api/js?key=${maps}&callback=initMap" async></script>\n`, secret: maps },
      { text: `\t<key>API_KEY</key>\n\t<string>${plist}</string>\n`, secret: plist },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      ...referenceNegatives('AIza', 'GOOGLE_API_KEY'),
      `GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`,
      `GOOGLE_API_KEY=${good.slice(0, -1)}`,
      // A last character no 29-byte key can end with (its 2 low bits set).
      `GOOGLE_API_KEY=${good.slice(0, -1)}${t.pick([...ALPHA.base64url].filter((c) => !LAST_CHARACTERS.includes(c)))}`,
      `GOOGLE_API_KEY=${good}${t.chars(ALPHA.base62, 2)}`,
      `blob=${t.chars(ALPHA.base62, 3)}${good}`,
      `maps_key: "AIzaSyA-your-api-key-here-0000000000000"`,
    ];
  },
};
