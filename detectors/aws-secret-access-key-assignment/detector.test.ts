import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { ALL_DETECTORS } from '../registry.js';
import type { Match } from '../types.js';
import { FindingAggregator } from '../../scanner/aggregate.js';
import { keyedFingerprinter } from '../../scanner/fingerprint.js';
import { awsSecretLike } from '../builders/legacy-examples.js';
import { ALPHA, TokenFactory } from '../../test/support/token-factory.js';

/**
 * An AWS access key id with its secret access key is one credential: the
 * identifiable aws-access-key reports the id with the secret as its
 * companion, and the legacy aws-secret-access-key-assignment, which sees the
 * same secret under its key name, gives way (the engine's cross-tier dedup
 * covers identifiable matches' companions). Real engine output, full registry.
 */
const engine = createEngine(ALL_DETECTORS);
const t = new TokenFactory('aws-pair-merge');
const keyId = (): string => `AKIA${t.chars(ALPHA.base32Upper, 16)}`;

function scanWhole(text: string): Match[] {
  return engine.scan(Buffer.from(text, 'latin1'));
}

function scanStream(text: string, chunk: number): Match[] {
  const s = engine.stream();
  const buf = Buffer.from(text, 'latin1');
  const out: Match[] = [];
  for (let at = 0; at < buf.length; at += chunk) out.push(...s.push(buf.subarray(at, at + chunk)));
  out.push(...s.end());
  return out;
}

const summary = (ms: readonly Match[]) => ms.map((m) => ({ detector: m.detector.id, secret: m.secret, companion: m.companion?.value }));

describe('AWS access key id and secret access key: one finding', () => {
  it('drops the legacy match over the identifiable match\'s companion, in a credentials file', () => {
    const [id, secret] = [keyId(), awsSecretLike(t)];
    const text = `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\nregion = eu-west-1\n`;
    expect(summary(scanWhole(text))).toEqual([{ detector: 'aws-access-key', secret: id, companion: secret }]);
  });

  it('does the same when the secret comes first, and in a stream cut into small chunks', () => {
    const [id, secret] = [keyId(), awsSecretLike(t)];
    const text = `${'# padding line to push the pair past the first chunk\n'.repeat(40)}const s3 = new S3Client({\n  credentials: {\n    secretAccessKey: '${secret}',\n    accessKeyId: '${id}',\n  },\n});\n`;
    const expected = [{ detector: 'aws-access-key', secret: id, companion: secret }];
    expect(summary(scanWhole(text))).toEqual(expected);
    for (const chunk of [7, 64, 1000]) expect(summary(scanStream(text, chunk)), `chunks of ${chunk}`).toEqual(expected);
  });

  it('pairs each profile once: two key ids, two secrets, two findings', () => {
    const a = [keyId(), awsSecretLike(t)] as const;
    const b = [keyId(), awsSecretLike(t)] as const;
    const text = `[prod]\naws_access_key_id=${a[0]}\naws_secret_access_key=${a[1]}\n\n[dev]\naws_access_key_id=${b[0]}\naws_secret_access_key=${b[1]}\n`;
    const aggregator = new FindingAggregator(keyedFingerprinter(Buffer.alloc(32, 1)));
    for (const m of scanWhole(text)) aggregator.add(m, { kind: 'blob', path: '.aws/credentials' });
    const findings = aggregator.findings();
    expect(findings.map((f) => [f.detector, f.companion?.value.reveal()])).toEqual([
      ['aws-access-key', a[1]],
      ['aws-access-key', b[1]],
    ]);
  });

  it('keeps the legacy finding when no identifiable key id claims the secret', () => {
    const secret = awsSecretLike(t);
    expect(summary(scanWhole(`export AWS_SECRET_ACCESS_KEY=${secret}\n`))).toEqual([
      { detector: 'aws-secret-access-key-assignment', secret, companion: undefined },
    ]);
    // A key id beyond aws-access-key's companion reach (256 bytes): the legacy finding stays, with the id attached.
    const id = keyId();
    const far = `aws_access_key_id = ${id}\n${'#'.repeat(300)}\naws_secret_access_key = ${secret}\n`;
    expect(summary(scanWhole(far))).toEqual([
      { detector: 'aws-access-key', secret: id, companion: undefined },
      { detector: 'aws-secret-access-key-assignment', secret, companion: id },
    ]);
  });

  it('reports an S3-compatible store\'s secret of another length under the AWS name, with low confidence', () => {
    const secret = `Ab3${t.chars(ALPHA.base64, 35)}`;
    const found = scanWhole(`[default]\naws_access_key_id = GOOG1E${t.chars(ALPHA.upperAlnum, 20)}\naws_secret_access_key = ${secret}\n`).filter((m) => m.detector.tier === 'legacy');
    expect(found.map((m) => [m.detector.id, m.secret, m.confidence])).toEqual([['aws-secret-access-key-assignment', secret, 'low']]);
  });
});
