import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { CERT_BAG, PFX_HEADER, jks, jksKey, latin1, p12, pbes2Key, u32 } from '../builders/keystore-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const a = jks(t, [0xfe, 0xed, 0xfe, 0xed], 'release', 1, jksKey(t));
    out.push({ text: a.file, secret: a.key.slice(0, 96) });
    const b = jks(t, [0xce, 0xce, 0xce, 0xce], 'tomcat', 1, pbes2Key(t));
    out.push({ text: b.file, secret: b.key.slice(0, 96) });
    const k = pbes2Key(t);
    out.push({ text: p12(t, k), secret: k.slice(0, 96) });
    // A keystore committed inside another binary (an uncompressed archive member).
    const c = jks(t, [0xfe, 0xed, 0xfe, 0xed], 'androiddebugkey', 1, jksKey(t));
    out.push({ text: latin1('PK\x03\x04', t.bytes(60), 'res/raw/debug.keystore') + c.file, secret: c.key.slice(0, 96) });
    return out;
  },
  negatives: (t) => {
    const truststore = jks(t, [0xfe, 0xed, 0xfe, 0xed], 'ca', 2, latin1([0x00, 0x05], 'X.509', u32(700), t.bytes(700))).file;
    const certOnlyP12 = latin1(PFX_HEADER, t.bytes(200), [0x30, 0x82, 0x03, 0x41], CERT_BAG, [0xa0, 0x82, 0x03, 0x31], t.bytes(800));
    // Private-key tag but no EncryptedPrivateKeyInfo behind it: not a keystore.
    const garbage = jks(t, [0xfe, 0xed, 0xfe, 0xed], 'x', 1, latin1([0x30, 0x82, 0x04, 0x00], t.bytes(400))).file;
    return [
      truststore,
      certOnlyP12,
      garbage,
      latin1(t.bytes(4096)),
      `// OID 1.2.840.113549.1.12.10.1.2 = 2a864886f70d010c0a0102 (pkcs8ShroudedKeyBag)`,
      `static final int JKS_MAGIC = 0xfeedfeed;`,
    ];
  },
};
