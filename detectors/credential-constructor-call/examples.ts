import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, humanPassword, randomPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `sender.Credentials = new NetworkCredential("alerts@corp.io", "${p}");\n`, randomPassword(t));
    add((p) => `$webClient.Credentials = New-Object System.Net.NetworkCredential("cidownload", "${p}")\n`, alnumPassword(t, 27));
    add((p) => `var cred = new NetworkCredential(@"svc_backup", @"${p}", "CORP");\n`, humanPassword(t));
    add((p) => `$domain = New-Object DirectoryServices.DirectoryEntry("LDAP://10.10.10.1", "domain\\\\user", "${p}")\n`, randomPassword(t));
    add((p) => `new DirectoryEntry("LDAP://corp.local",\n          "ADMNALRRHH@CORP.LOCAL",\n          "${p}");\n`, humanPassword(t));
    add((p) => `return new PasswordAuthentication("mailer", "${p}".toCharArray());\n`, randomPassword(t));
    add((p) => `Credentials creds = new UsernamePasswordCredentials("deploy", "${p}");\n`, alnumPassword(t));
    add((p) => `r = requests.get(url, auth=HTTPBasicAuth('api', '${p}'))\n`, alnumPassword(t, 20));
    add((p) => `auth = aiohttp.BasicAuth("scraper", "${p}")\n`, randomPassword(t));
    return out;
  },
  negatives: () => [
    `new NetworkCredential("user", "password")`,
    `new NetworkCredential(username, password)`,
    `new NetworkCredential("svc", Environment.GetEnvironmentVariable("SVC_PASSWORD"))`,
    `HTTPBasicAuth('user', 'pass')`,
    `HTTPBasicAuth(os.environ["USER"], os.environ["PASS"])`,
    `new DirectoryEntry("LDAP://10.10.10.1", "domain\\\\user", "secret")`,
    `new PasswordAuthentication(user, pass.toCharArray())`,
    `BasicAuth("\${USER}", "\${PASSWORD}")`,
    `new UsernamePasswordCredentials("admin", "")`,
  ],
};
