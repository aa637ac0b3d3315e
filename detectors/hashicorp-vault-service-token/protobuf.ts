/**
 * Just enough protobuf wire-format reading to check the structure of Vault
 * server-side-consistent tokens (vault/tokens/token.proto):
 *   SignedToken { uint64 token_version = 1; bytes hmac = 2; bytes token = 3; }
 *   Token       { string random = 1; uint64 local_index = 2; uint32 index_epoch = 3; }
 */
export type ProtoValue = { readonly wire: 0; readonly value: bigint } | { readonly wire: 2; readonly bytes: Uint8Array };

/** Fields by number, in order; null on any malformed or unsupported wire type. */
export function readProtoFields(bytes: Uint8Array): Map<number, ProtoValue> | null {
  const fields = new Map<number, ProtoValue>();
  let pos = 0;
  const varint = (): bigint | null => {
    let value = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const b = bytes[pos++];
      if (b === undefined) return null;
      value |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return value;
    }
    return null;
  };
  while (pos < bytes.length) {
    const key = varint();
    if (key === null) return null;
    const number = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (number === 0 || fields.has(number)) return null;
    if (wire === 0) {
      const value = varint();
      if (value === null) return null;
      fields.set(number, { wire: 0, value });
    } else if (wire === 2) {
      const length = varint();
      if (length === null || pos + Number(length) > bytes.length) return null;
      fields.set(number, { wire: 2, bytes: bytes.subarray(pos, pos + Number(length)) });
      pos += Number(length);
    } else {
      return null;
    }
  }
  return fields;
}
