import type { DetectorExamples, PositiveExample } from '../examples-types.js';

export const examples: DetectorExamples = {
  positives: () => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `user = 'abuser'  # some comment\npassword = '${p}'  # some other comment\n`, 'abuser1984');
    add((p) => `//Database Info\\r\\n\\t$host = \\"localhost\\";\\r\\n\\t$user = \\"mg1021\\";              $password = \\"${p}\\";\n`, 'goodspec');
    add((p) => `db:\n  username: "orders"\n  password: "${p}"\n`, 'bluegrotto');
    add((p) => `$cfg['Servers'][$i]['user'] = 'pma';\n$cfg['Servers'][$i]['password'] = '${p}';\n`, 'wintermoth');
    // Letters only but not weak: password-assignment needs a digit or symbol, so the pair reports it.
    add((p) => `      "sshUserName" : "deploy",\n      "sshUserPassword" : "${p}",\n`, 'graniteHarborQuill');
    return out;
  },
  negatives: () => [
    `user = 'Aladdin'\npassword = 'open_sesame'`,
    `server->user = "anonymous";\nserver->password = "busybox@";`,
    `String userid = "userid";\nString password = "password";`,
    `AUTO_SESSION_USERNAME="myusername"\nAUTO_SESSION_PASSWORD="mypassword"`,
    `username = env.PERKEEP_TEST_USERNAME\npassword = env.PERKEEP_TEST_PASSWORD`,
    `string backend_user = "root";\nstring backend_pass = "XXXXXXXXXXXXX";`,
    `user = "alice"\n\n\npassword = "wintermoth"`,
    `user = "alice"\npassword_hash = "wintermoth"`,
    `user = "admin"\npassword = "admin123"`,
    `user: "deploy"\npassword: "Kel7!dorVim42"`,
    // Test values that say they are wrong.
    `            'username' => 'root',\n            'password' => 'invalid-credentials',`,
    `user = "alice"\npassword = "wrong-password"`,
  ],
};
