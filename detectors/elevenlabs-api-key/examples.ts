import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `sk_${t.chars(ALPHA.hexLower, 48)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# .env\nELEVENLABS_API_KEY=${a}\nELEVENLABS_VOICE_ID=voice-default\n`, secret: a },
      { text: `{\n  "elevenlabs": {\n    "apiKey": "${b}"\n  }\n}\n`, secret: b },
      { text: `curl -H 'xi-api-key: ${c}' https://api.elevenlabs.io/v1/voices\r\n`, secret: c },
      { text: `client = ElevenLabs(api_key="${d}")`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      // Part of an identifier: `task_` + hex.
      `task_${good.slice(3)}`,
      `blob=${good}${t.chars(ALPHA.hexLower, 2)}`,
      `ELEVENLABS_API_KEY=${good.slice(0, -1)}`,
      `ELEVENLABS_API_KEY=sk_${'f'.repeat(48)}`,
      'ELEVENLABS_API_KEY=sk_<your-elevenlabs-key>',
      // Uppercase hex is not what ElevenLabs issues.
      `ELEVENLABS_API_KEY=sk_${t.chars(ALPHA.hexUpper, 48)}`,
      'const mask_bits = disk_usage(task_id);',
    ];
  },
};
