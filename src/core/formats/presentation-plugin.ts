import type { ProtectedHeaderParameters } from 'jose';
import { outcomeOf } from '../checks/outcome.js';
import { checkValidityPeriod } from '../checks/validity-period.js';
import { JoseHeaderInvalid, KeyUnresolvable, MalformedInput, NotABadge, UnsupportedFormat } from '../errors.js';
import {
  HolderMismatch,
  PresentationEmpty,
  PresentedUnverified,
  PresentationUnsigned,
} from '../errors-presentation.js';
import type { SigningKey } from '../keys/resolve-signing-key.js';
import { arrayOf, hasType, idOf, isObject, stringOf, type JsonObject } from '../lib/json.js';
import { vcdmVersionOf } from '../lib/vcdm.js';
import type { FormatPlugin, ParsedBadge, Step, StepOutcome } from '../plugin.js';
import { looksLikeCompactJws, readJwsHeader } from '../proofs/jws.js';
import { mediaTypeOf, decodePayload, verifyJwsProof, type JwsToken } from '../proofs/jws-proof.js';
import { verifyProofSet, type EmbeddedProofOptions } from '../proofs/proof-set.js';
import { toPresentationView } from '../view-presentation.js';
import { jsonOfInput } from './input.js';
import { compactTextOf } from './ob3-jwt.js';
import { isPresentationJsonInput, isPresentationJwtInput, looksLikePresentationJwt } from './presentation-detect.js';

/**
 * W3C Verifiable Presentations holding badges: JSON with a Data Integrity proof (proof purpose
 * `authentication`), VC-JWT 1.1 (`vp` claim) or VC-JOSE (`typ: vp+jwt`). The presentation's own
 * checks say who presented the credentials (its proof, and that the key is the holder's); each
 * credential inside is verified on its own (`result.nested`). Nobody can tell from a presentation
 * alone whether it was made for this verifier (no challenge was asked for here): that is noted,
 * not checked.
 */

export interface ParsedPresentation extends ParsedBadge {
  /** Who the presentation says presents it (`holder`, or the JWT `iss`). */
  readonly holder: string | undefined;
  readonly proofs: readonly JsonObject[];
  readonly jwt?: JwsToken;
  readonly state: { key?: SigningKey };
}

/** `vp+jwt` (VC-JOSE-COSE) and its drafts' names. */
const VP_JOSE_TYPES = new Set(['vp+jwt', 'vp+ld+jwt', 'vp+ld+json+jwt']);

/**
 * A credential inside must be something the formats can read: an object, a compact JWS (VC-JWT
 * 1.1), or an `EnvelopedVerifiableCredential` whose id is a `data:` URL (VCDM 2.0 §4.13). An
 * enveloped entry that is no `data:` URL is not a credential at all (W3C VC-JOSE test 16).
 */
function checkCredentialEntries(presentation: JsonObject): void {
  for (const [index, entry] of arrayOf(presentation['verifiableCredential']).entries()) {
    if (typeof entry === 'string' && looksLikeCompactJws(entry.trim())) continue;
    if (!isObject(entry)) {
      throw new MalformedInput(`verifiableCredential[${index}] is neither a credential nor a JWT`, {
        details: { field: `verifiableCredential[${index}]` },
      });
    }
    if (hasType(entry, 'EnvelopedVerifiableCredential') && !/^data:/i.test(stringOf(entry['id']) ?? '')) {
      throw new MalformedInput(`verifiableCredential[${index}] is enveloped, but its id is not a data: URL`, {
        details: { field: `verifiableCredential[${index}].id` },
      });
    }
  }
}

function requireVcdmContext(presentation: JsonObject): string {
  const vcdm = vcdmVersionOf(presentation);
  if (vcdm === undefined) {
    throw new MalformedInput('The presentation does not start with a VC Data Model context', {
      details: { field: '@context' },
    });
  }
  return vcdm;
}

/** The signer a proof names, when the presentation names no holder: the DID its key belongs to. */
function signerOf(parsed: ParsedPresentation): string | undefined {
  if (parsed.holder !== undefined) return parsed.holder;
  const method = stringOf(parsed.proofs[0]?.['verificationMethod']);
  return method?.split('#', 1)[0];
}

function jsonProofStep(options: EmbeddedProofOptions): Step<ParsedPresentation> {
  return {
    id: 'proof',
    async run(parsed, context): Promise<StepOutcome> {
      const count = arrayOf(parsed.credential['verifiableCredential']).length;
      if (parsed.proofs.length === 0) {
        return outcomeOf(
          new PresentationUnsigned(
            `Nobody signed this presentation: it is a container of ${count} credential${count === 1 ? '' : 's'}`,
            { details: { credentials: count } },
          ),
          'warning',
        );
      }
      const signer = signerOf(parsed);
      if (signer === undefined) throw new MalformedInput('The presentation names no holder and its proof no key');
      const { outcome, key } = await verifyProofSet(
        { document: parsed.credential, proofs: parsed.proofs, signer, purpose: 'authentication', options },
        context,
      );
      parsed.state.key = key;
      const proof = parsed.proofs[Number(outcome.details?.['proofIndex'] ?? 0)];
      return {
        ...outcome,
        details: {
          ...outcome.details,
          // Shown, not checked: this page asked for no challenge, so it cannot tell a replay.
          challenge: stringOf(proof?.['challenge']) ?? null,
          domain:
            stringOf(proof?.['domain']) ??
            (arrayOf(proof?.['domain']).find((d) => typeof d === 'string') as string | undefined) ??
            null,
        },
      };
    },
  };
}

const jwtProofStep: Step<ParsedPresentation> = {
  id: 'proof',
  async run(parsed, context) {
    if (parsed.holder === undefined) throw new MalformedInput('The presentation names no holder (holder or iss)');
    return verifyJwsProof(parsed.jwt!, parsed.holder, parsed.state, context, 'authentication');
  },
};

/**
 * Holder binding: the key that signed must be controlled by the holder the presentation names
 * (and a JWT's `iss` must be that holder). A presentation naming no holder binds nobody: said so.
 */
const holderStep: Step<ParsedPresentation> = {
  id: 'holder',
  requires: ['proof'],
  run(parsed) {
    const key = parsed.state.key!;
    const iss = parsed.jwt?.claims['iss'];
    const details = { holder: parsed.holder ?? null, controller: key.controller ?? null, keyId: key.id ?? null };
    if (iss !== undefined && parsed.holder !== undefined && iss !== parsed.holder) {
      throw new HolderMismatch(`The token was issued by ${String(iss)}, the presentation names ${parsed.holder}`, {
        details: { ...details, iss: String(iss) },
      });
    }
    if (key.controller === undefined) {
      throw new KeyUnresolvable('Nothing shows who controls the key that signed this presentation', { details });
    }
    if (parsed.holder === undefined) {
      return {
        status: 'passed',
        message: `Presented by ${key.controller} (the presentation names no holder)`,
        details,
      };
    }
    if (key.controller !== parsed.holder) {
      throw new HolderMismatch(`Signed by ${key.controller}, not by the holder ${parsed.holder}`, { details });
    }
    return { status: 'passed', message: `Signed by its holder, ${parsed.holder}`, details };
  },
};

/** An entry of `verifiableCredential` that is itself a presentation: it presents, it issues nothing. */
function isPresentationEntry(entry: unknown): boolean {
  if (typeof entry === 'string') return looksLikePresentationJwt(entry.trim());
  if (hasType(entry, 'EnvelopedVerifiableCredential')) {
    // `data:application/vc+jwt,<token>`: what the envelope holds decides, not what it is called.
    const id = stringOf((entry as JsonObject)['id']) ?? '';
    const comma = id.indexOf(',');
    const payload = comma === -1 ? '' : id.slice(comma + 1).trim();
    return /^data:application\/vp\b/i.test(id) || looksLikePresentationJwt(payload);
  }
  return (
    hasType(entry, 'VerifiablePresentation') ||
    hasType(entry, 'EnvelopedVerifiablePresentation') ||
    (isObject(entry) && isObject(entry['vp']))
  );
}

/**
 * What the presentation presents, judged once each credential it carries has been verified on its
 * own (`result.nested`). A signature on a presentation says only who handed the credentials over,
 * so its verdict covers them: one that carries no credential (none at all, or only other
 * presentations) vouches for nothing (`ERR_OB_PRESENTATION_EMPTY`); one carrying a credential
 * that is not verified is not verified either, and one whose credentials could not all be checked
 * is status unknown (`ERR_OB_PRESENTED_UNVERIFIED`). Otherwise a holder could sign a forged
 * degree into a presentation and show "Verified" above it.
 */
const credentialsStep: Step<ParsedPresentation> = {
  id: 'credentials',
  after: 'nested',
  run(parsed, _context, nested) {
    const entries = arrayOf(parsed.credential['verifiableCredential']);
    const credentials = entries.filter((entry) => !isPresentationEntry(entry)).length;
    if (credentials === 0) {
      throw new PresentationEmpty(
        entries.length === 0
          ? 'The presentation carries no credential'
          : `The presentation carries ${entries.length} presentation${entries.length === 1 ? '' : 's'} and no credential`,
        { details: { credentials, entries: entries.length } },
      );
    }
    const carried = (nested ?? []).filter((item) => item.role === 'credential');
    const count = (verdict: string) => carried.filter((item) => item.result.verdict === verdict).length;
    const verified = count('verified');
    const details = { credentials, entries: entries.length, verified, unverified: count('unverified') };
    if (details.unverified > 0) {
      throw new PresentedUnverified(
        `${details.unverified} of the ${credentials} credentials the presentation carries ${details.unverified === 1 ? 'is' : 'are'} not verified`,
        { details },
      );
    }
    if (verified < credentials) {
      // Not checked (too deep, over the nested budget) or status unknown: nothing failed, nothing vouched.
      const error = new PresentedUnverified(
        `${credentials - verified} of the ${credentials} credentials the presentation carries could not be checked`,
        { details },
      );
      return outcomeOf(error, 'warning');
    }
    return {
      status: 'passed',
      message: `Carries ${credentials} credential${credentials === 1 ? '' : 's'}, each verified`,
      details,
    };
  },
};

const jwtValidityStep: Step<ParsedPresentation> = {
  id: 'validity',
  requires: ['proof'],
  run: (parsed, context) =>
    checkValidityPeriod(parsed.credential, context, parsed.jwt!.claims, { claimsMirrorCredential: false }),
};

/** A presentation as JSON, signed with an embedded Data Integrity proof, or unsigned. */
export function vpJsonPlugin(options: EmbeddedProofOptions = {}): FormatPlugin<ParsedPresentation> {
  return {
    format: 'vp-json',
    detect: isPresentationJsonInput,
    parse(input) {
      const presentation = jsonOfInput(input);
      if (!isObject(presentation) || !hasType(presentation, 'VerifiablePresentation')) {
        throw new NotABadge('The JSON is not a Verifiable Presentation');
      }
      const vcdm = requireVcdmContext(presentation);
      checkCredentialEntries(presentation);
      const proofs = arrayOf(presentation['proof']);
      if (!proofs.every(isObject))
        throw new MalformedInput('A proof is not an object', { details: { field: 'proof' } });
      if (proofs.length > 8) {
        throw new UnsupportedFormat('More proofs than this verifier will check', {
          details: { proofs: proofs.length },
        });
      }
      const holder = idOf(presentation['holder']);
      return {
        credential: presentation,
        holder,
        proofs,
        state: {},
        details: { securing: proofs.length > 0 ? 'data-integrity' : 'none', vcdm, holder: holder ?? null },
      };
    },
    steps: [jsonProofStep(options), holderStep, credentialsStep],
    view: (parsed) => toPresentationView(parsed.credential, parsed.holder),
  };
}

/** The presentation a JWT carries: VC-JWT 1.1 (`vp` claim, `iss` the holder) or VC-JOSE (`vp+jwt`, the payload itself). */
function presentationOfJwt(
  header: ProtectedHeaderParameters,
  claims: JsonObject,
): { presentation: JsonObject; securing: 'vp-jwt' | 'vp-jose' } {
  const typ = mediaTypeOf(header.typ);
  const cty = mediaTypeOf(header.cty);
  if (typ !== undefined && !VP_JOSE_TYPES.has(typ) && typ !== 'jwt') {
    throw new JoseHeaderInvalid(`Token type ${String(header.typ)} is not a presentation`, {
      details: { header: 'typ', value: String(header.typ) },
    });
  }
  if (cty !== undefined && cty !== 'vp' && !cty.startsWith('vp+')) {
    throw new JoseHeaderInvalid(`Content type ${String(header.cty)} is not a presentation`, {
      details: { header: 'cty', value: String(header.cty) },
    });
  }
  if (isObject(claims['vp']) && !(typ !== undefined && VP_JOSE_TYPES.has(typ))) {
    const vp = claims['vp'];
    const holder = idOf(vp['holder']) ?? stringOf(claims['iss']);
    return { presentation: holder && vp['holder'] === undefined ? { ...vp, holder } : vp, securing: 'vp-jwt' };
  }
  if ('vp' in claims || 'vc' in claims) {
    throw new MalformedInput('A vp+jwt payload is the presentation itself and must not carry vc or vp claims');
  }
  return { presentation: claims, securing: 'vp-jose' };
}

/** A presentation secured as a JWT. */
export function vpJwtPlugin(): FormatPlugin<ParsedPresentation> {
  return {
    format: 'vp-jwt',
    detect: isPresentationJwtInput,
    parse(input) {
      const jws = compactTextOf(input);
      if (!looksLikePresentationJwt(jws)) throw new NotABadge('Not a presentation JWT');
      // The header is vetted first: a hostile one fails with its own code whatever the payload holds.
      const header = readJwsHeader(jws);
      const claims = decodePayload(jws);
      const { presentation, securing } = presentationOfJwt(header, claims);
      if (!hasType(presentation, 'VerifiablePresentation')) {
        throw new NotABadge('The token does not carry a Verifiable Presentation');
      }
      checkCredentialEntries(presentation);
      const holder = idOf(presentation['holder']) ?? stringOf(claims['iss']);
      return {
        credential: presentation,
        holder,
        proofs: [],
        jwt: { jws, header, claims },
        state: {},
        details: { securing, alg: header.alg, typ: header.typ ?? null, holder: holder ?? null },
      };
    },
    steps: [jwtProofStep, holderStep, jwtValidityStep, credentialsStep],
    view: (parsed) => toPresentationView(parsed.credential, parsed.holder),
  };
}
