import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples = shapeTokenExamples({
  make: (t) => `dapi${t.chars(ALPHA.hexLower, 32)}`,
  prefix: 'dapi',
  envName: 'DATABRICKS_TOKEN',
  runAlphabet: ALPHA.base62,
  fillChar: 'a',
  extraPositives: (t) => {
    const s = `dapi${t.chars(ALPHA.hexLower, 32)}-2`;
    return [{ text: `[DEFAULT]\r\nhost = https://dbc-1a2b3c4d-5e6f.cloud.databricks.com\r\ntoken = ${s}\r\n`, secret: s }];
  },
  extraNegatives: () => ['    dapiDataGetTopLongShortPositionRatio (params?: {}): Promise<implicitReturnType>;'],
});
