import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, base62, hex } from '../builders/legacy-examples.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `curl https://api.particle.io/v1/devices -H "Authorization: Bearer ${p}"\n`, hex(t, 40));
    add((p) => `curl -H "Authorization: Bearer ${p}" \\\nhttps://fra1.blynk.cloud/api/organization/profile\n`, `${base62(t, 18)}-${base62(t, 21)}`);
    add((p) => `GET /api/v2.0/device/get_info HTTP/1.1\r\nHost: nas.corp.io\r\nAuthorization: Bearer ${p}\r\n\r\n`, `8-${base62(t, 64)}`);
    add((p) => `headers = {"Authorization": "Bearer ${p}", "Accept": "application/json"}\n`, t.chars(ALPHA.base64url, 48));
    add((p) => `proxy_set_header Authorization "Bearer ${p}";\n`, alnumPassword(t, 32));
    return out;
  },
  negatives: (t) => [
    // RFC 6750's example token, templates and placeholders
    `Authorization: Bearer mF_9.B5f-4.1JqM`,
    `curl -H "Authorization: Bearer $TOKEN" https://api.corp.io/v1/me`,
    `curl -H "Authorization: Bearer \${ACCESS_TOKEN}" https://api.corp.io/v1/me`,
    `-H 'Authorization: Bearer <your-access-token>'`,
    `Authorization: Bearer YOUR_ACCESS_TOKEN_GOES_HERE`,
    `headers["Authorization"] = "Bearer " + token`,
    `Authorization: Bearer xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
    // Prose and code about bearer tokens
    `The API expects a Bearer token in the Authorization header for every request.`,
    `const scheme = isBearer ? 'Bearer' : 'Basic';`,
    `Authorization: Bearer abcdefghijklmnopqrstuvwxyz`,
    // Base64 of a sentence: a test's stand-in, not an issued token.
    `    "Authorization": "Bearer ${Buffer.from("you're not supposed to decode this!").toString('base64')}",`,
    // A JWT is json-web-token's; an identifiable token is its own detector's
    `Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.${t.chars(ALPHA.base64url, 43)}`,
    `Authorization: Bearer ghp_${t.chars(ALPHA.base62, 36)}x`,
  ],
};
