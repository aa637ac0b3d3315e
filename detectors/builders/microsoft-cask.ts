import type { Detector, DetectorMeta, Verdict } from '../types.js';
import {
  CASK_KIND_OFFSET,
  CASK_PROVIDER_RESERVED_OFFSET,
  CASK_PROVIDER_SIGNATURE_OFFSET,
  hasValidCaskChecksum,
} from '../checksum/microsoft-cask.js';
import { CHARS } from './token-row.js';
import { slicedRandomPart } from './random-part.js';

/** Random characters at the start of a CASK key, before `JQQJ9`. */
export const CASK_RANDOM_CHARS = 52;

/**
 * Provider signatures of legacy CASK keys, from security-utilities
 * `LegacyCaskProviderSignatures.cs`, plus one seen on real keys in public code
 * (`AWPS`, on Azure Web PubSub access keys) that the source does not list.
 */
export const CASK_PROVIDERS: Readonly<Record<string, string>> = {
  msql: 'SQL Server (private default cloud SA)',
  AZAC: 'Azure App Configuration',
  AZFR: 'Azure Fluid Relay',
  AZEG: 'Azure Event Grid',
  AZDO: 'Azure DevOps',
  AZMR: 'Azure Mixed Reality',
  AZMP: 'Azure Maps',
  AZCS: 'Azure Communication Services',
  ACOG: 'Azure AI services (Cognitive Services)',
  AWPS: 'Azure Web PubSub',
};

/**
 * Azure AI services behind the `ACOG` signature, by the base64 character at
 * the end of the provider-reserved data (`AAA` + character), in the order of
 * security-utilities `AzureCognitiveService.cs` (A = 0, B = 1, ...).
 */
export const COGNITIVE_SERVICES: readonly string[] = [
  'Azure AI services', 'Azure OpenAI', 'Anomaly Detector EE', 'Anomaly Detector', 'Cognitive Services',
  'Computer Vision', 'Content Moderator', 'Content Safety', 'Custom Vision Prediction', 'Custom Vision Training',
  'Face', 'Form Recognizer', 'Health Decision Support', 'Health Insights', 'Immersive Reader',
  'Internal All-in-One', 'Knowledge', 'LUIS Authoring', 'LUIS', 'Metrics Advisor',
  'Personalizer', 'QnA Maker', 'QnA Maker v2', 'Speaker Recognition', 'Speech Services',
  'Speech Translation', 'Text Analytics', 'Text Translation', 'Dummy', 'Transcription Intelligence',
  'Video Intelligence', 'Bing Autosuggest', 'Bing Autosuggest v7', 'Bing Custom Search', 'Bing Custom Visual Search',
  'Bing Entity Search', 'Bing Search', 'Bing Search v7', 'Bing Speech', 'Bing Spell Check',
  'Bing Spell Check v7',
];
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The Azure AI service a key with the `ACOG` signature belongs to, from its provider-reserved data. */
export function cognitiveService(key: string): string {
  const reserved = key.slice(CASK_PROVIDER_RESERVED_OFFSET, CASK_PROVIDER_RESERVED_OFFSET + 4);
  const name = reserved.startsWith('AAA') ? COGNITIVE_SERVICES[BASE64.indexOf(reserved[3]!)] : undefined;
  return name ?? 'unlisted service';
}

export function caskProviderSignature(key: string): string {
  return key.slice(CASK_PROVIDER_SIGNATURE_OFFSET, CASK_PROVIDER_SIGNATURE_OFFSET + 4);
}

export function caskKind(key: string): string {
  return key[CASK_KIND_OFFSET]!;
}

const B62 = '[A-Za-z0-9]';
/** Checksum characters: base62 text, or base64 of the checksum bytes (which may hold `+` and `/`). */
const CHECKSUM = '[A-Za-z0-9+/]{4}';
const LONG_FORM_TAIL = '(?:[A-Za-z0-9+/]{2}==)?';

/**
 * The RE2 pattern of a legacy CASK key: security-utilities' SEC101/200 pattern,
 * with base64 allowed in the checksum characters (real keys carry either
 * encoding, and the base64 one can contain `+` or `/`).
 */
export function caskPattern(kinds: string, providerSignature: string | null, longForm: boolean): string {
  const signature = providerSignature ?? `[A-Za-z]${B62}{3}`;
  const tail = longForm ? LONG_FORM_TAIL : '';
  return `(?P<secret>${B62}{52}JQQJ9[${kinds}]${B62}[A-L]${B62}{16}${signature}${CHECKSUM}${tail})`;
}

export interface CaskDetectorSpec {
  /** Key kind characters accepted after `JQQJ9` (`9` access key, `D` derived, `H` hash). */
  readonly kinds: string;
  /** Provider signature the key must carry, or null for any. */
  readonly providerSignature: string | null;
  /** Whether the 88-character long form exists for these keys (default true). */
  readonly longForm?: boolean;
  /** Keys that belong to another detector. */
  readonly claimedElsewhere?: (key: string) => boolean;
  /** What the key is, for the finding's reason. */
  readonly describe: (key: string) => string;
}

/** A detector for legacy CASK keys. Keyword: `JQQJ9`. A match counts only with a valid checksum. */
export function caskDetector(spec: CaskDetectorSpec, meta: Omit<DetectorMeta, 'tier'>): Detector {
  return {
    ...meta,
    tier: 'identifiable',
    keywords: ['JQQJ9'],
    pattern: caskPattern(spec.kinds, spec.providerSignature, spec.longForm ?? true),
    alphabet: 'A-Za-z0-9+/',
    window: { before: 52, after: 31 },
    validate: ({ secret }): Verdict | null => {
      if (!hasValidCaskChecksum(secret)) return null;
      if (spec.claimedElsewhere?.(secret)) return null;
      return { confidence: 'high', reason: `CASK signature and Marvin32 checksum (${spec.describe(secret)})` };
    },
    randomPart: slicedRandomPart(CHARS.base62.chars, CASK_RANDOM_CHARS, CASK_RANDOM_CHARS, 0, CASK_RANDOM_CHARS),
  };
}
