import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, randomPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `REACT_APP_AUTH_PASSWORD=${p}\n`, 'whiteduke');
    add((p) => `# REACT_APP_PASS=${p}\n`, 'whiteduke');
    add((p) => `    REACT_APP_AUTH_PASSWORD=${p}    # some comment\n`, randomPassword(t));
    add((p) => `VITE_ADMIN_PASSWORD="${p}"\n`, alnumPassword(t));
    add((p) => `env:\n  NEXT_PUBLIC_DEMO_PASSWORD: '${p}'\n`, randomPassword(t, 12));
    return out;
  },
  negatives: () => [
    `REACT_APP_MAILER_PASSWORD=smtp_password # Enter your SMTP email password`,
    `REACT_APP_FRONTEND_LOGIN_FORGOT_PASSWORD=$REACT_APP_MATRIX_BASE_URL/classroom/#/forgot_password`,
    `  const password = process.env.REACT_APP_FIREBASE_DEV_PASSWORD || "not-set"`,
    `REACT_APP_PASSWORD_MIN_LENGTH=12`,
    `VITE_PASSWORD=\${VITE_PASSWORD}`,
    `REACT_APP_AUTH_USERNAME=bowie`,
    `REACT_APP_PASSWORD=mypass`,
    `NEXT_PUBLIC_PASSWORD_RESET_URL=https://corp.io/reset`,
  ],
};
