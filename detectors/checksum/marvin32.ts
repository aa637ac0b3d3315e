/**
 * Marvin32, the seeded 64-bit hash of SymCrypt and of .NET's string hashing,
 * as microsoft/security-utilities (MIT) uses it to checksum identifiable keys.
 *
 * State is two 32-bit words seeded from the 64-bit seed (low word first).
 * Input is consumed as little-endian 32-bit words, each added to the first
 * word and mixed by one block round; the 0..3 trailing bytes are padded with
 * a 0x80 byte into one last word, followed by two block rounds. The hash is
 * (hi << 32) | lo; the 32-bit checksum is lo XOR hi.
 */

function rotl(x: number, n: number): number {
  return ((x << n) | (x >>> (32 - n))) >>> 0;
}

/** Both state words after hashing `data`. */
function marvinState(data: Uint8Array, seed: bigint): [number, number] {
  let p0 = Number(seed & 0xffffffffn);
  let p1 = Number((seed >> 32n) & 0xffffffffn);
  const block = (): void => {
    p1 = (p1 ^ p0) >>> 0;
    p0 = rotl(p0, 20);
    p0 = (p0 + p1) >>> 0;
    p1 = rotl(p1, 9);
    p1 = (p1 ^ p0) >>> 0;
    p0 = rotl(p0, 27);
    p0 = (p0 + p1) >>> 0;
    p1 = rotl(p1, 19);
  };
  const n = data.length;
  let i = 0;
  for (; n - i >= 4; i += 4) {
    const word = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) >>> 0;
    p0 = (p0 + word) >>> 0;
    block();
  }
  // Remaining 0..3 bytes, little-endian, then the 0x80 end marker above them.
  let tail = 0;
  const rest = n - i;
  for (let k = rest - 1; k >= 0; k--) tail = tail * 256 + data[i + k]!;
  tail = (tail + 0x80 * 2 ** (8 * rest)) >>> 0;
  p0 = (p0 + tail) >>> 0;
  block();
  block();
  return [p0, p1];
}

/** The 64-bit Marvin hash, as an unsigned bigint. */
export function marvin64(data: Uint8Array, seed: bigint): bigint {
  const [lo, hi] = marvinState(data, seed);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** The 32-bit checksum (low word XOR high word), unsigned. */
export function marvin32(data: Uint8Array, seed: bigint): number {
  const [lo, hi] = marvinState(data, seed);
  return (lo ^ hi) >>> 0;
}

export class MarvinSeedError extends Error {
  readonly code = 'MARVIN_SEED_INVALID';
  constructor(readonly seedName: string) {
    super(`a Marvin seed name is 8 printable ASCII characters, got ${JSON.stringify(seedName)}`);
  }
}

/**
 * The seed of a key kind, from its 8-character name such as "Default0": the
 * ASCII bytes read as a big-endian 64-bit integer (what security-utilities'
 * `ComputeHisV1ChecksumSeed` computes by reversing the bytes and reading them
 * little-endian). Its seed constants are all such names, e.g. 0x44656661756c7430
 * is "Default0"; one ("SendRecv", Event Grid) has no trailing digit.
 */
export function asciiSeed(name: string): bigint {
  if (!/^[\x20-\x7e]{8}$/.test(name)) throw new MarvinSeedError(name);
  let seed = 0n;
  for (let i = 0; i < 8; i++) seed = (seed << 8n) | BigInt(name.charCodeAt(i));
  return seed;
}

/** `value` as 4 little-endian bytes (how keys store a Marvin32 checksum). */
export function uint32LE(value: number): Uint8Array {
  return Uint8Array.of(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff);
}
