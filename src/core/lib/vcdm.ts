import { arrayOf, type JsonObject } from './json.js';

/** The VC Data Model a credential follows, from its first `@context` (VCDM 1.1 §4.1, 2.0 §4.3). */
export function vcdmVersionOf(credential: JsonObject): '1.1' | '2.0' | undefined {
  const first = arrayOf(credential['@context'])[0];
  if (first === 'https://www.w3.org/ns/credentials/v2') return '2.0';
  if (first === 'https://www.w3.org/2018/credentials/v1') return '1.1';
  return undefined;
}
