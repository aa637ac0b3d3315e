import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import type { TokenFactory } from '../../test/support/token-factory.js';
import { ALPHA } from '../../test/support/token-factory.js';

const key = (t: TokenFactory): string => `live_${1 + t.int(9)}${t.chars('0123456789', 8)}_${t.chars(ALPHA.base62, 30)}`;

export const examples: DetectorExamples = {
  generate: key,
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `STREAM_KEY=${p}\n`, key(t));
    add((p) => `ffmpeg -re -i input.mp4 -c copy -f flv rtmp://live.twitch.tv/app/${p}\n`, key(t));
    add((p) => `{ "service": "Twitch", "key": "${p}" }\n`, key(t));
    return out;
  },
  negatives: (t) => [
    `TWITCH_STREAM_KEY = "${t.chars('0123456789', 9)}_${t.chars(ALPHA.base62, 25)}"`,
    `live_${t.chars('0123456789', 9)}_${t.chars(ALPHA.base62, 25)}`,
    `stream_url: "rtmp://live.twitch.tv/app/STREAM_KEY"`,
    `if (is_live_stream) start(live_mode);`,
    `live_${t.chars('0123456789', 9)}_${'A'.repeat(30)}`,
    `live_${t.chars('0123456789', 9)}_${t.chars(ALPHA.base62, 30)}x9`,
  ],
};
