/**
 * Slack's rotating tokens (`xoxe.xoxp-1-…`, `xoxe.xoxb-1-…` access tokens and
 * `xoxe-1-…` refresh tokens) carry, after the version digit, the unpadded
 * base64 of a text such as `2-2-<id>-<id>-<id>-<id>-<64 hex>` or
 * `3-1-<id>-<id>-<id>-<64 hex>` (decoded from tokens published in public
 * repositories): numeric ids, then 32 random bytes in hex. Only the hex is
 * random; the base64 of the ids is anything but uniform, so the placeholder
 * judgment looks at the hex.
 */
const RANDOM_HEX = /-([0-9a-f]{64})$/;

/** The 64 random hex characters inside a rotating token's body, or null when the body does not hold them. */
export function slackRotationRandom(body: string): string | null {
  return RANDOM_HEX.exec(Buffer.from(body, 'base64').toString('latin1'))?.[1] ?? null;
}

/** The body of a rotating token: the unpadded base64 of `head` (e.g. `2-2`), the ids and the hex. */
export function slackRotationBody(head: string, ids: readonly string[], hex: string): string {
  return Buffer.from([head, ...ids, hex].join('-'), 'latin1').toString('base64').replace(/=+$/, '');
}
