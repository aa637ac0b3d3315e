import { decodeBase64 } from './base64.js';

/** Decodes standard base64 of a UTF-8 JSON object; null unless it parses to a plain object. */
export function decodeBase64JsonObject(text: string): Record<string, unknown> | null {
  const bytes = decodeBase64(text);
  if (!bytes) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
