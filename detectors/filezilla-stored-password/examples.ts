import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, humanPassword, randomPassword } from '../builders/legacy-examples.js';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const p1 = b64(randomPassword(t));
    out.push({
      text: `<?xml version="1.0" encoding="UTF-8"?>\n<FileZilla3 version="3.66.4" platform="windows">\n\t<RecentServers>\n\t\t<Server>\n\t\t\t<Host>ftp.corp.io</Host>\n\t\t\t<Port>21</Port>\n\t\t\t<User>deploy</User>\n\t\t\t<Pass encoding="base64">${p1}</Pass>\n\t\t</Server>\n\t</RecentServers>\n</FileZilla3>\n`,
      secret: p1,
    });
    const p2 = humanPassword(t);
    out.push({ text: `        <Server>\n            <Host>10.0.0.7</Host>\n            <User>backup</User>\n            <Pass>${p2}</Pass>\n        </Server>\n`, secret: p2 });
    // A trailing line break inside the encoded value.
    const p3 = b64(`${alnumPassword(t)}\n`);
    out.push({ text: `\t\t\t<Pass encoding="base64">${p3}</Pass>\n`, secret: p3 });
    // A weak password is still the site's password (low confidence).
    const p4 = b64('swordfish');
    out.push({ text: `<User>root</User>\n<Pass encoding="base64">${p4}</Pass>\n`, secret: p4 });
    return out;
  },
  negatives: (t) => [
    `<Pass encoding="base64">${b64('password')}</Pass>`,
    `<Pass>Example123</Pass>`,
    `<Pass encoding="base64"></Pass>`,
    `<Pass encoding="crypt" pubkey="${alnumPassword(t, 40)}">${alnumPassword(t, 40)}</Pass>`,
    `<Pass encoding="base64">not base64!</Pass>`,
    `<PassMode>MODE_DEFAULT</PassMode>`,
  ],
};
