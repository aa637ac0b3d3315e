import aws4 from 'aws4';
import { compact, isHtml, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * AWS access keys. The check calls STS `GetCallerIdentity`, signed with
 * Signature Version 4 by the key id and the secret access key found beside
 * it: AWS documents it as needing no permission (an explicit deny cannot
 * block it) and it only returns who the caller is, so it is the one call
 * every live key can make and that changes nothing. It is a Query API
 * action: `POST /` with a form body, signed for region us-east-1, service
 * sts (the global endpoint).
 *
 * - 200 XML with `Account`, `Arn`, `UserId`: live.
 * - 403 `InvalidClientTokenId`: AWS does not know the key id (deleted,
 *   deactivated, or never issued): revoked.
 * - 403 `SignatureDoesNotMatch`: the secret found beside the key id is not
 *   its secret. That says nothing about the key id: unknown.
 *
 * Only long-term `AKIA` keys are tested. `ASIA` keys are temporary and sign
 * only with their session token, which a finding does not carry; `ABIA`
 * (service bearer) and `ACCA` (context-specific) credentials do not sign
 * STS requests: unknown.
 */
const STS_BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
const COMPANION = 'secret-access-key';

const UNCHECKABLE_KINDS: Readonly<Record<string, string>> = {
  ASIA: 'a temporary (ASIA) key signs only with its session token, which the finding does not carry',
  ABIA: 'an STS service bearer token (ABIA) does not sign requests; no read-only call tests it',
  ACCA: 'a context-specific credential (ACCA) does not sign STS requests; no read-only call tests it',
};

export const awsCheck: ProviderCheck = {
  id: 'aws',
  provider: 'Amazon Web Services',
  detectors: ['aws-access-key'],
  apiReference: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html',
  defaultBaseUrl: 'https://sts.amazonaws.com',
  // STS allows hundreds of GetCallerIdentity calls a second per account; the queue spans many accounts.
  rateLimit: { max: 10, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const keyId = input.secret.reveal();
    const kind = keyId.slice(0, 4);
    const uncheckable = UNCHECKABLE_KINDS[kind];
    if (uncheckable) return { outcome: 'unknown', reason: uncheckable };
    if (kind !== 'AKIA') return { outcome: 'unknown', reason: `no AWS check for key ids starting ${kind}` };
    const secretAccessKey = input.companion?.name === COMPANION ? input.companion.value.reveal() : undefined;
    if (!secretAccessKey) return { outcome: 'unknown', reason: 'secret access key not found beside the key id' };

    const base = new URL(env.baseUrl);
    const path = `${base.pathname.replace(/\/+$/, '')}/`;
    const signed = aws4.sign(
      {
        host: base.host,
        method: 'POST',
        path,
        service: 'sts',
        region: 'us-east-1',
        body: STS_BODY,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'text/xml' },
      },
      { accessKeyId: keyId, secretAccessKey },
    );
    const res = await env.http.request({ method: 'POST', url: `${base.origin}${path}`, headers: headerRecord(signed.headers), body: STS_BODY });
    return readAnswer(res);
  },
};

function readAnswer(res: LivenessResponse): LivenessVerdict {
  if (isHtml(res)) return unexpectedResponse(res);
  if (res.status === 200 && xmlText(res.text, 'Arn') && xmlText(res.text, 'Account')) {
    return { outcome: 'live', reason: 'AWS STS accepted the key', httpStatus: 200, owner: attributeAwsCallerIdentity(res.text) };
  }
  const code = res.status >= 400 && res.status < 500 ? xmlText(res.text, 'Code') : undefined;
  if (code === 'InvalidClientTokenId') return { outcome: 'revoked', reason: 'AWS STS: InvalidClientTokenId (the key id does not exist or is inactive)', httpStatus: res.status };
  if (code === 'SignatureDoesNotMatch') {
    return { outcome: 'unknown', reason: 'AWS STS: SignatureDoesNotMatch (the secret found beside the key id is not its secret; the key id may still be live)', httpStatus: res.status };
  }
  if (code) return { outcome: 'unknown', reason: `AWS STS: ${code}`, httpStatus: res.status };
  return unexpectedResponse(res);
}

/** Attribution: the account id and the caller's ARN (user or role) from the `GetCallerIdentity` result. */
export function attributeAwsCallerIdentity(xml: string): ProviderOwner {
  return compact({ account: xmlText(xml, 'Account'), user: xmlText(xml, 'Arn') ?? xmlText(xml, 'UserId') });
}

/** Text of the first `<tag>…</tag>` of a small, flat AWS XML answer; undefined when absent or empty. */
function xmlText(xml: string, tag: string): string | undefined {
  const raw = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1]?.trim();
  if (!raw) return undefined;
  return raw.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

/** aws4's signed headers (mixed case, numbers) as the plain lower-case record the HTTP client sends. */
function headerRecord(headers: aws4.Request['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) out[name.toLowerCase()] = String(value);
  return out;
}
