import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, humanPassword, randomPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `cmd.exe /C PSEXEC \\\\10.0.94.120 -u Administrator -p ${p} CMD /C ECHO\n`, randomPassword(t));
    add((p) => `system("psexec \\\\\\\\192.168.3.77 -u Administrator -p ${p} shutdown -r -f -t 0");\n`, alnumPassword(t));
    add((p) => `%RUNTIMEDIR%\\PsExec64.exe \\\\build2 -u CORP\\svc-build -p "${p}" -i 2 -c -f helper.bat\n`, humanPassword(t));
    add((p) => `Connect-VIServer -Server 192.168.1.51 -User administrator@vsphere.local -Password ${p}\n`, humanPassword(t));
    add((p) => `$null = connect-viserver vc.lab.local -user administrator@vsphere.local -password ${p}\n`, randomPassword(t, 12));
    // Weak but real: the command leaves no doubt that it is the password (reported with low confidence).
    add((p) => `psexec \\\\fileserver -u backup -p ${p} robocopy D:\\data \\\\nas\\data\n`, 'braksha');
    return out;
  },
  negatives: () => [
    `psExec \\\\OAIJCTDU8024272 -u User -p $Password -i -d calc.exe`,
    `%RUNTIMEDIR%\\PsExec.exe \\\\satmodel2 -u SATMODEL2\\MTCPB -p %nothing% -i 2 -c -f helper.bat`,
    `start PsExec.exe /accepteula @C:\\share$\\comps1.txt -u DOMAIN\\ADMINISTRATOR -p PASSWORD cmd /c COPY`,
    `PSEXEC.EXE \\\\LocalComputerIPAddress -u DOMAIN\\my-user -p mypass CMD`,
    `Connect-VIServer "$endpoint" -User "$username" -Password "$password" | Out-Null`,
    `Connect-VIServer $ESXiHost.EsxiHost -user $ESXiUser -password $ESXipass`,
    `Connect-VIServer -Server vc01 -Credential (Get-Credential)`,
    `psexec \\\\host -s -i cmd.exe`,
    `psexec \\\\host -u admin -p -i cmd.exe`,
    `Connect-VIServer -Server vc01 -User <user> -Password <password>`,
  ],
};
