import type { JWK } from 'jose';
import { outcomeOf } from '../checks/outcome.js';
import { recipientStep } from '../checks/recipient-step.js';
import {
  BadgeError,
  CredentialRevoked,
  isAbortError,
  JoseAlgNotAllowed,
  KeyNotIssuers,
  KeyUnresolvable,
  MalformedInput,
  NotABadge,
  ProofInvalid,
  StatusUnavailable,
} from '../errors.js';
import { arrayOf, idOf, isObject, stringOf, type JsonObject } from '../lib/json.js';
import { isSameHost, webUrlOf } from '../lib/url.js';
import { displayText } from '../lib/text.js';
import {
  disclosingProxies,
  loadBadgeGraph,
  noteProxy,
  ob2ValidityStep,
  ob2ViewOf,
  webIssuerIdOf,
  type Ob2Graph,
  type Ob2State,
  type ParsedOb2,
} from '../ob2/badge-graph.js';
import { isUnreachable } from '../fetcher.js';
import { keyUnreachable } from '../keys/unreachable.js';
import {
  isHttpUrl,
  validateAssertion,
  validateCryptographicKey,
  validateRevocationList,
  verificationOf,
  verificationTypeOf,
} from '../ob2/documents.js';
import { jwsPayloadOf, looksLikeSignedOb2 } from '../ob2/detect.js';
import { textOfInput } from './input.js';
import { isSignedOb2Input } from './ob2-signed-detect.js';
import { guarded, loadLinked, loadNodeAt } from '../ob2/graph.js';
import type { FormatPlugin, Step, StepOutcome, VerifyContext } from '../plugin.js';
import { readJwsHeader, verifyCompactJws } from '../proofs/jws.js';
import { DEFAULT_LIST_MAX_AGE_MS } from '../status/status-list-fetch.js';

/**
 * Open Badges 2.0 signed assertions (§SignedBadge Verification): a compact JWS whose payload is
 * the Assertion. The key is a CryptographicKey (`publicKeyPem`) that the issuer Profile lists in
 * `publicKey` and that names the issuer as its `owner`; `verification.creator` picks one. A key
 * the Profile does not link is never trusted. Revocation is the Profile's `revocationList`.
 *
 * Everything in the payload was written by whoever signed it, so a key reference in it (the
 * `creator`, or a `publicKey` of a BadgeClass or Profile it embeds) is only a pointer: the key is
 * always the CryptographicKey fetched from that URL, never a key object written into the badge,
 * whatever its `id`, `owner` and PEM say. Only the issuer Profile read from its own address
 * supplies the list of keys and the revocation list, and the key must be on its host.
 */

/** The 2.0 specification names RSA-SHA256 only ("For compatibility purposes, using RSA-SHA256 is recommended"). */
const OB2_ALGORITHMS = ['RS256'] as const;

/** At most this many of the Profile's keys are tried when the assertion names none. */
const MAX_KEYS = 5;

interface Ob2Key {
  readonly id: string | undefined;
  readonly owner: string | undefined;
  readonly jwk: JWK;
  /** Where the key document was fetched from, and the URL that answered (never an embedded copy). */
  readonly url: string;
  readonly finalUrl: string | undefined;
}

export interface ParsedSignedAssertion extends ParsedOb2 {
  readonly jws: string;
  readonly alg: string;
  /** Set by the proof step: the key whose signature verified. */
  key?: Ob2Key;
}

/** What WebCrypto imports each allowed algorithm's keys as. */
const SPKI_ALGORITHMS: Readonly<Record<(typeof OB2_ALGORITHMS)[number], RsaHashedImportParams>> = {
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
};

/**
 * An SPKI PEM as a public JWK, by WebCrypto itself: it parses the DER and refuses anything that is
 * not a key of the algorithm's type. The PEM's armour and white space are dropped as `jose`'s
 * importSPKI did (which this replaces, so its ASN.1 code stays off every page).
 */
async function jwkOfSpkiPem(pem: string, alg: string): Promise<JWK> {
  const algorithm = Object.hasOwn(SPKI_ALGORITHMS, alg) ? SPKI_ALGORITHMS[alg as 'RS256'] : undefined;
  if (!algorithm) throw new TypeError(`${alg} keys are not read from PEM`);
  if (!pem.startsWith('-----BEGIN PUBLIC KEY-----')) throw new TypeError('Not an SPKI PEM');
  const der = Uint8Array.from(atob(pem.replace(/-----(?:BEGIN|END) PUBLIC KEY-----|\s/g, '')), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey('spki', der, algorithm, true, ['verify']);
  // Only the key's own members: WebCrypto adds its usage flags and algorithm, which say nothing about the issuer.
  const { kty, n, e } = await crypto.subtle.exportKey('jwk', key);
  return { kty, n, e };
}

/** The public key a CryptographicKey document publishes, as a JWK (RSA SPKI PEM, through WebCrypto). */
async function publicKeyOf(key: JsonObject, alg: string): Promise<JWK> {
  const pem = stringOf(key['publicKeyPem'])!;
  try {
    return await jwkOfSpkiPem(pem.replace(/\r\n/g, '\n').trim(), alg);
  } catch (cause) {
    throw new KeyUnresolvable(`The key ${stringOf(key['id']) ?? ''} is not a usable ${alg} public key`, {
      cause,
      details: { kid: stringOf(key['id']) ?? null, alg },
    });
  }
}

/**
 * The URL a key reference points to: an IRI, or an embedded key object's `id`. Nothing else an
 * embedded key says is read: its PEM and `owner` were written by whoever signed the badge.
 */
function keyUrlOf(reference: unknown): string {
  const id = isObject(reference) ? reference['id'] : reference;
  if (typeof id === 'string' && webUrlOf(id)) return id;
  throw new KeyUnresolvable(
    isObject(reference)
      ? 'The badge embeds a key with no web address to fetch it from; a key written into the badge is never used'
      : `The key ${typeof reference === 'string' ? reference : ''} is not at a web address`,
    { details: { kid: typeof id === 'string' ? id.slice(0, 500) : null, embedded: isObject(reference) } },
  );
}

const FAILURE_RANK: Readonly<Record<string, number>> = {
  // A key that could not be fetched may be the one that signed: nothing else decides then.
  ERR_OB_KEY_UNREACHABLE: 4,
  ERR_OB_SIGNATURE_INVALID: 3,
  ERR_OB_JOSE_ALG_NOT_ALLOWED: 2,
  ERR_OB_KEY_UNRESOLVABLE: 1,
};

const signatureStep: Step<ParsedSignedAssertion> = {
  id: 'proof',
  async run(parsed, context): Promise<StepOutcome> {
    const creator = verificationOf(parsed.state.assertion);
    const named = isObject(creator) ? creator['creator'] : undefined;
    // Which keys to try: the one the assertion names, else those its issuer Profile lists.
    let candidates: unknown[];
    if (named !== undefined) {
      candidates = [named];
    } else {
      const graph = await issuersGraph(parsed, context);
      webIssuerIdOf(graph);
      candidates = arrayOf(graph.issuer.node['publicKey']).slice(0, MAX_KEYS);
      if (candidates.length === 0) {
        throw new KeyUnresolvable(`The issuer ${graph.issuerId} publishes no public key`, {
          details: { issuer: graph.issuerId },
        });
      }
    }
    let worst: BadgeError | undefined;
    for (const candidate of candidates) {
      try {
        const url = keyUrlOf(candidate);
        const document = noteProxy(
          parsed.state,
          await guarded(() => loadNodeAt(url, { kind: 'CryptographicKey' }, context)),
        );
        validateCryptographicKey(document.node);
        const jwk = await publicKeyOf(document.node, parsed.alg);
        await verifyCompactJws(parsed.jws, parsed.alg, jwk);
        parsed.key = {
          id: stringOf(document.node['id']) ?? document.url,
          owner: idOf(document.node['owner']),
          jwk,
          url: document.url ?? url,
          finalUrl: document.finalUrl,
        };
        return {
          status: 'passed',
          message: `Signature valid (${parsed.alg})`,
          details: { alg: parsed.alg, keyId: parsed.key.id ?? null, keySource: 'ob2-profile' },
        };
      } catch (caught) {
        if (isAbortError(caught) || !(caught instanceof BadgeError)) throw caught;
        const error = isUnreachable(caught) ? keyUnreachable(caught, { kid: idOf(candidate) ?? null }) : caught;
        if (!worst || (FAILURE_RANK[error.code] ?? 0) > (FAILURE_RANK[worst.code] ?? 0)) worst = error;
      }
    }
    throw worst!;
  },
};

/** The badge's graph, whose issuer Profile lists the keys: one that could not be fetched is `ERR_OB_KEY_UNREACHABLE`. */
async function issuersGraph(parsed: ParsedSignedAssertion, context: VerifyContext): Promise<Ob2Graph> {
  try {
    return await loadBadgeGraph(parsed.state, context);
  } catch (error) {
    if (isUnreachable(error)) throw keyUnreachable(error);
    throw error;
  }
}

/**
 * The key that verified must be the issuer's: fetched from the issuer's host, its `owner` is the
 * issuer, and the issuer's Profile, as read from its own address, lists it.
 */
const keyOwnerStep: Step<ParsedSignedAssertion> = {
  id: 'issuer',
  requires: ['proof'],
  async run(parsed, context) {
    const graph = await issuersGraph(parsed, context);
    const issuerId = webIssuerIdOf(graph);
    const key = parsed.key!;
    const listed = arrayOf(graph.issuer.node['publicKey'])
      .map(idOf)
      .filter((id) => id !== undefined);
    const details = {
      issuer: issuerId,
      keyId: key.id ?? null,
      keyUrl: key.url,
      owner: key.owner ?? null,
      keySource: 'ob2-profile',
    };
    const issuerUrl = webUrlOf(issuerId);
    if (graph.issuer.url === undefined || !issuerUrl) {
      throw new KeyNotIssuers(`The issuer Profile ${issuerId} was not read from its own web address`, { details });
    }
    const offHost = [key.url, key.finalUrl, key.id].find((url) => {
      if (url === undefined || (url === key.id && !isHttpUrl(url))) return false;
      const parsedUrl = webUrlOf(url);
      return !parsedUrl || !isSameHost(parsedUrl, issuerUrl);
    });
    if (offHost !== undefined) {
      throw new KeyNotIssuers(
        `The key ${key.id ?? key.url} is at ${offHost}, not on the issuer's host ${issuerUrl.host}`,
        {
          details: { ...details, offHost },
        },
      );
    }
    if (key.owner !== issuerId && key.owner !== graph.issuer.url) {
      throw new KeyNotIssuers(`The key ${key.id ?? ''} belongs to ${key.owner ?? 'nobody named'}, not to ${issuerId}`, {
        details,
      });
    }
    if (!listed.includes(key.url) && (key.id === undefined || !listed.includes(key.id))) {
      throw new KeyNotIssuers(`The issuer ${issuerId} does not list the key ${key.id ?? ''} among its public keys`, {
        details: { ...details, listed: listed.slice(0, 10) },
      });
    }
    return { status: 'passed', message: `Signed by a key that belongs to ${issuerId}`, details };
  },
};

/** One `revokedAssertions` entry: an id string, or `{ id | uid, revocationReason }`. */
function revocationEntryFor(list: JsonObject, assertion: JsonObject): JsonObject | undefined {
  const id = stringOf(assertion['id']);
  const uid = stringOf(assertion['uid']);
  for (const entry of arrayOf(list['revokedAssertions']).slice(0, 100_000)) {
    if (typeof entry === 'string' && (entry === id || (uid !== undefined && entry === uid))) return {};
    if (isObject(entry) && ((id !== undefined && entry['id'] === id) || (uid !== undefined && entry['uid'] === uid))) {
      return entry;
    }
  }
  return undefined;
}

const revocationListStep: Step<ParsedSignedAssertion> = {
  id: 'status',
  requires: ['proof'],
  async run(parsed, context) {
    const assertion = parsed.state.assertion;
    if (assertion['revoked'] === true) {
      throw new CredentialRevoked('The signed assertion itself says it is revoked', {
        details: { method: 'assertion', revocationReason: displayText(assertion['revocationReason']) ?? null },
      });
    }
    const graph = await loadBadgeGraph(parsed.state, context);
    if (graph.issuer.url === undefined) {
      // An issuer Profile embedded in the payload is the signer's word: its list could say anything.
      return outcomeOf(
        new StatusUnavailable(`The issuer Profile ${graph.issuerId} was not read from its own address`, {
          details: { method: 'RevocationList', issuer: graph.issuerId },
        }),
        'warning',
      );
    }
    const listUrl = graph.issuer.node['revocationList'];
    if (listUrl === undefined) {
      return {
        status: 'passed',
        message: 'The issuer publishes no revocation list, so nothing can revoke this badge',
        details: { method: 'RevocationList', entries: 0 },
      };
    }
    const url = idOf(listUrl);
    let list: JsonObject;
    try {
      // Lists change: a copy is reused only as long as the status lists' own policy allows.
      const loaded = noteProxy(
        parsed.state,
        await loadLinked(listUrl, { kind: 'RevocationList', maxAgeMs: DEFAULT_LIST_MAX_AGE_MS }, context),
      );
      validateRevocationList(loaded.node);
      list = loaded.node;
    } catch (error) {
      if (isAbortError(error) || !(error instanceof BadgeError)) throw error;
      return outcomeOf(
        new StatusUnavailable(`The issuer's revocation list could not be read: ${error.message}`, {
          cause: error,
          details: { url: url ?? null, cause: error.code, unreachable: isUnreachable(error) },
        }),
        'warning',
      );
    }
    const entry = revocationEntryFor(list, assertion);
    if (entry) {
      const reason = displayText(entry['revocationReason']);
      throw new CredentialRevoked('The issuer\u2019s revocation list lists this assertion', {
        details: {
          method: 'RevocationList',
          url: url ?? null,
          ...(reason ? { revocationReason: reason.slice(0, 2000) } : {}),
        },
      });
    }
    return {
      status: 'passed',
      message: 'Not on the issuer\u2019s revocation list',
      details: { method: 'RevocationList', url: url ?? null },
    };
  },
};

/** Open Badges 2.0 assertions signed as a compact JWS. */
export function ob2SignedPlugin(): FormatPlugin<ParsedSignedAssertion> {
  return {
    format: 'ob2-signed',
    detect: isSignedOb2Input,
    parse(input) {
      const jws = textOfInput(input);
      if (!looksLikeSignedOb2(jws)) throw new NotABadge('Not an Open Badges 2.0 signed assertion');
      const header = readJwsHeader(jws);
      if (!(OB2_ALGORITHMS as readonly string[]).includes(header.alg)) {
        throw new JoseAlgNotAllowed(`Open Badges 2.0 signatures use RS256, not ${header.alg}`, {
          details: { alg: header.alg, allowed: OB2_ALGORITHMS },
        });
      }
      const assertion = jwsPayloadOf(jws);
      if (!isObject(assertion)) throw new MalformedInput('The signed payload is not a JSON object');
      validateAssertion(assertion);
      if (assertion['revoked'] !== true && verificationTypeOf(assertion) !== 'signed') {
        throw new ProofInvalid('The assertion arrived signed, but says it is verified by its hosted copy', {
          details: { verification: verificationTypeOf(assertion) ?? null },
        });
      }
      const state: Ob2State = { assertion };
      return {
        credential: assertion,
        jws,
        alg: header.alg,
        state,
        details: { verification: 'signed', alg: header.alg },
      };
    },
    steps: [signatureStep, keyOwnerStep, ob2ValidityStep, revocationListStep, recipientStep].map(disclosingProxies),
    view: (parsed) => ob2ViewOf(parsed.state),
  };
}
