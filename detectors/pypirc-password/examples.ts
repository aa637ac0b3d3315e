import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, humanPassword, randomPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `[distutils]\nindex-servers =\n    pypi\n    testpypi\n\n[pypi]\nusername = jdoe\npassword = ${p}\n`, randomPassword(t));
    add((p) => `[testpypi]\nrepository = https://test.pypi.org/legacy/\nusername = jdoe\npassword: ${p}\n`, humanPassword(t));
    add((p) => `[internal]\nrepository = https://nexus.corp.io/repository/pypi-hosted/\nusername = deploy\npassword = ${p}\n`, alnumPassword(t));
    add((p) => `[pypi]\n# account for the release bot\nusername=release-bot\npassword=${p}\n`, randomPassword(t, 20));
    add((p) => `cat > ~/.pypirc <<EOF\n[pypi]\nrepository: https://upload.pypi.org/legacy/\nusername: acme\npassword: ${p}\nEOF\n`, alnumPassword(t, 16));
    add((p) => `[artifactory]\nrepository = https://acme.jfrog.io/artifactory/api/pypi/pypi-local\nusername = acme\npassword = ${p}\n`, randomPassword(t));
    return out;
  },
  negatives: () => [
    `[pypi]\nusername = __token__\npassword = <your PyPI token>\n`,
    `[pypi]\nusername = jdoe\npassword = \${PYPI_PASSWORD}\n`,
    `[pypi]\nusername = your_username\npassword = your_password\n`,
    `[testpypi]\nusername = __token__\npassword = %(TEST_PYPI_TOKEN)s\n`,
    `[database]\nhost = db.corp.io\npassword = notapypisection\n`,
    `[pypi]\nrepository = https://upload.pypi.org/legacy/\n`,
    `# Publishing\n[pypi]\nusername = jdoe\npassword = changeme\n`,
  ],
};
