import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { detector, WORKSPACE_HOST_COMPANION } from './detector.js';
import { examples } from './examples.js';

/** The workspace host paired with a Databricks PAT, through the real engine. */
const engine = createEngine([detector]);
const t = new TokenFactory('databricks-workspace-host');

function companionOf(text: string, token: string): { name: string; value: string } | undefined {
  const m = engine.scan(Buffer.from(text, 'latin1')).find((f) => f.secret === token);
  expect(m, 'token found').toBeDefined();
  return m!.companion;
}

describe('databricks-access-token workspace-host companion', () => {
  it('pairs AWS, Azure and Google Cloud workspace hosts', () => {
    const token = examples.generate!(t);
    for (const host of ['acme-prod.cloud.databricks.com', 'adb-1234567890123456.7.azuredatabricks.net', '1234567890123456.7.gcp.databricks.com']) {
      expect(companionOf(`DATABRICKS_HOST=https://${host}\nDATABRICKS_TOKEN=${token}\n`, token)).toEqual({ name: WORKSPACE_HOST_COMPANION, value: host });
    }
  });

  it('does not pair an account console or a host cut out of a longer name', () => {
    const token = examples.generate!(t);
    expect(companionOf(`host = https://accounts.cloud.databricks.com\ntoken = ${token}\n`, token)).toBeUndefined();
    expect(companionOf(`host = https://accounts.gcp.databricks.com\ntoken = ${token}\n`, token)).toBeUndefined();
    expect(companionOf(`host = https://acme.cloud.databricks.com.example.net\ntoken = ${token}\n`, token)).toBeUndefined();
    expect(companionOf(`host = https://docs.databricks.com/dev-tools\ntoken = ${token}\n`, token)).toBeUndefined();
  });
});
