import { CHARS, run } from '../builders/token-row.js';
import { BASE64_PADDED, HEX, UUID, hex, type ContextRow, type ContextTable } from '../builders/context-row.js';

/**
 * CI, code quality, secrets management and infrastructure credentials whose
 * values have no prefix of their own: a legacy SonarQube token is 40 hex,
 * a Jenkins API token 32 or 34 hex, a pre-1.10 Vault token `s.` + 24
 * characters (`s.` is also how a minified variable starts), a WireGuard key
 * 44 base64 characters, a Snyk or Codecov token a UUID, a PagerDuty REST
 * API key 20 characters. Each needs its word beside it.
 */

/** PagerDuty's REST API key alphabet (user tokens start `u+`). */
const PAGERDUTY = { chars: `${CHARS.urlSafe.chars}+`, cls: 'A-Za-z0-9_+-' } as const;

const vault = (letter: 's' | 'b' | 'r', kind: string, what: string): ContextRow => ({
  id: `hashicorp-vault-legacy-${kind}-token`,
  family: 'hashicorp-vault-legacy-token',
  provider: 'HashiCorp',
  title: `HashiCorp Vault ${what} (before Vault 1.10)`,
  severity: 'critical',
  docs: 'https://developer.hashicorp.com/vault/docs/upgrading/upgrade-to-1.0.0',
  revoke: 'Revoke it with `vault token revoke` (or its accessor), then check the audit device for what it read.',
  keywords: ['vault'],
  // `s.` / `b.` / `r.` + 24 base62 characters, or + a longer base64url body (namespaced and batch tokens).
  value: [`${letter}.`, run(CHARS.urlSafe, 24, 255)],
  valueName: `"${letter}." and 24 or more token characters`,
  env: 'VAULT_TOKEN',
  note: 'Vault 1.0 to 1.9 prefixed tokens with a single letter and a dot, which minified JavaScript writes all the time (`s.addComponent`).',
});

export const table: ContextTable = {
  name: 'devops',
  rows: [
    {
      id: 'sonarqube-legacy-token',
      family: 'sonarqube-token',
      provider: 'SonarSource',
      title: 'SonarQube user token (before the squ_ prefix)',
      docs: 'https://docs.sonarsource.com/sonarqube/9.9/user-guide/user-account/generating-and-using-tokens',
      revoke: 'Revoke the token under My Account > Security in SonarQube (an administrator can revoke any user’s tokens) and generate a new one.',
      keywords: ['sonar'],
      value: hex(40),
      valueName: '40 hex characters',
      env: 'SONAR_TOKEN',
      positives: (_t, v) => {
        const [a, b] = [v(), v()];
        return [
          { text: `mvn verify sonar:sonar -Dsonar.host.url=https://sonarcloud.io -Dsonar.login=${a}\n`, secret: a },
          { text: `$sonarLogin = "${b}"\n`, secret: b },
        ];
      },
      negatives: (_t, v) => [
        `sonarqube-scanner/-/sonarqube-scanner-2.5.0.tgz#${v()}`,
        `/d:sonar.host.url=$(SONAR_HOST) /d:sonar.login=$(SONAR_LOGIN)`,
      ],
    },
    {
      id: 'codeclimate-test-reporter-id',
      provider: 'Code Climate',
      title: 'Code Climate test reporter ID',
      severity: 'low',
      docs: 'https://docs.codeclimate.com/docs/finding-your-test-coverage-token',
      revoke: 'Regenerate the test reporter ID under Repo Settings > Test coverage in Code Climate and update CI.',
      keywords: ['CC_TEST_REPORTER_ID', 'codeclimate'],
      value: hex(64),
      valueName: '64 hex characters',
      env: 'CC_TEST_REPORTER_ID',
      note: 'Write-only: it can post coverage reports for the repository, nothing else (hence low severity).',
    },
    {
      id: 'jenkins-api-token',
      provider: 'Jenkins',
      title: 'Jenkins API token or crumb',
      docs: 'https://www.jenkins.io/doc/book/system-administration/authenticating-scripted-clients/',
      revoke: 'Revoke the token on the user’s Security page in Jenkins (Configure > API Token) and create a new one.',
      keywords: ['jenkins'],
      // Tokens since Jenkins 2.129 are `11` + 32 hex; legacy tokens and crumbs are 32 hex.
      value: hex(32, 34),
      valueName: '32 to 34 hex characters',
      env: 'JENKINS_API_TOKEN',
      positives: (_t, v) => {
        const a = v();
        return [{ text: `sh "curl -X POST 'https://ci.corp.io/job/build/build' -H 'Jenkins-Crumb:${a}'"\n`, secret: a }];
      },
    },
    {
      id: 'jenkins-initial-admin-password',
      provider: 'Jenkins',
      title: 'Jenkins initial admin password',
      docs: 'https://www.jenkins.io/doc/book/installing/linux/#unlocking-jenkins',
      revoke: 'Change the admin password (or delete the admin user) in Jenkins; the initial password stays valid until the setup wizard finishes.',
      keywords: ['proceed to installation', 'initialAdminPassword'],
      value: hex(32),
      valueName: '32 hex characters',
      // The setup log's `...password to proceed to installation:` line, or `cat .../initialAdminPassword` and its output.
      gap: { pattern: String.raw`(?:[ \t]*:)?[ \t]*(?:\r?\n[ \t]*){1,3}`, reach: 12 },
      env: 'initialAdminPassword',
      positives: (_t, v) => {
        const [a, b] = [v(), v()];
        return [
          {
            text: `Jenkins initial setup is required. An admin user has been created and a password generated.\nPlease use the following password to proceed to installation:\n\n${a}\n\nThis may also be found at: /var/jenkins_home/secrets/initialAdminPassword\n`,
            secret: a,
          },
          { text: `$ sudo cat /var/lib/jenkins/secrets/initialAdminPassword\n${b}\n`, secret: b },
        ];
      },
      negatives: (_t, v) => [`cat /var/lib/jenkins/secrets/initialAdminPassword # then paste it\n# ${v()}`],
    },
    {
      id: 'snyk-api-token',
      provider: 'Snyk',
      title: 'Snyk API token (personal or service account)',
      docs: 'https://docs.snyk.io/snyk-api/authentication-for-api',
      revoke: 'Revoke and regenerate the token under Account settings in Snyk (or delete the service account token under the organization’s settings).',
      keywords: ['snyk'],
      value: UUID,
      valueName: 'a UUID',
      env: 'SNYK_TOKEN',
      // Organization, project and integration ids are UUIDs too.
      notKeyWords: ['uuid', 'guid', 'integration', 'target'],
      positives: (_t, v) => {
        const a = v();
        return [{ text: `- name: Run Snyk\n  uses: snyk/actions/node@master\n  env:\n    SNYK_TOKEN: ${a}\n`, secret: a }];
      },
      negatives: (t, v) => [`snyk monitor --org=${v()}`, `SNYK_INTEGRATION_ID=${v()}`, `uses: snyk/actions/node@${t.chars(HEX.chars, 40)}`],
    },
    {
      id: 'codecov-upload-token',
      provider: 'Codecov',
      title: 'Codecov upload token',
      severity: 'low',
      docs: 'https://docs.codecov.com/docs/codecov-tokens',
      revoke: 'Regenerate the repository upload token under the repository’s Configuration > General in Codecov (or the global token in the organization settings) and update CI.',
      keywords: ['codecov'],
      value: UUID,
      valueName: 'a UUID',
      env: 'CODECOV_TOKEN',
      notKeyWords: ['uuid', 'guid'],
      note: 'Upload-only: it lets its holder upload coverage reports for the repository (hence low severity).',
      negatives: (t) => [
        `- uses: codecov/codecov-action@${t.chars(HEX.chars, 40)}\n  with:\n    token: \${{ secrets.CODECOV_TOKEN }}\n`,
        `codecov_commit: ${t.chars(HEX.chars, 40)}`,
      ],
    },
    {
      id: 'pagerduty-api-key',
      provider: 'PagerDuty',
      title: 'PagerDuty REST API key (general access or user token)',
      docs: 'https://support.pagerduty.com/docs/using-the-api',
      revoke: 'Delete the key under Integrations > API Access Keys (general access) or the user’s User Settings > API Access (user token) in PagerDuty and create a new one.',
      keywords: ['pagerduty', 'pager_duty'],
      // Both REST API key types are 20 characters; user tokens start `u+`.
      value: [run(PAGERDUTY, 20)],
      valueName: '20 token characters',
      // A random key has both cases; a service or host name of 20 characters seldom does.
      check: (v) => /[A-Z]/.test(v) && /[a-z]/.test(v),
      env: 'PAGERDUTY_TOKEN',
      notKeyWords: ['service', 'schedule', 'escalation', 'policy', 'subdomain'],
      positives: (t) => {
        // A user token: `u+` and 18 characters.
        const a = `u+${t.chars(PAGERDUTY.chars, 18)}`;
        return [{ text: `# on-call bot\nPAGERDUTY_USER_TOKEN="${a}"\nPAGERDUTY_FROM=oncall@acme.example\n`, secret: a }];
      },
      negatives: () => [`PAGERDUTY_SERVICE=checkout-api-prod-eu`, `pagerduty_escalation_policy: Payments-Primary-Team`],
    },
    vault('s', 'service', 'service token'),
    vault('b', 'batch', 'batch token'),
    vault('r', 'recovery', 'recovery token'),
    {
      id: 'hashicorp-vault-unseal-key',
      provider: 'HashiCorp',
      title: 'HashiCorp Vault unseal key share',
      severity: 'critical',
      docs: 'https://developer.hashicorp.com/vault/docs/concepts/seal',
      revoke: 'Rekey Vault (`vault operator rekey`) so the leaked share no longer combines into the root key; rotate the encryption key too (`vault operator rotate`).',
      keywords: ['unseal'],
      // A Shamir share is 33 bytes (44 base64 characters); a single unsplit key 32 (43 + `=`).
      value: [run(BASE64_PADDED, 44)],
      valueName: '44 base64 characters',
      check: (v) => /^[A-Za-z0-9+/]{43}[A-Za-z0-9+/=]$/.test(v),
      // `vault operator unseal <key>`, or `Unseal Key 2: <key>` in `vault operator init` output.
      gap: { pattern: String.raw`(?:[ \t]+[Kk][Ee][Yy][ \t]+\d{1,2}[ \t]*:)?[ \t]+`, reach: 12 },
      env: 'VAULT_UNSEAL_KEY',
      positives: (_t, v) => {
        const [a, b] = [v(), v()];
        return [
          { text: `Unseal Key 1: ${a}\n\nVault initialized with 5 key shares and a key threshold of 3.\n`, secret: a },
          { text: `kubectl -n vault exec -ti vault-0 -- vault operator unseal ${b}\n`, secret: b },
        ];
      },
      negatives: () => [`vault operator unseal -migrate`, `Unseal Key 1: <redacted>`],
    },
    {
      id: 'kubernetes-bootstrap-token',
      provider: 'Kubernetes',
      title: 'Kubernetes bootstrap token',
      severity: 'critical',
      docs: 'https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/',
      revoke: 'Delete it with `kubeadm token delete <token-id>` (or delete the bootstrap-token-<id> Secret in kube-system).',
      keywords: ['bootstrap-token', 'bootstrap_token', 'bootstraptoken'],
      // Documented shape: 6 lower-case alphanumerics (the public id), a dot, 16 (the secret).
      value: [run(CHARS.lowerAlnum, 6), '.', run(CHARS.lowerAlnum, 16)],
      valueName: 'a bootstrap token id and secret ([a-z0-9]{6}.[a-z0-9]{16})',
      env: 'BOOTSTRAP_TOKEN',
      positives: (_t, v) => {
        const a = v();
        return [{ text: `kubelet --tls-bootstrap-token ${a} --kubeconfig=/etc/kubernetes/kubelet.conf\n`, secret: a }];
      },
    },
    {
      id: 'kubeadm-join-token',
      family: 'kubernetes-bootstrap-token',
      provider: 'Kubernetes',
      title: 'Kubernetes bootstrap token in a kubeadm join command',
      severity: 'critical',
      docs: 'https://kubernetes.io/docs/reference/setup-tools/kubeadm/kubeadm-join/',
      revoke: 'Delete it with `kubeadm token delete <token-id>` (or delete the bootstrap-token-<id> Secret in kube-system).',
      keywords: ['kubeadm join'],
      value: [run(CHARS.lowerAlnum, 6), '.', run(CHARS.lowerAlnum, 16)],
      valueName: 'a bootstrap token id and secret ([a-z0-9]{6}.[a-z0-9]{16})',
      gap: { pattern: String.raw`[^\r\n]*?--(?:discovery-)?token[ \t=]+`, reach: 160 },
      env: 'kubeadm join',
      positives: (t, v) => {
        const a = v();
        return [
          { text: `kubeadm join 10.0.0.10:6443 --token ${a} \\\n    --discovery-token-ca-cert-hash sha256:${t.chars(HEX.chars, 64)}\n`, secret: a },
          { text: `sudo kubeadm join k8s-api.corp.io:6443 --discovery-token=${a}\n`, secret: a },
        ];
      },
    },
    {
      id: 'wireguard-private-key',
      provider: 'WireGuard',
      title: 'WireGuard private key',
      severity: 'critical',
      docs: 'https://www.wireguard.com/quickstart/',
      revoke: 'Generate a new key pair (`wg genkey | tee privatekey | wg pubkey`), replace the peer’s public key on every other peer, and remove the old one.',
      keywords: ['PrivateKey'],
      // A Curve25519 key: 32 bytes, 43 base64 characters and `=`.
      value: [run(CHARS.base64, 43), '='],
      valueName: '44 base64 characters (a 32-byte key)',
      env: 'WG_PRIVATEKEY',
      positives: (_t, v) => {
        const a = v();
        return [{ text: `[Interface]\nAddress = 10.200.200.3/32\nPrivateKey = ${a}\nDNS = 10.200.200.1\n`, secret: a }];
      },
    },
    {
      id: 'wireguard-preshared-key',
      provider: 'WireGuard',
      title: 'WireGuard preshared key',
      docs: 'https://www.wireguard.com/protocol/',
      revoke: 'Generate a new preshared key (`wg genpsk`) and set it on both peers.',
      keywords: ['PresharedKey'],
      value: [run(CHARS.base64, 43), '='],
      valueName: '44 base64 characters (a 32-byte key)',
      env: 'WG_PRESHAREDKEY',
      positives: (_t, v) => {
        const a = v();
        return [{ text: `[Peer]\nPublicKey = ${v()}\nPresharedKey = ${a}\nAllowedIPs = 0.0.0.0/0\n`, secret: a }];
      },
    },
  ],
};
