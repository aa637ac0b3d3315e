import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { humanPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `The router has a default access point name 'Blooby'\nThe default Password is '${p}'\n`, 'blooberry');
    add((p) => `so at this point, just fill in your mount point name, ensure the password is "${p}" and press the "On" button!\n`, 'centipede');
    add((p) => `The default password for the user "svc-app" is "${p}".\n`, 'pyne');
    add((p) => `echo "The admin password is '${p}'"\n`, humanPassword(t));
    add((p) => `Log in as root; the password for account 'root' is '${p}'.\n`, humanPassword(t));
    return out;
  },
  negatives: () => [
    `echo "The password is 'Secret123'"`,
    `2. Ensure the password for user 'postgres' is 'admin' or change .env file.`,
    `The password is "required" for every account.`,
    `Your password is 'incorrect', try again.`,
    `print("The password is '%s'" % password)`,
    `The password is "{password}".`,
    `The password is 'your-password-here'`,
    `password = "kel7!dorvim"`,
    `"password": "kel7!dorvim"`,
    `The password is 'mypass123'`,
    `The password is "open" and the door is 'closed'`,
  ],
};
