import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, b64, base62, humanPassword, randomPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (a: string) => string, userPass: string): void => {
      const a = b64(userPass);
      out.push({ text: make(a), secret: a });
    };
    add((a) => `{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "${a}"\n    }\n  }\n}\n`, `acmebuild:${randomPassword(t)}`);
    add((a) => `{"auths":{"registry.gitlab.com":{"username":"deploy","password":"x","auth":"${a}"}}}`, `gitlab+deploy-token-41:${base62(t, 20)}`);
    add((a) => `{\n\t"auths": {\n\t\t"acme.azurecr.io": {\n\t\t\t"auth": "${a}",\n\t\t\t"identitytoken": ""\n\t\t}\n\t}\n}\n`, `00000000-0000-0000-0000-000000000000:${alnumPassword(t, 24)}`);
    add((a) => `stringData:\n  .dockerconfigjson: "{\\"auths\\":{\\"harbor.corp.io\\":{\\"auth\\":\\"${a}\\"}}}"\n`, `robot$ci:${alnumPassword(t, 32)}`);
    add((a) => `    "quay.io": {\n      "auth": "${a}",\n      "email": ""\n    },\n`, `acme+builder:${base62(t, 64)}`);
    add((a) => `echo '{"auths":{"ghcr.io":{"auth":"${a}"}}}' > ~/.docker/config.json\n`, `octocat:${humanPassword(t)}`);
    return out;
  },
  negatives: () => [
    `{"auths":{"https://index.docker.io/v1/":{"auth":"${b64('user:password')}"}}}`,
    `{"auths":{"registry.corp.io":{"auth":"${b64('ci:${REGISTRY_PASSWORD}')}"}}}`,
    `{"auths":{"registry.corp.io":{"auth":"${b64('justausername')}"}}}`,
    `{"auths":{"registry.corp.io":{}},"credsStore":"desktop"}`,
    `{"auths":{"registry.corp.io":{"auth":""}}}`,
    `{"auth": "basic", "realm": "Registry"}`,
    `"auth": "none"`,
    `{"auths":{"registry.corp.io":{"auth":"${b64('ci:xxxxxxxxxxxx')}"}}}`,
  ],
};
