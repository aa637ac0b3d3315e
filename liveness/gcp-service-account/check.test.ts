import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../detectors/engine/engine.js';
import { detector } from '../../detectors/gcp-service-account-key/detector.js';
import { examples } from '../../detectors/gcp-service-account-key/examples.js';
import { SecretValue } from '../../scanner/secret-value.js';
import {
  GCP_ACCOUNT_NOT_FOUND,
  GCP_CLOCK_SKEW,
  GCP_DISABLED_CLIENT,
  GCP_INVALID_SCOPE,
  gcpServiceAccountRoutes,
  issueGcpServiceAccountKey,
  parseAssertion,
} from '../../test/support/providers/gcp-service-account.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { checkOnce, describeProviderCheck } from '../../test/support/liveness-harness.js';
import { ALPHA, TokenFactory } from '../../test/support/token-factory.js';
import type { CheckInput } from '../types.js';
import { attributeServiceAccount, GCP_READ_ONLY_SCOPE, gcpServiceAccountCheck, readKeyFileFields } from './check.js';

const t = new TokenFactory('liveness-gcp-service-account');
const engine = createEngine([detector]);

interface Account {
  readonly project: string;
  readonly keyId: string;
  readonly email: string;
  readonly privateKeyPem: string;
}

/** A service account with a real RSA key pair made now, its public key issued to the stand-in. */
function account(format: 'pkcs8' | 'pkcs1' = 'pkcs8', issue = true): Account {
  const project = `${t.chars('abcdefghijklmnopqrstuvwxyz', 6)}-${t.chars(ALPHA.lowerAlnum, 6)}`;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const a = {
    project,
    keyId: t.chars(ALPHA.hexLower, 40),
    email: `deployer@${project}.iam.gserviceaccount.com`,
    privateKeyPem: privateKey.export({ type: format, format: 'pem' }).toString(),
  };
  if (issue) issueGcpServiceAccountKey(a.email, publicKey.export({ type: 'spki', format: 'pem' }).toString(), a.keyId);
  return a;
}

/** The key file as gcloud writes it. */
function keyFile(a: Account, extra: Record<string, string> = {}): Record<string, string> {
  return {
    type: 'service_account',
    project_id: a.project,
    private_key_id: a.keyId,
    private_key: a.privateKeyPem,
    client_email: a.email,
    client_id: `1${t.chars('0123456789', 20)}`,
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(a.email)}`,
    universe_domain: 'googleapis.com',
    ...extra,
  };
}

/** The finding the detector makes of `text`, as the check gets it. */
function finding(text: string): CheckInput {
  const matches = engine.scan(Buffer.from(text, 'utf8'));
  expect(matches).toHaveLength(1);
  const m = matches[0]!;
  return { detector: m.detector.id, secret: new SecretValue(m.secret), context: m.context };
}

const pretty = account();
const nested = account('pkcs1');
const prettyInput = finding(`${JSON.stringify(keyFile(pretty), null, 2)}\n`);
// A key file stored as a string inside other JSON: its quotes and `\n` escapes escaped once more.
const nestedInput = finding(JSON.stringify({ name: 'ci', gcp_credentials: JSON.stringify(keyFile(nested)) }));

describeProviderCheck({
  check: gcpServiceAccountCheck,
  routes: gcpServiceAccountRoutes,
  readMethods: ['POST'],
  cases: [
    {
      name: 'key file (PKCS#8 key)',
      input: prettyInput,
      credential: pretty.email,
      expectLive: (v) => expect(v.owner).toEqual({ email: pretty.email, account: pretty.project, tokenName: pretty.keyId }),
    },
    {
      name: 'key file inside other JSON (PKCS#1 key)',
      input: nestedInput,
      credential: nested.email,
      expectLive: (v) => expect(v.owner).toEqual({ email: nested.email, account: nested.project, tokenName: nested.keyId }),
    },
  ],
});

function answering(reply: StandInReply): typeof gcpServiceAccountRoutes {
  return gcpServiceAccountRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}

describe('gcp-service-account liveness check, Google-specific answers', () => {
  it('posts one RS256 assertion for the account, read-only scope, to the token endpoint', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { verdict, requests } = await checkOnce({ check: gcpServiceAccountCheck, routes: gcpServiceAccountRoutes, input: prettyInput, valid: [pretty.email] });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /token']);
    const a = parseAssertion(requests[0]!)!;
    expect(a.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: pretty.keyId });
    expect(a.claims).toMatchObject({ iss: pretty.email, aud: 'https://oauth2.googleapis.com/token', scope: GCP_READ_ONLY_SCOPE });
    const { iat, exp } = a.claims as { iat: number; exp: number };
    expect(iat).toBeGreaterThanOrEqual(before);
    expect(exp - iat).toBeGreaterThan(0);
    expect(exp - iat).toBeLessThanOrEqual(3600);
    expect(requests[0]!.body).not.toContain('PRIVATE KEY');
  });

  it('is revoked when the key is not the account\'s key (Google: Invalid JWT Signature)', async () => {
    const foreign = account('pkcs8', false);
    const input = finding(`${JSON.stringify(keyFile({ ...foreign, email: pretty.email, keyId: pretty.keyId }), null, 2)}\n`);
    const { verdict } = await checkOnce({ check: gcpServiceAccountCheck, routes: gcpServiceAccountRoutes, input, valid: [pretty.email] });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 400 });
    expect(verdict.reason).toMatch(/Invalid JWT Signature/);
  });

  it('is revoked for a deleted service account and for a disabled key', async () => {
    for (const reply of [GCP_ACCOUNT_NOT_FOUND, GCP_DISABLED_CLIENT]) {
      const { verdict } = await checkOnce({ check: gcpServiceAccountCheck, routes: answering(reply), input: prettyInput });
      expect(verdict, JSON.stringify(reply.body)).toMatchObject({ outcome: 'revoked', httpStatus: reply.status });
    }
  });

  it('is unknown for refusals that say nothing about the key (clock skew, scope) and for a 200 without a token', async () => {
    for (const reply of [GCP_CLOCK_SKEW, GCP_INVALID_SCOPE, { status: 200, body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } }, { status: 200, body: {} }]) {
      const { verdict } = await checkOnce({ check: gcpServiceAccountCheck, routes: answering(reply), input: prettyInput });
      expect(verdict, JSON.stringify(reply.body)).toMatchObject({ outcome: 'unknown', httpStatus: reply.status });
    }
  });

  it('is unknown, without a request, for the detector\'s own examples (DER framing around random bytes, no RSA key)', async () => {
    for (const p of examples.positives(t)) {
      const input = finding(p.text);
      expect(readKeyFileFields(input.context).clientEmail).toMatch(/@[a-z0-9-]+\.iam\.gserviceaccount\.com$/);
      const { verdict, requests } = await checkOnce({ check: gcpServiceAccountCheck, routes: gcpServiceAccountRoutes, input });
      expect(verdict).toEqual({ outcome: 'unknown', reason: 'the private key could not be read as an RSA key' });
      expect(requests).toHaveLength(0);
    }
  });

  it('is unknown, without a request, without a client_email, for another universe or a foreign token endpoint', async () => {
    const noEmail = { ...keyFile(pretty) } as Record<string, string>;
    delete noEmail['client_email'];
    delete noEmail['client_x509_cert_url'];
    const inputs: Array<[CheckInput, RegExp]> = [
      [finding(JSON.stringify(noEmail, null, 2)), /client_email not found/],
      [finding(JSON.stringify(keyFile(pretty, { universe_domain: 's3nsapis.fr' }), null, 2)), /another universe/],
      [finding(JSON.stringify(keyFile(pretty, { token_uri: 'https://token.example.com/token' }), null, 2)), /not Google's/],
    ];
    for (const [input, reason] of inputs) {
      const { verdict, requests } = await checkOnce({ check: gcpServiceAccountCheck, routes: gcpServiceAccountRoutes, input, valid: [pretty.email] });
      expect(verdict.outcome).toBe('unknown');
      expect(verdict.reason).toMatch(reason);
      expect(requests).toHaveLength(0);
    }
  });

  it('reads the key file\'s fields however its quotes and slashes are escaped', () => {
    expect(readKeyFileFields({ before: '"type": "service_account",\n  "project_id": "p-1",', after: ',\n  "client_email": "a@p-1.iam.gserviceaccount.com",\n  "token_uri": "https:\\/\\/oauth2.googleapis.com\\/token"\n' })).toEqual({
      projectId: 'p-1',
      clientEmail: 'a@p-1.iam.gserviceaccount.com',
      tokenUri: 'https://oauth2.googleapis.com/token',
    });
    expect(readKeyFileFields({ before: '\\"private_key_id\\":\\"ab12\\",', after: ',\\"client_email\\":\\"b@q.iam.gserviceaccount.com\\"' })).toEqual({ privateKeyId: 'ab12', clientEmail: 'b@q.iam.gserviceaccount.com' });
  });

  it('attributes the service account, its project and the key id', () => {
    expect(attributeServiceAccount({ clientEmail: 'a@p.iam.gserviceaccount.com', projectId: 'p', privateKeyId: 'k' })).toEqual({ email: 'a@p.iam.gserviceaccount.com', account: 'p', tokenName: 'k' });
    expect(attributeServiceAccount({})).toBeUndefined();
  });
});
