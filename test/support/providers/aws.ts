import aws4 from 'aws4';
import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * AWS STS stand-in for `GetCallerIdentity`. It checks the Signature
 * Version 4 signature the way AWS does: it re-signs the request it received
 * with aws4, using the secret it holds for the key id (`issueAwsKeyPair`),
 * and compares the Authorization headers; so a check that signs wrongly
 * (wrong secret, region, service, body or headers) never gets the live
 * answer. Bodies follow the example of
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 * and the error format of https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html:
 * an unknown key id gets 403 `InvalidClientTokenId`, a known key id signed
 * with another secret 403 `SignatureDoesNotMatch`.
 */
const secrets = new Map<string, string>();

/** Makes the stand-in know a key pair, as IAM does once it issued it. */
export function issueAwsKeyPair(accessKeyId: string, secretAccessKey: string): void {
  secrets.set(accessKeyId, secretAccessKey);
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)\/\d{8}\/[a-z0-9-]+\/[a-z0-9]+\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/;

interface Signature {
  readonly keyId: string;
  /** The stand-in holds a secret for the key id. */
  readonly known: boolean;
  readonly valid: boolean;
}

/** Reads and verifies the request's SigV4 Authorization header; undefined when there is none. */
export function verifyAwsSignature(request: RecordedRequest): Signature | undefined {
  const authorization = request.headers.authorization ?? '';
  const m = AUTHORIZATION.exec(authorization);
  if (!m) return undefined;
  const keyId = m[1]!;
  const signedHeaders = m[2]!.split(';');
  const secretAccessKey = secrets.get(keyId);
  if (secretAccessKey === undefined) return { keyId, known: false, valid: false };
  // AWS requires host and x-amz-date to be signed.
  if (!signedHeaders.includes('host') || !signedHeaders.includes('x-amz-date')) return { keyId, known: true, valid: false };
  const headers = Object.fromEntries(signedHeaders.map((name) => [name, request.headers[name] ?? '']));
  const query = request.query.toString();
  const resigned = aws4.sign(
    { method: request.method, host: request.headers.host, path: query ? `${request.path}?${query}` : request.path, body: request.body, service: 'sts', region: 'us-east-1', headers },
    { accessKeyId: keyId, secretAccessKey },
  );
  return { keyId, known: true, valid: resigned.headers?.Authorization === authorization };
}

function xml(status: number, body: string): StandInReply {
  return { status, headers: { 'content-type': 'text/xml' }, body };
}

function stsError(status: number, code: string, message: string): StandInReply {
  return xml(
    status,
    `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>${code}</Code>\n    <Message>${message}</Message>\n  </Error>\n  <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>\n</ErrorResponse>\n`,
  );
}

function callerIdentity(request: RecordedRequest): StandInReply {
  const form = new URLSearchParams(request.body);
  if (form.get('Action') !== 'GetCallerIdentity' || form.get('Version') !== '2011-06-15') {
    return stsError(400, 'InvalidAction', 'Could not find operation for version');
  }
  return xml(
    200,
    `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <GetCallerIdentityResult>\n    <Arn>arn:aws:iam::123456789012:user/Alice</Arn>\n    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>\n    <Account>123456789012</Account>\n  </GetCallerIdentityResult>\n  <ResponseMetadata>\n    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n`,
  );
}

export const awsRoutes: StandInRoute[] = [
  {
    method: 'POST',
    path: '/',
    credential: (request) => {
      const signature = verifyAwsSignature(request);
      return signature?.valid ? signature.keyId : undefined;
    },
    live: (request) => callerIdentity(request),
    revoked: (request) => {
      const signature = verifyAwsSignature(request);
      if (signature?.known && !signature.valid) {
        return stsError(
          403,
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
        );
      }
      return stsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    },
  },
];
