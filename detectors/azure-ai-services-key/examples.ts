import type { DetectorExamples } from '../examples-types.js';
import { caskKeyWithRandom, flipCaskChecksum, makeCaskKey } from '../builders/microsoft-cask-examples.js';

// Provider-reserved data `AAA` + the service's base64 index: B = Azure OpenAI, Y = Speech, L = Form Recognizer, A = AI services.
const key = (service: string) => ({ providerSignature: 'ACOG', providerReserved: `AAA${service}`, encoding: 'base64' }) as const;

export const examples: DetectorExamples = {
  generate: (t) => makeCaskKey(t, key('B')),
  withRandom: (t, random) => caskKeyWithRandom(t, key('B'), random),
  positives: (t) => {
    const a = makeCaskKey(t, key('B'));
    const b = makeCaskKey(t, key('Y'));
    const c = makeCaskKey(t, key('L'));
    const d = makeCaskKey(t, { ...key('A'), encoding: 'base62' });
    return [
      { text: `client = AzureOpenAI(\n    api_key="${a}",\n    api_version="2024-10-21",\n    azure_endpoint="https://acme-ai.openai.azure.com/",\n)\n`, secret: a },
      { text: `SPEECH_KEY=${b}\nSPEECH_REGION=westeurope\n`, secret: b },
      { text: `curl -H "Ocp-Apim-Subscription-Key: ${c}" https://acme-docs.cognitiveservices.azure.com/formrecognizer/info\n`, secret: c },
      { text: `{\n  "AzureAI": { "Endpoint": "https://acme.services.ai.azure.com/", "ApiKey": "${d}" }\n}\n`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = makeCaskKey(t, key('B'));
    return [
      `AZURE_OPENAI_API_KEY=${flipCaskChecksum(good)}\n`,
      `AZURE_OPENAI_API_KEY=${good.slice(0, 80)}\n`,
      // Cognitive Services keys have no long form.
      `AZURE_OPENAI_API_KEY=${makeCaskKey(t, { ...key('B'), longForm: true })}\n`,
      `AZURE_OPENAI_API_KEY=${makeCaskKey(t, { providerSignature: 'AZDO' })}\n`,
    ];
  },
};
