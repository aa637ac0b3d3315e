import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `fc-${t.chars(ALPHA.hexLower, 32)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `export FIRECRAWL_API_KEY=${a}\n`, secret: a },
      { text: `app = FirecrawlApp(api_key="${b}")\nresult = app.scrape_url(url)\n`, secret: b },
      { text: `{\n  "mcpServers": {\n    "firecrawl": { "env": { "FIRECRAWL_API_KEY": "${c}" } }\n  }\n}\n`, secret: c },
      { text: `headers:\r\n  Authorization: Bearer ${d}\r\n`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      '.fc-daygrid-day-frame { min-height: 100%; } .fc-event-title { font-weight: bold; }',
      `class="fc-${t.chars(ALPHA.hexLower, 32)}-cell"`,
      `id=xfc-${good.slice(3)}`,
      `FIRECRAWL_API_KEY=${good.slice(0, -1)}`,
      `FIRECRAWL_API_KEY=fc-${'0'.repeat(32)}`,
      'FIRECRAWL_API_KEY=fc-<your-api-key>',
    ];
  },
};
