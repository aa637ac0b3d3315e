import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { ALPHA } from '../../test/support/token-factory.js';

const LETTERS = ALPHA.base62.slice(10);

export const examples = shapeTokenExamples({
  withRandom: (_t, random) => (fitsRandom(random, LETTERS, 34) ? `hf_${random}` : null),
  make: (t) => `hf_${t.chars(LETTERS, 34)}`,
  prefix: 'hf_',
  envName: 'HF_TOKEN',
  runAlphabet: LETTERS,
  fillChar: 'x',
  extraPositives: (t) => {
    const s = `hf_${t.chars(LETTERS, 34)}`;
    return [{ text: `from huggingface_hub import login\nlogin(token="${s}")\n`, secret: s }];
  },
  extraNegatives: (t) => [
    // A digit inside the body: not the letters-only shape.
    `HF_TOKEN=hf_${t.chars(LETTERS, 20)}7${t.chars(LETTERS, 13)}`,
    'model = AutoModel.from_pretrained(cfg.hf_model_name_or_path_for_training)',
  ],
});
