import { decodeBase64 } from '../decode/base64.js';
import { derKeyStructure, opensshKeyStructure, type KeyStructure } from './key-structure.js';

/**
 * The RE2 pattern shared by the PEM detectors. The body may not contain five
 * dashes in a row, so a placeholder block followed by a real one yields two
 * separate matches. Both labels are captured; the body may be wrapped in any
 * of the ways `pemBodyLines` undoes.
 */
const LABEL = '(?:RSA |EC |DSA |OPENSSH |ENCRYPTED |ANY )?PRIVATE KEY';
export const PEM_BLOCK_PATTERN = `(?P<secret>-----BEGIN (?P<label>${LABEL})-----(?P<body>(?:[^-]|-{1,4}[^-])*?)-----END ${LABEL}-----)`;

/**
 * Keyword: the tail of the BEGIN line, which certificates and public keys do
 * not share. The window reaches back over `-----BEGIN ENCRYPTED ` (21 bytes).
 */
export const PEM_KEYWORD = 'PRIVATE KEY-----';
export const PEM_WINDOW_BEFORE = 32;
/**
 * A 4096-bit RSA key is about 3.2 KB as plain PEM; escaped `\r\n` pairs, YAML
 * indentation or one quoted string per line bring it to about 4 KB. 8 KiB
 * covers that with room to spare, and an 8192-bit key in plain PEM (6.3 KB).
 */
export const PEM_WINDOW_AFTER = 8192;

const JUNK_ONLY = /^[\s"'`+,;]*$/;
const COMMENT_LEAD = /^(?:#|\/\/|;|\*|>|<!--)\s+/;
const QUOTED = /^\+?\s*(["'`])(.*)$/;
const HEADER = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/;
const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The meaningful lines of a PEM body as it appears in files: raw, indented
 * (YAML `|` blocks), JSON or C strings with `\n` escapes, one quoted string
 * per line joined with `+`, or behind line comments.
 */
export function pemBodyLines(body: string): string[] | null {
  const unescaped = body.replace(/\\r\\n|\\n|\\r/g, '\n');
  const out: string[] = [];
  for (const raw of unescaped.split(/\r\n|\r|\n/)) {
    let line = raw.trim();
    const quoted = QUOTED.exec(line);
    if (quoted) {
      const close = quoted[2]!.indexOf(quoted[1]!);
      line = (close === -1 ? quoted[2]! : quoted[2]!.slice(0, close)).trim();
    }
    line = line.replace(COMMENT_LEAD, '');
    if (JUNK_ONLY.test(line)) continue;
    out.push(line);
  }
  return out;
}

/** Parses a PEM private key body; null unless it holds well-formed key material. */
export function pemKeyStructure(body: string): KeyStructure | null {
  const lines = pemBodyLines(body);
  if (!lines || lines.length === 0) return null;
  const headers = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const h = HEADER.exec(lines[i]!);
    if (!h) break;
    headers.set(h[1]!.toLowerCase(), h[2]!);
  }
  const data = lines.slice(i);
  if (data.length === 0 || !data.every((l) => BASE64_LINE.test(l))) return null;
  const bytes = decodeBase64(data.join(''));
  if (!bytes) return null;
  // RFC 1421 legacy encryption (OpenSSL `-aes256` etc.): the body is ciphertext.
  if (/ENCRYPTED/i.test(headers.get('proc-type') ?? '')) {
    const dek = headers.get('dek-info') ?? '';
    if (!/^[A-Z0-9-]+,[0-9A-Fa-f]{16,32}$/.test(dek) || bytes.length < 64 || bytes.length % 8 !== 0) return null;
    return { kind: 'legacy-encrypted', encrypted: true };
  }
  if (headers.size > 0) return null;
  if (bytes.length < 40) return null;
  return opensshKeyStructure(bytes) ?? derKeyStructure(bytes);
}
