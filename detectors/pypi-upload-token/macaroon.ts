/**
 * Parser for the binary macaroon v2 format (libmacaroons): version byte 2;
 * fields are a varint type, a varint length and data; sections end with an
 * EOS (0) byte. Layout: [location] identifier EOS, then caveats
 * ([location] identifier [vid] EOS)*, then EOS, then a 32-byte signature.
 */
export interface Macaroon {
  readonly location: string | undefined;
  readonly identifier: Uint8Array;
  readonly caveats: number;
}

const EOS = 0;
const LOCATION = 1;
const IDENTIFIER = 2;
const VID = 4;
const SIGNATURE = 6;

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.bytes.length;
  }
  peek(): number | undefined {
    return this.bytes[this.pos];
  }
  varint(): number | null {
    let value = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const b = this.bytes[this.pos++];
      if (b === undefined) return null;
      value |= (b & 0x7f) << shift;
      if (b < 0x80) return value;
    }
    return null;
  }
  data(length: number): Uint8Array | null {
    if (this.pos + length > this.bytes.length) return null;
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
}

interface Section {
  readonly fields: Map<number, Uint8Array>;
}

/** Reads fields up to and including EOS; null on unknown, repeated or out-of-order fields. */
function readSection(r: Reader, allowed: readonly number[]): Section | null {
  const fields = new Map<number, Uint8Array>();
  let last = 0;
  for (;;) {
    const type = r.varint();
    if (type === null) return null;
    if (type === EOS) return { fields };
    if (!allowed.includes(type) || type <= last) return null;
    last = type;
    const length = r.varint();
    if (length === null) return null;
    const data = r.data(length);
    if (data === null) return null;
    fields.set(type, data);
  }
}

export function parseMacaroonV2(bytes: Uint8Array): Macaroon | null {
  if (bytes[0] !== 2) return null;
  const r = new Reader(bytes);
  r.pos = 1;
  const header = readSection(r, [LOCATION, IDENTIFIER]);
  const identifier = header?.fields.get(IDENTIFIER);
  if (!header || !identifier) return null;
  let caveats = 0;
  while (r.peek() !== EOS) {
    if (r.done) return null;
    const caveat = readSection(r, [LOCATION, IDENTIFIER, VID]);
    if (!caveat || !caveat.fields.has(IDENTIFIER)) return null;
    caveats++;
  }
  r.pos++; // end of caveats
  if (r.varint() !== SIGNATURE || r.varint() !== 32) return null;
  if (r.data(32) === null || !r.done) return null;
  const location = header.fields.get(LOCATION);
  return { location: location ? Buffer.from(location).toString('latin1') : undefined, identifier, caveats };
}
