import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { humanPassword, randomPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `if username == "jojoba" and password == "${p}":\n    return redirect(url_for('profile'))\n`, 'team10');
    add((p) => `if username == 'ops@corp.io' and password =='${p}':\n    return jsonify({'success': True}), 200\n`, 'logmein');
    add((p) => `if (req.body.user === "admin" && req.body.password === "${p}") {\n  res.cookie("session", sign(user));\n}\n`, humanPassword(t));
    add((p) => `  if params[:login] == 'ops' and params[:pass] == '${p}'\n`, randomPassword(t));
    return out;
  },
  negatives: () => [
    `if password == "team10":`,
    `if username == "admin" and password == "password":`,
    `if username == "test" and password == "test1234":`,
    `if user == $USER and password == "$PASSWORD":`,
    `if username == "jojoba" and password == hashed:`,
    `assert user.password == "changeme"`,
    `if username == "bob" and password == "mypass":`,
  ],
};
