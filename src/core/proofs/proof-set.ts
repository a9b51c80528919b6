import { BadgeError, isAbortError, ProofInvalid } from '../errors.js';
import type { CanonizeLimits } from '../jsonld/canonize.js';
import { isKnownContext, loadContext, type ExtraContexts } from '../jsonld/contexts.js';
import { resolveSigningKey, type SigningKey, type SigningKeyContext } from '../keys/resolve-signing-key.js';
import { decodeMultikey } from '../keys/verification-method.js';
import { arrayOf, type JsonObject } from '../lib/json.js';
import type { StepOutcome, VerifyContext } from '../plugin.js';
import { readProof, type ProofShape } from './data-integrity-suites.js';
import type * as DataIntegrity from './data-integrity.js';

/**
 * Checking the embedded Data Integrity proofs of a JSON document (a credential or a presentation):
 * a proof set where one valid proof by the expected signer suffices, proof dates, key
 * resolution, and the canonicalization machinery loaded with `import()` on first use.
 */

export interface EmbeddedProofOptions {
  /** Contexts to accept besides the bundled ones: URL → document. Never fetched. */
  readonly contexts?: ExtraContexts;
  /** Caps on what one document may cost to canonicalize. */
  readonly limits?: Partial<CanonizeLimits>;
}

export interface ProofSetRequest {
  readonly document: JsonObject;
  readonly proofs: readonly JsonObject[];
  /** Who should have signed: the credential's issuer, or the presentation's holder. */
  readonly signer: string;
  readonly purpose: 'assertionMethod' | 'authentication';
  readonly options: EmbeddedProofOptions;
}

/** A proof that did not verify, and why. */
interface ProofFailure {
  readonly index: number;
  readonly suite?: string;
  readonly error: BadgeError;
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
  signer: string,
  verificationMethod: string,
  purpose: 'assertionMethod' | 'authentication',
  context: SigningKeyContext,
): Promise<SigningKey> {
  try {
    return await resolveSigningKey({ issuer: signer, kid: verificationMethod, purpose }, context);
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

/** Asks for the bundled contexts a document names, so their chunks load while the key resolves. */
function preloadContexts(document: JsonObject, extra: ExtraContexts | undefined): void {
  for (const url of arrayOf(document['@context'])) {
    if (typeof url === 'string' && isKnownContext(url, extra)) loadContext(url, extra).catch(() => {});
  }
}

/**
 * The canonicalization machinery (jsonld, rdf-canonize: the Data Integrity chunk). The JSON format's
 * shell asks for it as soon as it loads its plug-in, so the three chunks arrive in two round trips
 * rather than one after the other; the proof step asks again (the same module, loaded once).
 */
export function loadDataIntegrity(): Promise<typeof DataIntegrity> {
  return import('./data-integrity.js');
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
  ERR_OB_KEY_UNREACHABLE: 2,
  ERR_OB_CRYPTOSUITE_UNSUPPORTED: 1,
};

/**
 * Verifies a proof set: any one valid proof made with the signer's key suffices; proofs are tried
 * in order and the first such one ends the search. A proof by someone else that verifies is kept
 * in case none of the signer's does, so the binding check can say whose key it was. Throws the most
 * telling failure when none verifies.
 */
export async function verifyProofSet(
  request: ProofSetRequest,
  context: VerifyContext,
): Promise<{ outcome: StepOutcome; key: SigningKey }> {
  const { document, proofs, signer, purpose, options } = request;
  const failures: ProofFailure[] = [];
  // Start loading the canonicalization code and the contexts this document names now, in
  // parallel with each other and with key resolution, rather than one round trip after another.
  const machinery = loadDataIntegrity();
  preloadContexts(document, options.contexts);
  machinery.catch(() => {});
  let fallback: { key: SigningKey; outcome: StepOutcome } | undefined;
  for (const [index, proof] of proofs.entries()) {
    let shape: ProofShape | undefined;
    try {
      shape = readProof(proof, purpose);
      checkProofDates(shape, context);
      // Canonicalization needs the document and the proof, not the key: start it now, so a key
      // fetched over the network (did:web, an issuer's profile) and the first canonicalization on a
      // page (context processing included) overlap. Awaited only after the key, so a proof fails
      // for the same reason as before; a failure of a canonicalization never awaited is dropped.
      const checkedShape = shape;
      const forms = machinery.then(({ canonicalFormsOf }) =>
        canonicalFormsOf(document, proof, checkedShape, {
          signal: context.signal,
          contexts: options.contexts,
          limits: options.limits,
        }),
      );
      forms.catch(() => {});
      const key = await keyForProof(signer, shape.verificationMethod, purpose, {
        load: context.load,
        signal: context.signal,
        didResolvers: context.didResolvers,
      });
      const { verifyDataIntegrity } = await machinery;
      const timings = await verifyDataIntegrity({
        document,
        proof,
        shape,
        key: key.jwk,
        signal: context.signal,
        contexts: options.contexts,
        limits: options.limits,
        forms,
      });
      const outcome: StepOutcome = {
        status: 'passed',
        message: `Signature valid (${shape.suite.name})`,
        details: {
          cryptosuite: shape.suite.name,
          verificationMethod: shape.verificationMethod,
          keySource: key.source,
          proofs: proofs.length,
          proofIndex: index,
          timings,
        },
      };
      if (key.controller === signer) return { outcome, key };
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
  if (fallback) return fallback;
  // Every proof failed: report the most telling failure, naming how many proofs there were.
  const worst = failures.reduce((best, failure) =>
    (FAILURE_RANK[failure.error.code] ?? 0) > (FAILURE_RANK[best.error.code] ?? 0) ? failure : best,
  );
  const { error } = worst;
  throw new BadgeError(error.code, error.message, {
    cause: error,
    details: {
      ...error.details,
      proofs: proofs.length,
      proofIndex: worst.index,
      ...(worst.suite ? { cryptosuite: worst.suite } : {}),
    },
  });
}
