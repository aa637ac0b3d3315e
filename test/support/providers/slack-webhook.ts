import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Slack incoming webhook stand-in. Slack answers webhooks in plain text,
 * as listed under "Handling errors" in
 * https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks
 * and https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks:
 * a live webhook posts a message with text and answers 200 `ok`, refuses
 * one without text with 400 `no_text` and unparseable JSON with 400
 * `invalid_payload`; a removed one answers 404 `no_service`. The credential
 * is the URL path (`/services/T…/B…/…`).
 */
function text(status: number, body: string): StandInReply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

/** What a live webhook does with the request: post (200 ok) only when the payload has text. */
function liveAnswer(request: RecordedRequest): StandInReply {
  let payload: unknown;
  try {
    payload = JSON.parse(request.body);
  } catch {
    return text(400, 'invalid_payload');
  }
  const message = (payload as { text?: unknown } | null)?.text;
  return typeof message === 'string' && message.trim().length > 0 ? text(200, 'ok') : text(400, 'no_text');
}

export const slackWebhookRoutes: StandInRoute[] = [
  {
    method: 'POST',
    path: /^\/services\//,
    credential: (request) => request.path,
    live: (request) => liveAnswer(request),
    revoked: () => text(404, 'no_service'),
  },
];
