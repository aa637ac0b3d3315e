/**
 * Text that someone else chose (a pusher's commit subject, path, ref or tag
 * name, author name; a scanned file's bytes) made safe to print on a
 * terminal, or inside git's `remote: ` lines.
 *
 * Escaped, each as a visible `\xNN` (below U+0100) or `\uNNNN`:
 * - C0 controls, newlines and tabs included: a raw `\n` or `\r` would start a
 *   line of the attacker's own (a fake `remote:` line) or overwrite ours;
 *   ESC starts every cursor, screen-clearing and window-title sequence;
 * - DEL and the C1 controls U+0080-U+009F (CSI U+009B and OSC U+009D act like
 *   ESC [ and ESC ] on terminals that honour 8-bit controls, NEL breaks lines);
 * - U+2028 and U+2029 (line and paragraph separators), and the bidi controls
 *   (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) that make text
 *   read in another order than it is stored, as in "Trojan Source";
 * - lone surrogates, which no terminal can show and some replace unpredictably.
 *
 * A backslash is left as it is: the point is that nothing can act on the
 * terminal, not that the escaping can be reversed.
 */
const CONTROLS = '\\u0000-\\u001f';
const OTHERS = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

const UNSAFE = new RegExp(`[${CONTROLS}${OTHERS}]|${LONE_SURROGATE}`, 'g');
/** In JSON text C0 controls and lone surrogates are already escaped by JSON.stringify, and newlines are layout. */
const UNSAFE_IN_JSON = new RegExp(`[${OTHERS}]`, 'g');

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** `s` with every character a terminal would act on shown as an escape: the one function for pusher-controlled text. */
export function terminalText(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}

/**
 * Our own multi-line text (help, usage errors) with pusher or user text
 * inside: each line made safe with terminalText, the line breaks kept.
 */
export function terminalLines(s: string): string {
  return s.split('\n').map(terminalText).join('\n');
}

/**
 * JSON (as JSON.stringify writes it) with the characters terminalText escapes
 * written as JSON `\uNNNN` escapes: the same document for any JSON reader,
 * and safe to `cat`. Those characters can only occur inside JSON strings, so
 * replacing them there is exact.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
}
