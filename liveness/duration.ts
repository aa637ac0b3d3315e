/** `250ms`, `30s`, `15m`, `6h`, `2d`, or bare milliseconds, as milliseconds; undefined when malformed. */
const UNITS: Record<string, number> = { '': 1, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number | undefined {
  const m = /^(\d+)\s*(ms|s|m|h|d)?$/i.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]!;
}
