// Data Integrity signing for the TEST fixtures (scripts/generate-fixtures.js): `eddsa-rdfc-2022` and
// `eddsa-jcs-2022` (W3C Data Integrity EdDSA Cryptosuites v1.0 §3.2, §3.3), the mirror image of what
// src/core/proofs/data-integrity.ts verifies. Written from the specification; never used to issue
// real badges.
//
//   proofConfig      = the proof options (no proofValue) + the document's @context
//   transform        = RDFC-1.0 canonical N-Quads (eddsa-rdfc-2022) or JCS, RFC 8785 (eddsa-jcs-2022)
//   hashData         = SHA-256(canonical proofConfig) ‖ SHA-256(canonical document)
//   proofValue       = 'z' + base58btc(Ed25519 signature over hashData)
//
// JSON-LD contexts come only from the pinned copies in test/conformance/contexts/ (the same bytes
// scripts/bundle-contexts.js turns into src/core/jsonld/contexts/), never from the network, and each
// file's sha256 is checked against its index. `selfTest()` reproduces the W3C specification's own
// test vectors (test/conformance/w3c-vc-di-eddsa/) before anything is signed.
import { createHash, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import canonicalizeModule from 'canonicalize';
import jsonld from 'jsonld';
import rdfCanonize from 'rdf-canonize';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONTEXTS = join(ROOT, 'test/conformance/contexts');
const VECTORS = join(ROOT, 'test/conformance/w3c-vc-di-eddsa');

// ---------------------------------------------------------------------------------------------
// base58btc (the Bitcoin alphabet), for proofValue and Multikey

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** @param {Uint8Array} bytes @returns {string} */
export function base58btc(bytes) {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  /** @type {number[]} */
  const digits = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += /** @type {number} */ (digits[i]) << 8;
      digits[i] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  return (
    '1'.repeat(zeros) +
    digits
      .reverse()
      .map((d) => BASE58[d])
      .join('')
  );
}

/** @param {string} text @returns {Uint8Array} */
export function fromBase58btc(text) {
  /** @type {number[]} */
  const bytes = [];
  for (const char of text) {
    let carry = BASE58.indexOf(char);
    if (carry < 0) throw new Error(`not base58btc: ${char}`);
    for (let i = 0; i < bytes.length; i++) {
      carry += /** @type {number} */ (bytes[i]) * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (const char of text) {
    if (char !== '1') break;
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

// ---------------------------------------------------------------------------------------------
// Contexts: pinned files only

/** @type {{ url: string, file: string, sha256: string, alternate?: boolean }[]} */
const contextIndex = JSON.parse(readFileSync(join(CONTEXTS, 'index.json'), 'utf8'));
/** @type {Map<string, unknown>} */
const contextCache = new Map();

/**
 * The pinned context at `url` (checked against its sha256); any other URL is an error, never a fetch.
 * @param {string} url
 * @returns {unknown}
 */
function pinnedContext(url) {
  if (contextCache.has(url)) return contextCache.get(url);
  const entry = contextIndex.find((candidate) => candidate.url === url && !candidate.alternate);
  if (!entry) throw new Error(`No pinned JSON-LD context for ${url} (test/conformance/contexts/index.json)`);
  const bytes = readFileSync(join(CONTEXTS, entry.file));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== entry.sha256) throw new Error(`${entry.file}: sha256 ${sha256} is not the pinned ${entry.sha256}`);
  const document = JSON.parse(bytes.toString('utf8'));
  contextCache.set(url, document);
  return document;
}

/** @param {string} url */
async function documentLoader(url) {
  return { contextUrl: null, documentUrl: url, document: pinnedContext(url) };
}

// ---------------------------------------------------------------------------------------------
// Transformations

/**
 * RDFC-1.0 canonical N-Quads, with JSON-LD safe mode: an undefined term is an error, not a silent drop.
 * @param {object} document
 * @returns {Promise<string>}
 */
export async function canonizeRdfc(document) {
  const dataset = await jsonld.toRDF(document, {
    base: null,
    safe: true,
    documentLoader,
    produceGeneralizedRdf: false,
    rdfDirection: 'i18n-datatype',
  });
  return rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads' });
}

// canonicalize's types describe a namespace; at run time its default export is the function.
const canonicalize = /** @type {(value: unknown) => string | undefined} */ (
  /** @type {unknown} */ (canonicalizeModule)
);

/** @param {unknown} value */
function jcs(value) {
  const text = canonicalize(value);
  if (typeof text !== 'string') throw new Error('JCS: value cannot be canonicalized');
  return text;
}

/** @typedef {'eddsa-rdfc-2022' | 'eddsa-jcs-2022'} Cryptosuite */
/** @typedef {(document: object) => Promise<string>} Transform canonical text of a document */

/** @type {Record<Cryptosuite, Transform>} */
const SUITES = {
  'eddsa-rdfc-2022': canonizeRdfc,
  'eddsa-jcs-2022': async (value) => jcs(value),
};

/** @param {string} text */
const sha256 = (text) => new Uint8Array(createHash('sha256').update(text, 'utf8').digest());

// ---------------------------------------------------------------------------------------------
// Signing

/**
 * Adds a `DataIntegrityProof` to `document` (which must carry no proof yet) and returns the secured
 * copy. `privateKey` is an Ed25519 `CryptoKey` usable for `sign`.
 * @template {Record<string, unknown>} T
 * @param {T} document
 * @param {{
 *   cryptosuite: string,
 *   verificationMethod: string,
 *   created: string,
 *   privateKey: CryptoKey,
 *   proofPurpose?: string,
 *   challenge?: string,
 *   domain?: string,
 * }} options
 * @returns {Promise<T & { proof: Record<string, string> & { proofValue: string } }>}
 */
export async function signDataIntegrity(
  document,
  { cryptosuite, verificationMethod, created, privateKey, proofPurpose = 'assertionMethod', challenge, domain },
) {
  const transform = SUITES[/** @type {Cryptosuite} */ (cryptosuite)];
  if (!transform) throw new Error(`Unsupported cryptosuite ${cryptosuite}`);
  if (document.proof !== undefined) throw new Error('The document already carries a proof');
  // A presentation is signed for `authentication`, with the verifier's challenge and domain.
  const options = {
    type: 'DataIntegrityProof',
    cryptosuite,
    created,
    verificationMethod,
    proofPurpose,
    ...(challenge !== undefined ? { challenge } : {}),
    ...(domain !== undefined ? { domain } : {}),
  };
  return {
    ...document,
    proof: { ...options, proofValue: await proofValueOf(document, options, transform, privateKey) },
  };
}

/**
 * @param {Record<string, unknown>} unsecured
 * @param {Record<string, string>} options
 * @param {Transform} transform
 * @param {CryptoKey} privateKey
 */
async function proofValueOf(unsecured, options, transform, privateKey) {
  const proofConfig = { ...options, ...(unsecured['@context'] ? { '@context': unsecured['@context'] } : {}) };
  const [canonicalProof, canonicalDocument] = await Promise.all([transform(proofConfig), transform(unsecured)]);
  const hashData = new Uint8Array(64);
  hashData.set(sha256(canonicalProof), 0);
  hashData.set(sha256(canonicalDocument), 32);
  const signature = new Uint8Array(await webcrypto.subtle.sign({ name: 'Ed25519' }, privateKey, hashData));
  return `z${base58btc(signature)}`;
}

// ---------------------------------------------------------------------------------------------
// Self-test against the specification's vectors

/** @param {Uint8Array} bytes */
const b64url = (bytes) => Buffer.from(bytes).toString('base64url');

/**
 * Signs the W3C vc-di-eddsa test vector document with the specification's key pair and proof
 * options, for both cryptosuites, and throws unless the proofValue is byte-for-byte the published one.
 * Ed25519 is deterministic, so equality proves the transformation, hashing and encoding match.
 */
export async function selfTest() {
  /** @param {string} name */
  const read = (name) => readFileSync(join(VECTORS, name), 'utf8');
  const keyPair = JSON.parse(read('keyPair.json'));
  const secret = fromBase58btc(keyPair.privateKeyMultibase.slice(1));
  const publicKey = fromBase58btc(keyPair.publicKeyMultibase.slice(1));
  if (secret[0] !== 0x80 || secret[1] !== 0x26 || publicKey[0] !== 0xed || publicKey[1] !== 0x01) {
    throw new Error('self-test: unexpected multicodec prefixes in keyPair.json');
  }
  const privateKey = await webcrypto.subtle.importKey(
    'jwk',
    { kty: 'OKP', crv: 'Ed25519', d: b64url(secret.slice(2)), x: b64url(publicKey.slice(2)) },
    { name: 'Ed25519' },
    false,
    ['sign'],
  );
  const unsigned = JSON.parse(read('unsigned.json'));
  /** @type {[string, string, string][]} */
  const vectors = [
    ['eddsa-rdfc-2022', 'eddsa-rdfc-2022__proofConfigDataInt.json', 'eddsa-rdfc-2022__sigBTC58DataInt.txt'],
    ['eddsa-jcs-2022', 'eddsa-jcs-2022__proofConfigJCS.json', 'eddsa-jcs-2022__sigBTC58JCS.txt'],
  ];
  for (const [cryptosuite, configFile, expectedFile] of vectors) {
    const { '@context': _context, ...config } = JSON.parse(read(configFile));
    const signed = await signDataIntegrity(unsigned, { ...config, cryptosuite, privateKey });
    const expected = read(expectedFile).trim();
    if (signed.proof.proofValue !== expected) {
      throw new Error(`self-test: ${cryptosuite} gives ${signed.proof.proofValue}, the specification ${expected}`);
    }
  }
}
