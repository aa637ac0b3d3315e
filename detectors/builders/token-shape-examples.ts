import type { PositiveExample } from '../examples-types.js';

/**
 * The places a token usually lands in a repository, each with a fresh token
 * from `make`: a .env line, a shell export, JSON, YAML, and a CRLF
 * (Windows-edited) properties line.
 */
export function configPositives(make: () => string, envName: string): PositiveExample[] {
  const a = make();
  const b = make();
  const c = make();
  const d = make();
  const e = make();
  const jsonKey = envName.toLowerCase().replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
  const yamlKey = envName.toLowerCase();
  return [
    { text: `# local settings, do not commit\n${envName}=${a}\nDEBUG=false\n`, secret: a },
    { text: `#!/bin/sh\nset -eu\nexport ${envName}="${b}"\nexec node server.js\n`, secret: b },
    { text: `{\n  "service": "billing",\n  "${jsonKey}": "${c}",\n  "timeout": 30\n}\n`, secret: c },
    { text: `env:\n  - name: ${envName}\n    value: '${d}'\nsettings:\n  ${yamlKey}: ${d}\n`, secret: d },
    { text: `app.name=billing\r\n${yamlKey.replace(/_/g, '.')}=${e}\r\napp.port=8080\r\n`, secret: e },
  ];
}

/** Texts that name a token without holding one: variables, templates, redactions. */
export function referenceNegatives(prefix: string, envName: string): string[] {
  return [
    `${envName}=\${${envName}}`,
    `${envName}: "{{ secrets.${envName} }}"`,
    `export ${envName}=${prefix}<your-token-here>`,
    `token = "${prefix}..."  # paste yours here`,
    `${envName}=${prefix}***`,
  ];
}
