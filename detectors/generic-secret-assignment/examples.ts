import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { b64 as base64Of, base62, hex, uuid } from '../builders/legacy-examples.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (s: string) => string, s: string): void => {
      out.push({ text: make(s), secret: s });
    };
    const b64 = (n: number): string => t.chars('0123456789', 2) + t.chars(ALPHA.base64, n - 3) + '=';
    add((s) => `    private static String CLIENT_SECRET = "${s}";\n`, hex(t, 40));
    add((s) => `API_KEY = "${s}"\n`, hex(t, 32));
    add((s) => `buildConfigField 'String', 'API_KEY', "${s}"\n`, hex(t, 32));
    add((s) => `jwt:\n  secret: "${s}" # signing key\n  ttl: 640000\n`, base62(t, 32));
    add((s) => `SECRET_KEY = '${s}'\n`, base62(t, 50));
    add((s) => `const stripe = require('payments')({ apiKey: '${s}' });\n`, base62(t, 32));
    add((s) => `  "client_secret": "${s}",\n`, hex(t, 64));
    add((s) => `SLACK_SIGNING_SECRET=${s}\n`, hex(t, 32));
    add((s) => `oauth:\n  refresh_token: ${s}\n`, `1//${base62(t, 60)}`);
    add((s) => `<add key="ApiKey" value="${s}" />\n`, base62(t, 40));
    add((s) => `access_token = "${s}"\n`, b64(44));
    add((s) => `provider "datadog" {\n  api_key = "${s}"\n}\n`, hex(t, 32));
    add((s) => `heroku:\n  api_key: ${s}\n`, uuid(t));
    add((s) => `params = {"x_api_key": "${s}", "page": 2}\n`, base62(t, 36));
    add((s) => `service_account:\n  private_key: "${s}"\n`, b64(64));
    add((s) => `ENCRYPTION_KEY=${s}\n`, b64(44));
    add((s) => `\tAuthToken: "${s}",\n`, hex(t, 32));
    add((s) => `webhook_secret = "${s}"\n`, base62(t, 32));
    return out;
  },
  negatives: (t) => {
    const s = base62(t, 32);
    return [
      // Names, ids, references, URLs
      `LLM_SECRET_NAME = "NEXUS-GPT4-API-KEY"`,
      `  <UserSecretsId>79a3edd0-2092-40a2-a04d-dcb46d5ca9ed</UserSecretsId>`,
      `secret_length = X25519.secret_length`,
      `access_token_url='https://github.com/login/oauth/access_token',`,
      `publicToken = "9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit"`,
      `csrf_token = "${s}"`,
      `secretName: my-tls-secret-2024`,
      `token_type = "Bearer"`,
      `secretKeyRef:\n  name: db-credentials\n  key: password`,
      `notes = "Maven - io.jsonwebtoken:jjwt-jackson-0.11.2"`,
      `tokenizer = "bert-base-uncased"`,
      `API_KEY_HEADER = "X-Api-Key"`,
      `secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf"`,
      // Placeholders and code
      `API_KEY = "your-api-key-here"`,
      `api_key: \${API_KEY}`,
      `secret: "{{ .Values.secret }}"`,
      `SECRET_KEY = os.environ["SECRET_KEY"]`,
      `const token = await getToken();`,
      `token = request.headers.get("Authorization")`,
      `client_secret = "<client-secret>"`,
      `api_key = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"`,
      `secret = "changeme"`,
      `SECRET_KEY = 'django-insecure-change-me'`,
      // Not random enough
      `secret = "open-sesame"`,
      `JWT:\n  secret: "development#product"`,
      `token = "ThisIsMyVerySecureToken"`,
      `api_key = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"`,
      // RFC 6749's example tokens, quoted in many OAuth libraries' docstrings.
      `{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA"}`,
      // Pagination, change and idempotency tokens of SDKs and their examples: handles, not credentials.
      `{\n  "Reservations": [],\n  "NextToken": "${base62(t, 44)}+${base62(t, 8)}=="\n}`,
      `{\n  "ChangeToken": "${uuid(t)}"\n}`,
      `  "IsTruncated": true,\n  "NextContinuationToken": "1${base62(t, 40)}/${base62(t, 12)}=="`,
      `    'ContinuationToken': '${base62(t, 32)}',`,
      `const res = await drive.files.list({ pageSize: 100, pageToken: "${base62(t, 24)}_${base62(t, 12)}" });`,
      `{"nextPageToken": "${base62(t, 40)}", "items": []}`,
      `calendar.events.list(calendarId="primary", syncToken="${base62(t, 20)}")`,
      `"ClientToken": "${uuid(t)}",`,
      `"LifecycleActionToken": "${uuid(t)}",`,
      // A detect-secrets baseline stores SHA-1 hashes of what it found, not the secrets.
      `      {\n        "type": "Secret Keyword",\n        "filename": "app/settings.py",\n        "hashed_secret": "${hex(t, 40)}",\n        "is_verified": false,\n        "line_number": 12\n      }`,
      // Code: calls, properties, types and index expressions assigned to a secret or token.
      `secret = getSecret(name)`,
      `token = this.tokenService.next()`,
      `token = this.tokenService.next(32)`,
      `const secret = Buffer.from(process.env.SECRET_B64, "base64")`,
      `api_key = keys[0x2f]`,
      `  token: String,`,
      `SECRET = os.environ["APP_SECRET_V2"]`,
      // Validation rules.
      `'secret' => 'required|string|min:32',`,
      // Base64 of plain text, and a query string after the key.
      `client_secret = "${base64Of('this is not a real secret')}"`,
      `"secret": "${base64Of('correct horse battery staple')}"`,
      `url = "https://s3.amazonaws.com/b/k?X-Amz-Expires=3600&X-Amz-Security-Token=session&X-Amz-Signature=${hex(t, 64)}"`,
      // RFC 6750's example bearer token.
      `  "token": "mF_9.B5f-4.1JqM",`,
      // Identifiable formats belong to their own detectors.
      `SECRET_KEY=sk_live_${base62(t, 24)}`,
      `token: ghp_${base62(t, 36)}`,
      `private_key = "-----BEGIN RSA PRIVATE KEY-----\\nMIIEow..."`,
    ];
  },
};
