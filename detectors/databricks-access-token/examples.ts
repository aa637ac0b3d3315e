import { shapeTokenExamples } from '../builders/shape-token-examples.js';
import { fitsRandom } from '../builders/random-part.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const make = (t: TokenFactory): string => `dapi${t.chars(ALPHA.hexLower, 32)}`;

export const examples = shapeTokenExamples({
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.hexLower, 32) ? `dapi${random}` : null),
  make,
  prefix: 'dapi',
  envName: 'DATABRICKS_TOKEN',
  runAlphabet: ALPHA.base62,
  fillChar: 'a',
  extraPositives: (t) => {
    const s = `${make(t)}-2`;
    const azure = make(t);
    const gcp = make(t);
    return [
      {
        text: `[DEFAULT]\r\nhost = https://dbc-1a2b3c4d-5e6f.cloud.databricks.com\r\ntoken = ${s}\r\n`,
        secret: s,
        companion: 'dbc-1a2b3c4d-5e6f.cloud.databricks.com',
      },
      {
        // Azure workspace URL after the token, as a CI file sets them.
        text: `variables:\n  DATABRICKS_TOKEN: ${azure}\n  DATABRICKS_HOST: https://adb-1234567890123456.7.azuredatabricks.net/\n`,
        secret: azure,
        companion: 'adb-1234567890123456.7.azuredatabricks.net',
      },
      {
        text: `from databricks.sdk import WorkspaceClient\nw = WorkspaceClient(\n    host="https://1234567890123456.7.gcp.databricks.com",\n    token="${gcp}",\n)\n`,
        secret: gcp,
        companion: '1234567890123456.7.gcp.databricks.com',
      },
    ];
  },
  extraNegatives: () => ['    dapiDataGetTopLongShortPositionRatio (params?: {}): Promise<implicitReturnType>;'],
});
