import { crc32 } from '../checksum/crc32.js';

/**
 * Grafana service account tokens are `glsa_` + 32 alphanumerics + `_` + 8 hex:
 * the hex is CRC-32 (IEEE) of everything before the last `_`, its four bytes
 * written little-endian (grafana/grafana pkg/components/satokengen).
 */
export function glsaChecksum(keyWithoutChecksum: string): string {
  const c = crc32(keyWithoutChecksum);
  const le = [c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff];
  return le.map((b) => b.toString(16).padStart(2, '0')).join('');
}
