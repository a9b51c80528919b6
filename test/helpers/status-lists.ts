/** Status lists for tests: bitstrings, list credentials, and a fake fetch that counts what it serves. */
import { gzipSync } from 'fflate';
import { base64url } from 'jose';
import type { Check, VerificationResult } from '../../src/core/result.js';
import type { Verifier } from '../../src/core/verify.js';
import { recordingFetch } from './fake-fetch.js';
import { credentialFor, signVcJose, signVcJwt, type TestIssuer } from './issuer.js';

/** A list of `entries` entries of `size` bits, with `values` (index → value) set, MSB-first. */
export function bitstring(values: Record<number, number> | number[], entries = 131_072, size = 1): Uint8Array {
  const bytes = new Uint8Array(Math.ceil((entries * size) / 8));
  const pairs = Array.isArray(values) ? values.map((index) => [index, 1] as const) : Object.entries(values);
  for (const [index, value] of pairs) {
    for (let b = 0; b < size; b++) {
      const bit = Number(index) * size + b;
      if ((Number(value) >> (size - 1 - b)) & 1) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
    }
  }
  return bytes;
}

/** `encodedList`: base64url of GZIP, with the Multibase `u` prefix unless `multibase` is false. */
export function encodeList(bytes: Uint8Array, multibase = true): string {
  return `${multibase ? 'u' : ''}${base64url.encode(gzipSync(bytes))}`;
}

export interface ListCredentialOptions {
  readonly url: string;
  readonly issuer: string;
  readonly encodedList: string;
  readonly purpose?: string | string[];
  readonly kind?: 'bitstring' | '2021';
  readonly subject?: Record<string, unknown>;
  readonly overrides?: Record<string, unknown>;
}

/** A BitstringStatusListCredential (or StatusList2021Credential), unsigned. */
export function listCredential(options: ListCredentialOptions): Record<string, unknown> {
  const bitstringKind = (options.kind ?? 'bitstring') === 'bitstring';
  return {
    '@context': bitstringKind
      ? ['https://www.w3.org/ns/credentials/v2']
      : ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1'],
    id: options.url,
    type: ['VerifiableCredential', bitstringKind ? 'BitstringStatusListCredential' : 'StatusList2021Credential'],
    issuer: options.issuer,
    ...(bitstringKind ? { validFrom: '2025-01-01T00:00:00Z' } : { issuanceDate: '2025-01-01T00:00:00Z' }),
    credentialSubject: {
      id: `${options.url}#list`,
      type: bitstringKind ? 'BitstringStatusList' : 'StatusList2021',
      statusPurpose: options.purpose ?? 'revocation',
      encodedList: options.encodedList,
      ...options.subject,
    },
    ...options.overrides,
  };
}

export interface Served {
  readonly body: string;
  readonly type?: string;
  readonly status?: number;
  readonly headers?: Record<string, string>;
}

/** A fetch that answers from `routes` (404 for the rest) and counts requests per URL. */
export function servingFetch(routes: Map<string, Served> | Record<string, Served>) {
  const map = routes instanceof Map ? routes : new Map(Object.entries(routes));
  const fetch = recordingFetch((url) => {
    const served = map.get(url);
    if (!served) return undefined;
    return new Response(served.body, {
      status: served.status ?? 200,
      headers: { 'content-type': served.type ?? 'application/vc+jwt', ...served.headers },
    });
  });
  return { fetch: fetch as typeof globalThis.fetch, count: fetch.count, routes: map };
}

/** The `status` check of a result. */
export function statusCheckOf(result: VerificationResult): Check {
  return result.checks.find((check) => check.id === 'status') as Check;
}

export interface IssuedListOptions extends Omit<ListCredentialOptions, 'issuer' | 'encodedList'> {
  /** `encodedList` with the Multibase `u` prefix (the default; StatusList2021 lists have none). */
  readonly multibase?: boolean;
  /** Response headers the list is served with. */
  readonly headers?: Record<string, string>;
}

/** A status list of `bits`, issued by `signer` (a VC-JOSE token) and served at `options.url`. */
export async function issuedList(
  signer: TestIssuer,
  bits: Uint8Array,
  { multibase = true, headers, ...options }: IssuedListOptions,
): Promise<Record<string, Served>> {
  const credential = listCredential({ ...options, issuer: signer.did, encodedList: encodeList(bits, multibase) });
  return { [options.url]: { body: await signVcJose(signer, credential), ...(headers ? { headers } : {}) } };
}

/** A VC-JWT badge `issuer` signs with `credentialStatus`, verified at `now` by `verifier`: the result and its status check. */
export async function verifyWithStatus(
  verifier: Verifier,
  issuer: TestIssuer,
  credentialStatus: unknown,
  now: Date,
): Promise<{ result: VerificationResult; status: Check }> {
  const result = await verifier.verify(await signVcJwt(issuer, credentialFor(issuer.did, { credentialStatus })), {
    now,
  });
  return { result, status: statusCheckOf(result) };
}
