import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Databricks workspace REST API stand-in. The Me body follows the example of
 * https://docs.databricks.com/api/workspace/currentuser/me; the error bodies
 * are Databricks' (`error_code`, `message`, with the message repeated in
 * `X-Databricks-Reason-Phrase`): "Invalid access token." for an unknown or
 * revoked PAT, and the IP access list refusal described in
 * https://docs.databricks.com/en/security/network/front-end/ip-access-list.html.
 *
 * The path may start with the workspace host (`/<host>/api/...`), for tests
 * that configure a base URL with `{workspace}` in its path.
 */
export const DATABRICKS_INVALID_TOKEN: StandInReply = {
  status: 403,
  headers: { 'x-databricks-reason-phrase': 'Invalid access token.' },
  body: { error_code: 403, message: 'Invalid access token.' },
};
export const DATABRICKS_IP_BLOCKED: StandInReply = {
  status: 403,
  headers: { 'x-databricks-reason-phrase': 'Source IP address: 203.0.113.7 is blocked by Databricks IP ACL for workspace: 1234567890123456' },
  body: { error_code: '403', message: 'Source IP address: 203.0.113.7 is blocked by Databricks IP ACL for workspace: 1234567890123456' },
};

export const DATABRICKS_ME_PATH = /^(?:\/[a-z0-9.-]+)?\/api\/2\.0\/preview\/scim\/v2\/Me$/;

export const databricksRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: DATABRICKS_ME_PATH,
    credential: bearerCredential,
    live: () => ({
      status: 200,
      body: {
        emails: [{ type: 'work', value: 'jane.doe@example.com', primary: true }],
        displayName: 'Jane Doe',
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:workspace:2.0:User'],
        name: { familyName: 'Doe', givenName: 'Jane' },
        active: true,
        groups: [{ display: 'users', type: 'direct', value: '581793648129', $ref: 'Groups/581793648129' }],
        id: '4172953718219630',
        userName: 'jane.doe@example.com',
      },
    }),
    revoked: () => DATABRICKS_INVALID_TOKEN,
  },
];
