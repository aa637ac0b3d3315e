import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, base62, hex, randomPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `machine api.github.com login ziggy^stardust password ${p}\n`, hex(t, 40));
    add((p) => `machine api.heroku.com\n  login deploy@acme.io\n  password ${p}\nmachine git.heroku.com\n  login deploy@acme.io\n  password ${p}\n`, `${hex(t, 8)}-${hex(t, 4)}-4${hex(t, 3)}-a${hex(t, 3)}-${hex(t, 12)}`);
    add((p) => `"""\nmachine api.wandb.ai\n  login user\n  password ${p}\n"""\n`, hex(t, 40));
    add((p) => `machine ftp.partner.co.uk login upload password ${p} port 21\n`, randomPassword(t));
    add((p) => `RUN echo "machine nexus.corp.io login ci password ${p}" > ~/.netrc\n`, alnumPassword(t));
    add((p) => `netrc = "machine artifactory.corp.io\\n login builder\\n password ${p}\\n"\n`, base62(t, 64));
    add((p) => `machine 10.0.4.17\n\tlogin backup\n\taccount nightly\n\tpassword ${p}\n`, randomPassword(t));
    add((p) => `machine urs.earthdata.nasa.gov login jdoe password ${p}\n`, alnumPassword(t, 12));
    return out;
  },
  negatives: () => [
    `machine raw.github.com\n  login visionmedia\n  password pass123\n`,
    `machine github.com login \${GITHUB_USER} password \${GITHUB_TOKEN}`,
    `machine api.example.com login user password secret`,
    `echo "machine github.com login $USER password $TOKEN" >> ~/.netrc`,
    `machine <host> login <user> password <password>`,
    `Log into the machine with password credentials from the vault.`,
    `Every machine password rotation runs nightly.`,
    `machine localhost login admin password admin`,
    `machine gitlab.corp.io login ci password %CI_JOB_TOKEN%`,
  ],
};
