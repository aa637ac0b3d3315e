import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { CERT_BAG, PFX_HEADER, latin1, p12, pbes2Key } from '../builders/keystore-examples.js';

const b64 = (s: string): string => Buffer.from(s, 'latin1').toString('base64');
const wrap = (s: string, width: number, indent: string): string => (s.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(`\n${indent}`);

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const one = b64(p12(t, pbes2Key(t)));
    out.push({ text: `apiVersion: v1\nkind: Secret\ntype: Opaque\ndata:\n  keystore.p12: ${one}\n`, secret: one });
    const two = b64(p12(t, pbes2Key(t)));
    out.push({ text: `"parameters": {\n  "certificateData": { "value": "${two}" },\n  "certificatePassword": { "value": "" }\n}\n`, secret: two });
    // Wrapped at 64 columns inside a YAML block scalar.
    const three = wrap(b64(p12(t, pbes2Key(t))), 64, '    ');
    out.push({ text: `signing:\n  pfx: |\n    ${three}\n  alias: release\n`, secret: three });
    return out;
  },
  negatives: (t) => {
    const certOnly = latin1(PFX_HEADER, t.bytes(200), [0x30, 0x82, 0x03, 0x41], CERT_BAG, [0xa0, 0x82, 0x03, 0x31], t.bytes(800));
    return [
      `truststore.p12: ${b64(certOnly)}`,
      // Right prefix, not a PFX inside.
      `blob: MIIJzwIBAzCC${Buffer.from(t.bytes(600)).toString('base64')}`,
      `// PFX files start with MIIxxxIBAzCC in base64`,
    ];
  },
};
