import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { base64Key } from '../builders/legacy-examples.js';

/** An 88-character key with an identifiable signature where Microsoft's new keys carry it (reported by the identifiable detector). */
function withSignature(key: string): string {
  return `${key.slice(0, 76)}+ASt${key.slice(80)}`;
}

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (k: string) => string): void => {
      const k = base64Key(t, 64);
      out.push({ text: make(k), secret: k });
    };
    add((k) => `AzureWebJobsStorage=DefaultEndpointsProtocol=https;AccountName=hanatour9833;AccountKey=${k};EndpointSuffix=core.windows.net\n`);
    add((k) => `"AZURE_STORAGE_CONNECTION_STRING": {\n  "value": "DefaultEndpointsProtocol=https;AccountName=d1biblobstor521;AccountKey=${k};EndpointSuffix=core.windows.net"\n}\n`);
    add((k) => `DefaultEndpointsProtocol=https;\nAccountName=acmelogs01;\nAccountKey=${k};\nBlobEndpoint=https://acmelogs01.blob.core.windows.net/;\n`);
    add((k) => `<add key="StorageConnectionString" value="DefaultEndpointsProtocol=https;AccountName=acmeprodfiles;AccountKey=${k}" />\n`);
    add((k) => `conn_str = (\n    "DefaultEndpointsProtocol=https;"\n    "AccountName=mlartifacts7;"\n    "AccountKey=${k};"\n    "EndpointSuffix=core.windows.net"\n)\n`);
    add((k) => `storage_connection_string = "AccountName=tfstate4711;AccountKey=${k};EndpointSuffix=core.windows.net"\n`);
    add((k) => `export AZURE_STORAGE_CONNECTION_STRING='BlobEndpoint=https://acmedata.blob.core.windows.net/;QueueEndpoint=https://acmedata.queue.core.windows.net/;AccountName=acmedata;AccountKey=${k}'\n`);
    add((k) => `DefaultEndpointsProtocol=https;AccountKey=${k};AccountName=reversedorder1;EndpointSuffix=core.windows.net\n`);
    return out;
  },
  negatives: (t) => {
    const k = base64Key(t, 64);
    return [
      `AccountName=<YOUR_ACCOUNT_NAME>;\nAccountKey=<YOUR_ACCOUNT_KEY>;`,
      `AccountName=X;AccountKey=X;`,
      `AccountName={2};AccountKey={3};`,
      `AccountName=\${STORAGE_ACCOUNT};AccountKey=\${STORAGE_KEY};`,
      `let accountName = "";\nlet accountKey = Buffer.from("accountKey", "base64");`,
      `InstrumentationKey=00000000-0000-0000-0000-000000000000;EndpointSuffix=ai.contoso.com;`,
      // The Azurite emulator's documented key is public: build it from parts so this file holds no key-shaped literal.
      `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsu', 'Fq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='].join('')};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`,
      // Typed filler, wrong length, and a key with an identifiable signature.
      `DefaultEndpointsProtocol=https;AccountName=myaccount;AccountKey=${'abcdefghij'.repeat(8)}abcdef==;EndpointSuffix=core.windows.net`,
      `DefaultEndpointsProtocol=https;AccountName=acmelogs02;AccountKey=${k.slice(0, 60)}==;EndpointSuffix=core.windows.net`,
      `DefaultEndpointsProtocol=https;AccountName=acmelogs03;AccountKey=${withSignature(k)};EndpointSuffix=core.windows.net`,
      // No account name and no storage endpoint: not evidently a storage connection string.
      `AccountKey=${k}`,
    ];
  },
};
