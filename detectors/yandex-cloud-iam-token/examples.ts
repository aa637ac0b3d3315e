import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `t1.9euelZ${t.chars(ALPHA.base64url, t.pick([88, 90, 189]))}.${t.chars(ALPHA.base64url, 86)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# temporary, from yc iam create-token\nexport IAM_TOKEN=${a}\n`, secret: a },
      { text: `{\n  "yandex": {\n    "iamToken": "${b}"\n  }\n}\n`, secret: b },
      { text: `curl -H "Authorization: Bearer ${c}" https://llm.api.cloud.yandex.net/foundationModels/v1/completion\r\n`, secret: c },
      { text: `sdk = Sdk(iam_token="${d}")`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    return [
      `IAM_TOKEN=${good.slice(0, -1)} `,
      `blob=${good}Q7`,
      `IAM_TOKEN=t1.9euelZ${t.chars(ALPHA.base64url, 90)}.${'A'.repeat(86)}`,
      'IAM_TOKEN=t1.9euelZ...',
      'const t1 = t0.next(); t1.9euelZ = 3;',
    ];
  },
};
