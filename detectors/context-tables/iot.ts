import { CHARS, run } from '../builders/token-row.js';
import type { ContextTable } from '../builders/context-row.js';

/**
 * IoT platforms and appliances whose device tokens and API keys have no
 * prefix: they are credentials where the platform's API puts them (a
 * ThingsBoard device token in `/api/v1/<token>/telemetry`, a Blynk device
 * token in `?token=`, a Blynk OAuth secret after its `oa2-client-id_`
 * client id, a TrueNAS key passed to `auth.login_with_api_key`).
 */
export const table: ContextTable = {
  name: 'iot',
  rows: [
    {
      id: 'thingsboard-device-access-token',
      provider: 'ThingsBoard',
      title: 'ThingsBoard device access token in a device API URL',
      docs: 'https://thingsboard.io/docs/reference/http-api/',
      revoke: 'Change the device’s access token under Entities > Devices > (device) > Manage credentials in ThingsBoard.',
      keywords: ['thingsboard'],
      value: [run(CHARS.base62, 20)],
      valueName: '20 letters and digits',
      // `thingsboard.cloud/api/v1/<token>/telemetry`, `coap://coap.thingsboard.cloud/api/v1/<token>/...`, self-hosted hosts.
      gap: { pattern: String.raw`[\w.-]*(?::\d{1,5})?/api/v1/`, reach: 80 },
      env: 'THINGSBOARD_ACCESS_TOKEN',
      positives: (_t, v) => {
        const [a, b] = [v(), v()];
        return [
          { text: `curl -v -X POST https://thingsboard.cloud/api/v1/${a}/telemetry --header Content-Type:application/json --data '{"temperature":25}'\n`, secret: a },
          { text: `coap-client -m post coap://coap.thingsboard.cloud/api/v1/${b}/telemetry -t json -e '{"temperature":25}'\n`, secret: b },
        ];
      },
      negatives: () => [`https://thingsboard.cloud/api/v1/$ACCESS_TOKEN/telemetry`, `http://demo.thingsboard.io/api/v1/provision`],
    },
    {
      id: 'blynk-device-auth-token',
      provider: 'Blynk',
      title: 'Blynk device auth token',
      docs: 'https://docs.blynk.io/en/blynk.cloud/device-https-api',
      revoke: 'Generate a new auth token for the device in Blynk.Console (Device > Device info) and reflash it.',
      keywords: ['blynk'],
      value: [run(CHARS.urlSafe, 32)],
      valueName: '32 token characters',
      env: 'BLYNK_AUTH_TOKEN',
      positives: (_t, v) => {
        const a = v();
        return [{ text: `#define BLYNK_TEMPLATE_ID "TMPL4x2y1z"\n#define BLYNK_AUTH_TOKEN "${a}"\n`, secret: a }];
      },
    },
    {
      id: 'blynk-device-auth-token-url',
      family: 'blynk-device-auth-token',
      provider: 'Blynk',
      title: 'Blynk device auth token in an HTTPS API URL',
      docs: 'https://docs.blynk.io/en/blynk.cloud/device-https-api',
      revoke: 'Generate a new auth token for the device in Blynk.Console (Device > Device info) and reflash it.',
      keywords: ['blynk'],
      value: [run(CHARS.urlSafe, 32)],
      valueName: '32 token characters',
      // `https://blynk.cloud/external/api/<method>?token=<token>&...`.
      gap: { pattern: String.raw`[\w.-]*(?::\d{1,5})?/external/api/[\w/]*\?(?:[\w.%=-]*&)*token=`, reach: 160 },
      env: 'BLYNK_TOKEN',
      positives: (_t, v) => {
        const [a, b] = [v(), v()];
        return [
          { text: `curl "https://blynk.cloud/external/api/update?token=${a}&v1=100"\n`, secret: a },
          { text: `GET https://fra1.blynk.cloud/external/api/get?dataStreamId=1&token=${b}\n`, secret: b },
        ];
      },
      negatives: () => [`https://blynk.cloud/external/api/update?token={token}&v1=100`],
    },
    {
      id: 'blynk-oauth-client-secret',
      provider: 'Blynk',
      title: 'Blynk platform API OAuth client secret',
      severity: 'critical',
      docs: 'https://docs.blynk.io/en/blynk.cloud/platform-https-api/authentication',
      revoke: 'Delete the OAuth2 client in Blynk.Console (Developer Zone > OAuth2) and create a new one.',
      keywords: ['oa2-client-id_'],
      value: [run(CHARS.base62, 40)],
      valueName: '40 letters and digits after a Blynk OAuth client id',
      // `oa2-client-id_<32>:<secret>`, as given to `curl -u`.
      gap: { pattern: String.raw`[A-Za-z0-9_-]{32}:`, reach: 33 },
      env: 'oa2-client-id_',
      positives: (t, v) => {
        const [a, b] = [v(), v()];
        return [
          { text: `curl -X POST -u oa2-client-id_${t.chars(CHARS.urlSafe.chars, 32)}:${a} https://fra1.blynk.cloud/oauth2/token?grant_type=client_credentials\n`, secret: a },
          { text: `BLYNK_OAUTH_CLIENT="oa2-client-id_${t.chars(CHARS.urlSafe.chars, 32)}:${b}"\n`, secret: b },
        ];
      },
    },
    {
      id: 'truenas-api-key',
      provider: 'iXsystems',
      title: 'TrueNAS API key',
      severity: 'critical',
      docs: 'https://www.truenas.com/docs/scale/scaletutorials/toptoolbar/managingapikeys/',
      revoke: 'Delete (or reset) the key under My API Keys in the TrueNAS web interface.',
      keywords: ['login_with_api_key'],
      // `<key id>-<64 letters and digits>`.
      value: [run(CHARS.digits, 1, 6), '-', run(CHARS.base62, 64)],
      valueName: 'a TrueNAS key id and 64 letters and digits',
      // `"method": "auth.login_with_api_key", "params": ["<key>"]`, or `c.call("auth.login_with_api_key", "<key>")`.
      gap: { pattern: String.raw`["']?[ \t]*,[ \t\r\n]*(?:["']params["'][ \t]*:[ \t]*\[[ \t\r\n]*)?["']`, reach: 40 },
      env: 'auth.login_with_api_key',
      positives: (_t, v) => {
        const [a, b] = [v(), v()];
        return [
          { text: `{"id": "6841f242", "msg": "method", "method": "auth.login_with_api_key", "params": ["${a}"]}\n`, secret: a },
          { text: `{\n  "msg": "method",\n  "method": "auth.login_with_api_key",\n  "params": [\n    "${b}"\n  ]\n}\n`, secret: b },
        ];
      },
    },
  ],
};
