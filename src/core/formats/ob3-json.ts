import { recipientStep } from '../checks/recipient.js';
import { statusStep } from '../checks/status.js';
import { checkValidityPeriod } from '../checks/validity-period.js';
import { bindKeyToIssuer } from '../checks/issuer.js';
import { BadgeError, isAbortError, MalformedInput, NotABadge, ProofInvalid, UnsupportedFormat } from '../errors.js';
import { isKnownContext, loadContext, type ExtraContexts } from '../jsonld/contexts.js';
import type { CanonizeLimits } from '../jsonld/canonize.js';
import { resolveSigningKey, type SigningKey, type SigningKeyContext } from '../keys/resolve-signing-key.js';
import { decodeMultikey } from '../keys/verification-method.js';
import { arrayOf, hasType, idOf, isObject, type JsonObject } from '../lib/json.js';
import { vcdmVersionOf } from '../lib/vcdm.js';
import type { FormatPlugin, ParsedBadge, RawInput, Step, StepOutcome, VerifyContext } from '../plugin.js';
import { readProof, type ProofShape } from '../proofs/data-integrity-suites.js';
import { toBadgeView } from '../view.js';

/**
 * Open Badges 3.0 (and any W3C Verifiable Credential, VCDM 1.1 or 2.0) as JSON with embedded
 * Data Integrity proofs: `eddsa-rdfc-2022` (and its draft name `eddsa-2022`), `eddsa-jcs-2022`,
 * `ecdsa-rdfc-2019`, `ecdsa-jcs-2019`, `Ed25519Signature2020`; proof sets and chains.
 * The canonicalization machinery is loaded with `import()` on the first proof checked.
 */

export interface Ob3JsonOptions {
  /** Contexts to accept besides the bundled ones: URL → document. Never fetched. */
  readonly contexts?: ExtraContexts;
  /** Caps on what one credential may cost to canonicalize. */
  readonly limits?: Partial<CanonizeLimits>;
}

/** A proof that did not verify, and why. */
interface ProofFailure {
  readonly index: number;
  readonly suite?: string;
  readonly error: BadgeError;
}

export interface ParsedJsonCredential extends ParsedBadge {
  readonly issuerId: string;
  readonly proofs: readonly JsonObject[];
  /** Filled in by the proof step; the issuer step reads it. One object per verification run. */
  readonly state: { key?: SigningKey };
}

function jsonValueOf(input: RawInput): unknown {
  return input.kind === 'json' ? input.value : undefined;
}

function isCredential(value: unknown): value is JsonObject {
  return isObject(value) && hasType(value, 'VerifiableCredential') && !hasType(value, 'VerifiablePresentation');
}

/** The proof's time bounds (VC DI §4.3: `created` not in the future, `expires` not past), with the verifier's tolerance. */
function checkProofDates(shape: ProofShape, context: VerifyContext): void {
  const tolerance = context.clockToleranceSeconds * 1000;
  const now = context.now.getTime();
  if (shape.created && shape.created.getTime() - tolerance > now) {
    throw new ProofInvalid(`The proof was created in the future (${shape.created.toISOString()})`, {
      details: { created: shape.created.toISOString(), now: context.now.toISOString() },
    });
  }
  if (shape.expires && shape.expires.getTime() + tolerance < now) {
    throw new ProofInvalid(`The proof expired on ${shape.expires.toISOString()}`, {
      details: { expires: shape.expires.toISOString(), now: context.now.toISOString() },
    });
  }
}

/**
 * The key a proof names. When its verification method cannot be resolved but ends in a Multikey
 * fragment (`https://issuer.example/issuers/1#z6Mk…`, common in 1EdTech examples), that key is
 * used to check the signature only: it has no controller, so the issuer check then fails with
 * "not shown to be the issuer's key". A tampered badge still reads as tampered, never as verified.
 */
async function keyForProof(
  issuer: string,
  verificationMethod: string,
  context: SigningKeyContext,
): Promise<SigningKey> {
  try {
    return await resolveSigningKey({ issuer, kid: verificationMethod, purpose: 'assertionMethod' }, context);
  } catch (error) {
    if (!(error instanceof BadgeError) || error.code !== 'ERR_OB_KEY_UNRESOLVABLE') throw error;
    const fragment = verificationMethod.includes('#')
      ? verificationMethod.slice(verificationMethod.indexOf('#') + 1)
      : '';
    const decoded = fragment.startsWith('z') ? decodeMultikey(fragment) : undefined;
    if (!decoded?.ok) throw error;
    return { jwk: decoded.jwk, id: verificationMethod, source: 'multikey-fragment' };
  }
}

/** Asks for the bundled contexts a credential names, so their chunks load while the key resolves. */
function preloadContexts(credential: JsonObject, extra: ExtraContexts | undefined): void {
  for (const url of arrayOf(credential['@context'])) {
    if (typeof url === 'string' && isKnownContext(url, extra)) loadContext(url, extra).catch(() => {});
  }
}

/** How decisive a failure is when several proofs all fail: the one that says most about the badge is shown. */
const FAILURE_RANK: Readonly<Record<string, number>> = {
  ERR_OB_SIGNATURE_INVALID: 6,
  ERR_OB_JSONLD_UNSAFE: 5,
  ERR_OB_CONTEXT_UNKNOWN: 5,
  ERR_OB_JSONLD_LIMIT: 5,
  ERR_OB_PROOF_INVALID: 4,
  ERR_OB_KEY_NOT_ISSUERS: 3,
  ERR_OB_KEY_UNRESOLVABLE: 2,
  ERR_OB_CRYPTOSUITE_UNSUPPORTED: 1,
};

function proofStep(options: Ob3JsonOptions): Step<ParsedJsonCredential> {
  return {
    id: 'proof',
    async run(parsed, context) {
      const failures: ProofFailure[] = [];
      // Start loading the canonicalization code and the contexts this credential names now, in
      // parallel with each other and with key resolution, rather than one round trip after another.
      const machinery = import('../proofs/data-integrity.js');
      preloadContexts(parsed.credential, options.contexts);
      machinery.catch(() => {});
      // A proof set: any one valid proof made with the issuer's key suffices; proofs are tried in
      // order and the first such one ends the search. A proof by someone else that verifies is
      // kept in case none of the issuer's does, so the issuer check can say whose key it was.
      let fallback: { key: SigningKey; outcome: StepOutcome } | undefined;
      for (const [index, proof] of parsed.proofs.entries()) {
        let shape: ProofShape | undefined;
        try {
          shape = readProof(proof);
          checkProofDates(shape, context);
          const key = await keyForProof(parsed.issuerId, shape.verificationMethod, {
            load: context.load,
            signal: context.signal,
            didResolvers: context.didResolvers,
          });
          const { verifyDataIntegrity } = await machinery;
          const timings = await verifyDataIntegrity({
            document: parsed.credential,
            proof,
            shape,
            key: key.jwk,
            signal: context.signal,
            contexts: options.contexts,
            limits: options.limits,
          });
          const outcome: StepOutcome = {
            status: 'passed',
            message: `Signature valid (${shape.suite.name})`,
            details: {
              cryptosuite: shape.suite.name,
              verificationMethod: shape.verificationMethod,
              keySource: key.source,
              proofs: parsed.proofs.length,
              proofIndex: index,
              timings,
            },
          };
          if (key.controller === parsed.issuerId) {
            parsed.state.key = key;
            return outcome;
          }
          fallback ??= { key, outcome };
        } catch (error) {
          if (isAbortError(error)) throw error;
          const badgeError =
            error instanceof BadgeError
              ? error
              : new ProofInvalid(`The proof could not be checked: ${String(error)}`, { cause: error });
          failures.push({ index, ...(shape ? { suite: shape.suite.name } : {}), error: badgeError });
        }
      }
      if (fallback) {
        parsed.state.key = fallback.key;
        return fallback.outcome;
      }
      // Every proof failed: report the most telling failure, naming how many proofs there were.
      const worst = failures.reduce((best, failure) =>
        (FAILURE_RANK[failure.error.code] ?? 0) > (FAILURE_RANK[best.error.code] ?? 0) ? failure : best,
      );
      const { error } = worst;
      throw new BadgeError(error.code, error.message, {
        cause: error,
        details: {
          ...error.details,
          proofs: parsed.proofs.length,
          proofIndex: worst.index,
          ...(worst.suite ? { cryptosuite: worst.suite } : {}),
        },
      });
    },
  };
}

const issuerStep: Step<ParsedJsonCredential> = {
  id: 'issuer',
  requires: ['proof'],
  run: (parsed) => bindKeyToIssuer(parsed.state.key!, parsed.issuerId),
};

const validityStep: Step<ParsedJsonCredential> = {
  id: 'validity',
  requires: ['proof'],
  run: (parsed, context) => checkValidityPeriod(parsed.credential, context),
};

/** A list credential says what it is twice (credential and subject type); the two must agree. */
const LIST_TYPES: readonly (readonly [string, string])[] = [
  ['BitstringStatusListCredential', 'BitstringStatusList'],
  ['StatusList2021Credential', 'StatusList2021'],
];

function checkStatusListTypes(credential: JsonObject): void {
  for (const [credentialType, subjectType] of LIST_TYPES) {
    const subjectSays = arrayOf(credential['credentialSubject']).some((subject) => hasType(subject, subjectType));
    if (subjectSays !== hasType(credential, credentialType)) {
      throw new MalformedInput(`A ${subjectType} must be carried by a ${credentialType}, and only by one`, {
        details: { type: credentialType },
      });
    }
  }
}

/** Open Badges 3.0 / any VC as JSON, secured with embedded Data Integrity proofs. */
export function ob3Json(options: Ob3JsonOptions = {}): FormatPlugin<ParsedJsonCredential> {
  return {
    format: 'ob3-json',
    detect: (input) => isCredential(jsonValueOf(input)),
    parse(input) {
      const credential = jsonValueOf(input);
      if (!isCredential(credential)) throw new NotABadge('The JSON is not a Verifiable Credential');
      const vcdm = vcdmVersionOf(credential);
      if (vcdm === undefined) {
        throw new MalformedInput('The credential does not start with a VC Data Model context', {
          details: { field: '@context' },
        });
      }
      checkStatusListTypes(credential);
      const issuerId = idOf(credential['issuer']);
      if (issuerId === undefined) {
        throw new MalformedInput('The credential names no issuer', { details: { field: 'issuer' } });
      }
      const proofs = arrayOf(credential['proof']);
      if (proofs.length === 0) {
        throw new MalformedInput('The credential carries no proof, so nothing vouches for it', {
          details: { field: 'proof' },
        });
      }
      if (!proofs.every(isObject))
        throw new MalformedInput('A proof is not an object', { details: { field: 'proof' } });
      if (proofs.length > 8) {
        throw new UnsupportedFormat('More proofs than this verifier will check', {
          details: { proofs: proofs.length, max: 8 },
        });
      }
      return {
        credential,
        issuerId,
        proofs,
        state: {},
        details: {
          securing: 'data-integrity',
          vcdm,
          credentialType: credential['type'] ?? null,
          proofTypes: proofs.map((proof) => proof['cryptosuite'] ?? proof['type'] ?? null),
        },
      };
    },
    steps: [proofStep(options), issuerStep, validityStep, statusStep, recipientStep],
    view: (parsed) => toBadgeView(parsed.credential, parsed.issuerId),
  };
}
