/** Compiles an RE2-style class body such as `A-Za-z0-9_+/` into a 256-entry byte table. */
export function byteClass(body: string): Uint8Array {
  const table = new Uint8Array(256);
  for (let i = 0; i < body.length; i++) {
    const lo = body.charCodeAt(i);
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const hi = body.charCodeAt(i + 2);
      for (let c = lo; c <= hi; c++) table[c] = 1;
      i += 2;
    } else {
      table[lo] = 1;
    }
  }
  return table;
}
