import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/aws-access-key/examples.js';
import { SecretValue } from '../../scanner/secret-value.js';
import { awsRoutes, issueAwsKeyPair } from '../../test/support/providers/aws.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { ALPHA, TokenFactory } from '../../test/support/token-factory.js';
import { attributeAwsCallerIdentity, awsCheck } from './check.js';

const t = new TokenFactory('liveness-aws');
const keyId = examples.generate!(t);
const secret = t.chars(ALPHA.base64, 40);
issueAwsKeyPair(keyId, secret);

function withSecret(id: string, secretAccessKey: string) {
  return secretInput('aws-access-key', id, { companion: { name: 'secret-access-key', value: new SecretValue(secretAccessKey) } });
}

describeProviderCheck({
  check: awsCheck,
  routes: awsRoutes,
  readMethods: ['POST'],
  cases: [
    {
      input: withSecret(keyId, secret),
      credential: keyId,
      expectLive: (v) => expect(v.owner).toEqual({ account: '123456789012', user: 'arn:aws:iam::123456789012:user/Alice' }),
    },
  ],
});

describe('aws check, AWS-specific answers', () => {
  it('signs GetCallerIdentity for us-east-1/sts and sends the form body', async () => {
    const { verdict, requests } = await checkOnce({ check: awsCheck, routes: awsRoutes, input: withSecret(keyId, secret), valid: [keyId] });
    expect(verdict.outcome).toBe('live');
    expect(requests).toHaveLength(1);
    const [r] = requests;
    expect(r!.body).toBe('Action=GetCallerIdentity&Version=2011-06-15');
    expect(r!.headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${keyId}/\\d{8}/us-east-1/sts/aws4_request, `));
    expect(r!.headers.authorization).not.toContain(secret);
  });

  it('is unknown, not revoked, when the secret beside the key id is not its secret', async () => {
    const wrong = t.chars(ALPHA.base64, 40);
    const { verdict, requests } = await checkOnce({ check: awsCheck, routes: awsRoutes, input: withSecret(keyId, wrong), valid: [keyId] });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
    expect(verdict.reason).toMatch(/SignatureDoesNotMatch/);
    expect(requests).toHaveLength(1);
  });

  it('is revoked when AWS does not know the key id, whatever the secret', async () => {
    const unknownKey = examples.generate!(t);
    const { verdict } = await checkOnce({ check: awsCheck, routes: awsRoutes, input: withSecret(unknownKey, t.chars(ALPHA.base64, 40)) });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 403 });
  });

  it('is unknown, without a request, when no secret access key sits beside the key id', async () => {
    for (const input of [secretInput('aws-access-key', keyId), secretInput('aws-access-key', keyId, { companion: { name: 'session-token', value: new SecretValue(secret) } })]) {
      const { verdict, requests } = await checkOnce({ check: awsCheck, routes: awsRoutes, input, valid: [keyId] });
      expect(verdict).toEqual({ outcome: 'unknown', reason: 'secret access key not found beside the key id' });
      expect(requests).toHaveLength(0);
    }
  });

  it('is unknown, without a request, for temporary and non-signing key ids', async () => {
    for (const prefix of ['ASIA', 'ABIA', 'ACCA']) {
      const id = prefix + keyId.slice(4);
      const { verdict, requests } = await checkOnce({ check: awsCheck, routes: awsRoutes, input: withSecret(id, secret), valid: [id] });
      expect(verdict.outcome, prefix).toBe('unknown');
      expect(verdict.reason).toContain(prefix);
      expect(requests).toHaveLength(0);
    }
  });

  it('is unknown for other STS errors', async () => {
    const routes = [{ ...awsRoutes[0]!, live: () => ({ status: 400, headers: { 'content-type': 'text/xml' }, body: '<ErrorResponse><Error><Code>Throttling</Code></Error></ErrorResponse>' }) }];
    const { verdict } = await checkOnce({ check: awsCheck, routes, input: withSecret(keyId, secret), valid: [keyId] });
    expect(verdict).toMatchObject({ outcome: 'unknown', reason: 'AWS STS: Throttling', httpStatus: 400 });
  });

  it('attributes the account and the ARN', () => {
    expect(attributeAwsCallerIdentity('<GetCallerIdentityResult><Arn>arn:aws:sts::1:assumed-role/R/s&amp;x</Arn><UserId>AROA:s</UserId><Account>1</Account></GetCallerIdentityResult>')).toEqual({
      account: '1',
      user: 'arn:aws:sts::1:assumed-role/R/s&x',
    });
  });
});
