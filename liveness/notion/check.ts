import { compact, jsonObject, objectField, stringField, unexpectedResponse } from '../http/responses.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck, ProviderOwner } from '../types.js';

/**
 * Notion integration tokens. `GET /v1/users/me` ("Retrieve your token's bot
 * user") returns the integration's bot user and who owns it; it needs no
 * capability and reads no page. 200 with a bot user: live. 401 with Notion's
 * error object (`"code":"unauthorized"`, "API token is invalid."): revoked.
 * 403 `restricted_resource` and everything else (429, 5xx, HTML) is unknown.
 */
export const NOTION_VERSION = '2022-06-28';

export const notionCheck: ProviderCheck = {
  id: 'notion',
  provider: 'Notion',
  detectors: ['notion-integration-token'],
  apiReference: 'https://developers.notion.com/reference/get-self',
  defaultBaseUrl: 'https://api.notion.com',
  // Notion allows an average of three requests a second per integration.
  rateLimit: { max: 1, durationMs: 1000 },
  async check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
    const res = await env.http.request({
      method: 'GET',
      url: `${env.baseUrl}/v1/users/me`,
      headers: { authorization: `Bearer ${input.secret.reveal()}`, 'notion-version': NOTION_VERSION },
    });
    return readSelf(res);
  },
};

function readSelf(res: LivenessResponse): LivenessVerdict {
  const body = jsonObject(res);
  if (res.status === 200 && body && stringField(body, 'object') === 'user' && stringField(body, 'id')) {
    const owner = attributeBot(body);
    return compact({ outcome: 'live', reason: 'Notion accepted the token', httpStatus: 200, owner: Object.keys(owner).length > 0 ? owner : undefined });
  }
  if (res.status === 401 && stringField(body, 'code') === 'unauthorized') {
    return { outcome: 'revoked', reason: `Notion: ${stringField(body, 'message') ?? 'unauthorized'}`, httpStatus: 401 };
  }
  return unexpectedResponse(res);
}

/**
 * Attribution of the bot user: the integration's name is the token name,
 * `bot.workspace_name` the workspace; a public integration authorised by a
 * person names that person (`bot.owner.user`).
 */
export function attributeBot(body: Record<string, unknown>): ProviderOwner {
  const bot = objectField(body, 'bot');
  const ownerUser = objectField(objectField(bot, 'owner'), 'user');
  return compact({
    tokenName: stringField(body, 'name'),
    account: stringField(bot, 'workspace_name'),
    user: stringField(ownerUser, 'name'),
    email: stringField(objectField(ownerUser, 'person'), 'email'),
  });
}
