import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';
import { detector } from './detector.js';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: readonly number[]): string {
  let acc = 0;
  let bits = 0;
  let out = '';
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(acc >> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32[(acc << (5 - bits)) & 31];
  return out;
}

function nonZeroBytes(t: TokenFactory, n: number): number[] {
  return Array.from({ length: n }, () => 1 + t.int(255));
}

export function makeNugetKey(t: TokenFactory, idTail: number[] = nonZeroBytes(t, 10)): string {
  return base32([0x76, 0x34, ...idTail]) + base32([...t.bytes(16)]);
}

export const examples: DetectorExamples = {
  generate: (t) => makeNugetKey(t),
  // The characters around the random part drawn until the id bytes are non-zero, as NuGet generates them.
  withRandom: (t, random) => {
    if (!fitsRandom(random, BASE32, 40)) return null;
    for (let i = 0; i < 100; i++) {
      const key = `oy2${t.pick([...BASE32.slice(0, 16)])}${random.slice(0, 15)}${t.pick(['a', 'q'])}${random.slice(15)}${t.pick([...'aeimquy4'])}`;
      if (detector.validate?.({ secret: key, groups: {}, matchText: key })) return key;
    }
    return null;
  },
  positives: (t) => {
    const a = makeNugetKey(t);
    const b = makeNugetKey(t);
    const c = makeNugetKey(t);
    return [
      { text: `dotnet nuget push "bin/Release/*.nupkg" --api-key ${a} --source https://api.nuget.org/v3/index.json\n`, secret: a },
      { text: `<configuration>\r\n  <apikeys>\r\n    <add key="https://www.nuget.org/api/v2/package" value="${b}" />\r\n  </apikeys>\r\n</configuration>\r\n`, secret: b },
      { text: `NUGET_API_KEY=${c}\n`, secret: c },
    ];
  },
  negatives: (t) => {
    const good = makeNugetKey(t);
    const withZero = makeNugetKey(t, [...nonZeroBytes(t, 4), 0, ...nonZeroBytes(t, 5)]);
    return [
      // Digits outside the base32 alphabet.
      `nuget push pkg.nupkg ${good.slice(0, 20)}9${good.slice(21)}`,
      // The id part carries a zero byte, which NuGet never generates.
      `NUGET_API_KEY=${withZero}`,
      // Non-zero unused bits at the end of the password part.
      `NUGET_API_KEY=${good.slice(0, -1)}${good.at(-1) === 'b' ? 'c' : 'b'}`,
      `NUGET_API_KEY=oy2${'a'.repeat(43)}`,
      `blob=${t.chars(ALPHA.lowerAlnum, 5)}${good}`,
    ];
  },
};
