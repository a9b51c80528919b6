import { recipientStep } from '../checks/recipient-step.js';
import { statusStep } from '../checks/status.js';
import { checkValidityPeriod } from '../checks/validity-period.js';
import { bindKeyToIssuer } from '../checks/issuer.js';
import { MalformedInput, NotABadge, UnsupportedFormat } from '../errors.js';
import type { SigningKey } from '../keys/resolve-signing-key.js';
import { arrayOf, hasType, idOf, isObject, type JsonObject } from '../lib/json.js';
import { vcdmVersionOf } from '../lib/vcdm.js';
import type { FormatPlugin, ParsedBadge, Step } from '../plugin.js';
import { verifyProofSet, type EmbeddedProofOptions } from '../proofs/proof-set.js';
import { toBadgeView } from '../view.js';
import { jsonOfInput } from './input.js';
import { isCredential } from './ob3-json-detect.js';

/**
 * The JSON credential format proper, loaded with `import()` by its shell (`ob3-json.ts`) the
 * first time a JSON credential is parsed. The canonicalization machinery is loaded with
 * `import()` on the first proof checked.
 */

export interface ParsedJsonCredential extends ParsedBadge {
  readonly issuerId: string;
  readonly proofs: readonly JsonObject[];
  /** Filled in by the proof step; the issuer step reads it. One object per verification run. */
  readonly state: { key?: SigningKey };
}

function proofStep(options: EmbeddedProofOptions): Step<ParsedJsonCredential> {
  return {
    id: 'proof',
    async run(parsed, context) {
      const { outcome, key } = await verifyProofSet(
        {
          document: parsed.credential,
          proofs: parsed.proofs,
          signer: parsed.issuerId,
          purpose: 'assertionMethod',
          options,
        },
        context,
      );
      parsed.state.key = key;
      return outcome;
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
export function ob3JsonPlugin(options: EmbeddedProofOptions): FormatPlugin<ParsedJsonCredential> {
  return {
    format: 'ob3-json',
    detect: (input) => isCredential(jsonOfInput(input)),
    parse(input) {
      const credential = jsonOfInput(input);
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
