import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { configPositives, referenceNegatives } from '../builders/token-shape-examples.js';

function make(t: TokenFactory): string {
  return 'AIzaSy' + t.chars(ALPHA.base64url, 33);
}

export const examples: DetectorExamples = {
  generate: make,
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
      `GOOGLE_API_KEY=${good}${t.chars(ALPHA.base62, 2)}`,
      `blob=${t.chars(ALPHA.base62, 3)}${good}`,
      `maps_key: "AIzaSyA-your-api-key-here-0000000000000"`,
    ];
  },
};
