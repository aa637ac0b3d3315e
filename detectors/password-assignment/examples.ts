import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, b64, fairPassword, humanPassword, randomPassword, shortStrongPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    // Python
    add((p) => `DATABASES = {\n    'default': {\n        'USER': 'orders',\n        'PASSWORD': '${p}',\n    }\n}\n`, randomPassword(t));
    add((p) => `client = Client(host="10.1.4.20", username="deploy", password="${p}")\n`, humanPassword(t));
    add((p) => `credential = UsernamePasswordCredential(\n    client_id=CLIENT_ID,\n    username='svc-reports',\n    password='${p}',\n)\n`, randomPassword(t, 12));
    // JavaScript / TypeScript
    add((p) => `const pool = new Pool({ user: 'api', password: '${p}', host: 'pg-1' });\n`, alnumPassword(t, 16));
    add((p) => `  smtp: {\n    user: "alerts@corp.io",\n    pass: "x",\n    smtpPassword: "${p}",\n  },\n`, humanPassword(t));
    add((p) => `export const ADMIN_PASSWORD = '${p}';\n`, randomPassword(t));
    // Java / Kotlin / C# / Go / PHP / Ruby / Perl
    add((p) => `    private static final String DB_PASSWORD = "${p}";\n`, randomPassword(t, 20));
    add((p) => `val keystorePassword = "${p}"\n`, humanPassword(t));
    add((p) => `        private const string SmtpPassword = @"${p}";\n`, randomPassword(t));
    add((p) => `\tcfg := Config{User: "svc", Password: "${p}"}\n`, alnumPassword(t));
    add((p) => `$mail->Password   = '${p}';                           // SMTP password\n`, humanPassword(t));
    add((p) => `define('DB_PASSWORD', '${p}');\n`, randomPassword(t));
    add((p) => `  config.password = '${p}'\n`, randomPassword(t));
    add((p) => `    :password       => '${p}',\n`, alnumPassword(t, 12));
    add((p) => `beta => {\n  host     => 'db.corp.io',\n  password => '${p}',\n}\n`, humanPassword(t));
    // Config formats
    add((p) => `spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.password=${p}\n`, randomPassword(t));
    add((p) => `database:\n  host: db.internal\n  password: ${p}\n  pool: 5\n`, alnumPassword(t));
    add((p) => `redis:\n  password: "${p}"\n`, randomPassword(t));
    add((p) => `{\n  "ConnectionStrings": {},\n  "SmtpSettings": { "Password": "${p}" }\n}\n`, humanPassword(t));
    add((p) => `<appSettings>\n  <add key="FromEmailPassword" value="${p}"/>\n</appSettings>\n`, randomPassword(t));
    add((p) => `<datasource>\n  <user-name>app</user-name>\n  <password>${p}</password>\n</datasource>\n`, alnumPassword(t));
    add((p) => `<property name="hibernate.connection.password" value="${p}"/>\n`, randomPassword(t));
    add((p) => `[mysql]\nuser = backup\npasswd = ${p}\n`, alnumPassword(t));
    add((p) => `# .env\nDB_HOST=db\nDB_PASS=${p}\n`, randomPassword(t));
    add((p) => `hostname = '10.11.12.13'\nUSERNAME = 'svc@corp.io'\n# some comment\nPASS = '${p}'\n`, randomPassword(t));
    add((p) => `smtp:\n  user: alerts\n  pass: ${p}\n`, alnumPassword(t));
    add((p) => `env:\n  - name: DB_PASSWORD\n    value: "${p}"\n`, randomPassword(t));
    add((p) => `REACT_APP_AUTH_PASSWORD=${p}    # staging login\n`, humanPassword(t));
    // Infrastructure
    add((p) => `resource "azurerm_linux_virtual_machine" "vm" {\n  admin_username = "azureuser"\n  admin_password = "${p}"\n}\n`, randomPassword(t));
    add((p) => `FROM postgres:15\nENV POSTGRES_PASSWORD=${p}\n`, alnumPassword(t));
    add((p) => `FROM mysql:8\nENV MYSQL_ROOT_PASSWORD ${p}\n`, randomPassword(t));
    add((p) => `export PGPASSWORD="${p}"\npsql -h db -U app\n`, randomPassword(t));
    add((p) => `mysqldump -u root --password=${p} shop > shop.sql\n`, alnumPassword(t));
    add((p) => `Connect-VIServer -Server vc01 -User administrator@vsphere.local -Password ${p}\n`, humanPassword(t));
    add((p) => `signingConfigs {\n    release {\n        storePassword "${p}"\n    }\n}\n`, randomPassword(t));
    add((p) => `- name: create user\n  mysql_user:\n    name: app\n    password: '${p}'\n`, alnumPassword(t));
    // Human-chosen passwords: a short mixed one (medium confidence) and a passphrase with a symbol (low).
    add((p) => `$mail->Password   = '${p}';                           // SMTP password\n`, shortStrongPassword(t));
    add((p) => `<add key="FromEmailPassword" value="${p}"/>\n`, fairPassword(t));
    // Escaped JSON inside a string, and a hard-coded comparison
    add((p) => `"env": "{\\"db_password\\": \\"${p}\\"}"\n`, alnumPassword(t));
    add((p) => `if username == "admin" and password == "${p}":\n    login_user(user)\n`, randomPassword(t, 20));
    return out;
  },
  negatives: (t) => {
    const p = randomPassword(t);
    return [
      // Placeholders, templates and references
      `password = "changeme"`,
      `password: "password"`,
      `DB_PASSWORD=\${DB_PASSWORD}`,
      `PASSWORD=$DB_PASS`,
      `set PASSWORD=%DB_PASSWORD%`,
      `password: "{{ .Values.db.password }}"`,
      `password: <password>`,
      `"password": "&lt;YOURPASSWORD&gt;"`,
      `password = "xxxxxxxx"`,
      `password: "********"`,
      `password = "your_password_here"`,
      `password = "REDACTED"`,
      `admin_password = "dummy"`,
      `password: example123`,
      `password = ''`,
      `PASSWORD=`,
      `password: ENC(AbCdEf0123456789==)`,
      // Code, not a literal
      `password = os.environ["DB_PASSWORD"]`,
      `password = os.getenv("DB_PASSWORD")`,
      `const password = process.env.DB_PASSWORD;`,
      `String password = getPassword();`,
      `password = config.password`,
      `$password = $_POST['password'];`,
      `this.password = password;`,
      `password = request.form["password"]`,
      `PASSWORD=$(cat /run/secrets/db_password)`,
      `def login(self, user, password=None):`,
      `function connect(host: string, password: string): Client {`,
      `password: str = Field(..., min_length=8)`,
      `private String password;`,
      // Not a password at all
      `PASSWORD_MIN_LENGTH = 12`,
      `password_hash = "$2b$12$KIXQJf3r9bm1sGq5Yq6P3eDkq8pXyZ1vN2wE4rT6uI8oA0sD2fG4h"`,
      `<input type="password" name="password" placeholder="Password">`,
      `"password_too_short": "Password must be at least 8 characters",`,
      `password.reset.subject=Reset your password`,
      `passwordLabel: "Password:", rememberMeLabel: "Remember me:"`,
      `SELECT id FROM users WHERE email = ? AND password = ?`,
      `UPDATE users SET password = :password WHERE id = :id`,
      `this.addPassword = '#add-password';`,
      `IAMUserChangePassword = "arn:aws:iam::aws:policy/IAMUserChangePassword"`,
      `password_file = "/etc/app/password.txt"`,
      `docker login --password-stdin -u ci registry.corp.io`,
      `PWD=/home/build/src`,
      `pwd_context = CryptContext(schemes=["bcrypt"])`,
      `bypass = "Kx8mP2vLq9Zr7"`,
      `    [   'crc-16-buypass',   'Crc16Buypass',     0x18005, ],`,
      `compass: N45E12W9xQ`,
      `passport = "X12345678Ab"`,
      `first_pass = True`,
      `    pass\n`,
      // Weak or dictionary passwords, and test fixtures
      `password = "123456"`,
      `password: 'Pass123!@#'`,
      `password = "P@ssw0rd1"`,
      `"vm_password": "Secret123!"`,
      `login(username='test', password='test1234')`,
      `password = 'open sesame'`,
      `password = "hunter2"`,
      `password = 'mypass123'`,
      `if password == "team10":`,
      // Validation rules
      `        'password' => 'required|confirmed|min:6',`,
      `  password: 'required|string|min:8',`,
      `    'password' => ['required', 'string', 'min:8', 'confirmed'],`,
      // SDK examples: a password change's new value, and the AWS SDKs' documented example password
      `{\n  "input": {\n    "NewPassword": "${randomPassword(t)}",\n    "OldPassword": "${randomPassword(t)}"\n  }\n}`,
      `    "input": {\n        "Password": "h]6EszR}vJ*m",\n        "PasswordResetRequired": true,\n        "UserName": "Bob"\n    }`,
      // Class names, function calls and expressions
      `password = PasswordField()`,
      `    password = forms.CharField(widget=forms.PasswordInput, max_length=128)`,
      `password = PasswordField(min_length=8)`,
      `  password: String,`,
      `password = request.form['password2']`,
      `password = os.environ['DB_PASSWORD_2']`,
      `password = hashlib.sha256(raw + salt).hexdigest()`,
      `$this->assertSame('Illuminate\\Auth\\Middleware\\RequirePassword:route.name,100', $signature);`,
      // Stand-ins made of placeholder words (the Cognito examples' temporary password)
      `    "TemporaryPassword": "This-is-my-test-99!",`,
      // Base64 of plain text
      `db_password: "${b64('correct horse battery staple')}"`,
      `password = '${b64('changeme123')}'`,
      // Connection strings and query strings belong to their own detectors
      `Server=db1;Database=app;User Id=app;Password=${p};`,
      `https://api.corp.io/login?user=bot&password=${p}&next=/home`,
      // Value in quotes that do not close where it ends
      `message = "password ${p} is invalid"`,
    ];
  },
};
