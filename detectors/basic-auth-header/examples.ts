import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, b64, base62, hex, randomPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (a: string) => string, userPass: string): void => {
      const a = b64(userPass);
      out.push({ text: make(a), secret: a });
    };
    add((a) => `GET /api/v2/status HTTP/1.1\r\nHost: api.corp.io\r\nAuthorization: Basic ${a}\r\n\r\n`, `svc-monitor:${randomPassword(t)}`);
    add((a) => `curl -X POST https://api.corp.io/token -H "Authorization: Basic ${a}" -d grant_type=client_credentials\n`, `${hex(t, 32)}:${base62(t, 40)}`);
    add((a) => `headers = {"Authorization": "Basic ${a}", "Accept": "application/json"}\n`, `reports:${alnumPassword(t)}`);
    add((a) => `conn.setRequestProperty("Authorization", "Basic ${a}");\n`, `jenkins:${hex(t, 34)}`);
    add((a) => `git -c http.extraheader="AUTHORIZATION: basic ${a}" clone https://dev.azure.com/acme/_git/app\n`, `:${base62(t, 52)}`);
    // An API key sent as the password of a fixed user (`api:<key>`); Mailgun's `key-` keys are mailgun-api-key's.
    add((a) => `  -H 'Authorization: Basic ${a}' \\\n  -F from='Excited User <mailer@acme.io>'\n`, `api:${hex(t, 40)}`);
    add((a) => `proxy_set_header Proxy-Authorization "Basic ${a}";\n`, `proxy:${randomPassword(t, 14)}`);
    add((a) => `{"request":{"headers":{"authorization":"Basic ${a}"}}}`, `ops@acme.io:${alnumPassword(t, 20)}`);
    return out;
  },
  negatives: (t) => [
    // RFC 7617's example (Aladdin:open sesame) and other documentation pairs.
    `Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==`,
    `Authorization: Basic ${b64('user:password')}`,
    `Authorization: Basic ${b64('admin:admin')}`,
    `Authorization: Basic ${b64('username:your_password')}`,
    `headers['Authorization'] = 'Basic ' + btoa(user + ':' + pass);`,
    "Authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`",
    `Authorization: Basic <base64 of user:password>`,
    `Authorization: Basic \${BASIC_AUTH}`,
    `Authorization: Bearer ${base62(t, 40)}`,
    `Authorization: Basic ${b64('nocolon')}`,
    `Authorization: Basic ${b64(`api:${'x'.repeat(24)}`)}`,
  ],
};
