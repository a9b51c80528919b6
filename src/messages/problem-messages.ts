import type { BadgeErrorCode } from '../core/errors.js';
import type { Check } from '../core/result.js';
import type { CardMessages, MessageContext, MessageHelpers } from './message-types.js';

/**
 * What an error code means, in English: the sentences for checks that did not pass and for badges
 * that could not be read. Only badges with a problem need them, so `<ob-badge>` loads this module
 * with `import()` (`loadProblemMessages` in messages-base.ts) and the script-tag bundle stays
 * small; messages.ts imports it up front. It imports nothing at run time: the helpers that keep
 * badge-controlled details out of these sentences (see messages-base.ts) are passed in.
 */

/** OB 2.0 node types, as a visitor would name them (ERR_OB_SCHEMA_INVALID `details.node`). */
const NODES: Record<string, string> = {
  Assertion: 'The badge',
  BadgeClass: 'The badge class',
  Profile: 'The issuer’s profile',
  Issuer: 'The issuer’s profile',
  CryptographicKey: 'The issuer’s key',
  RevocationList: 'The issuer’s revocation list',
  IdentityObject: 'The badge’s recipient',
  VerificationObject: 'The badge’s verification information',
  Criteria: 'The badge’s criteria',
  Image: 'The badge image',
  Evidence: 'The evidence',
  AlignmentObject: 'A skill or standard',
};

/** What a code with no sentence here says: one from a newer core, read from a saved result. */
export const UNKNOWN_CODE_TEXT = 'The badge could not be checked';

/** What an error code means, on its own (`Messages.codeText` of `en`). */
export function codeText(
  { place, identifier, date, displayHost }: MessageHelpers,
  code: BadgeErrorCode,
  details: Readonly<Record<string, unknown>> | undefined,
  context: MessageContext,
): string {
  const d = details ?? {};
  const url = place(d['url']);
  const from = url ? ` from ${url}` : '';
  switch (code) {
    case 'ERR_OB_MALFORMED':
      return 'The badge data is damaged or incomplete';
    case 'ERR_OB_NOT_A_BADGE':
      return 'This is not a badge or credential';
    case 'ERR_OB_UNSUPPORTED':
      return 'This kind of badge is not supported';
    case 'ERR_OB_FETCH_FAILED':
      return `The badge could not be downloaded${from}`;
    case 'ERR_OB_FETCH_TIMEOUT':
      return `Downloading the badge took too long${from}`;
    case 'ERR_OB_TOO_LARGE':
      if (d['reason'] === 'elements' || d['reason'] === 'depth') return 'The image is too complex to read';
      return url ? `The document at ${url} is too large` : 'The badge, or a document it needs, is too large';
    case 'ERR_OB_FETCH_CONTENT_TYPE':
      return `The document${from} is not a badge (unexpected content type)`;
    case 'ERR_OB_FETCH_REFUSED':
      return url ? `Fetching ${url} is not allowed` : 'Fetching this address is not allowed';
    case 'ERR_OB_ABORTED':
      return 'Checking was stopped';
    case 'ERR_OB_JOSE_ALG_NOT_ALLOWED': {
      const alg = identifier(d['alg']);
      return alg
        ? `Signed with an algorithm that is not allowed (${alg})`
        : 'Signed with an algorithm that is not allowed';
    }
    case 'ERR_OB_JOSE_CRIT_UNSUPPORTED':
      return 'The signature requires an extension this page does not support';
    case 'ERR_OB_JOSE_HEADER_INVALID':
      return 'The signature header is invalid';
    case 'ERR_OB_KEY_UNRESOLVABLE': {
      const kid = place(d['kid']);
      return kid ? `The signing key ${kid} could not be found` : 'The signing key could not be found';
    }
    case 'ERR_OB_KEY_UNREACHABLE':
      // Not "not found": nobody answered, so nothing is known about the key (status unknown).
      return url ? `Could not reach the issuer’s keys (${url})` : 'Could not reach the issuer’s keys';
    case 'ERR_OB_KEY_NOT_ISSUERS': {
      const issuer = place(d['issuer']);
      return issuer ? `The signing key does not belong to ${issuer}` : 'The signing key does not belong to the issuer';
    }
    case 'ERR_OB_DID_INVALID':
      return 'The issuer’s identifier (DID) is malformed';
    case 'ERR_OB_DID_METHOD_UNSUPPORTED':
      return 'The issuer’s kind of identifier (DID method) is not supported';
    case 'ERR_OB_SIGNATURE_INVALID':
      return 'The signature does not match the content';
    case 'ERR_OB_ISSUER_MISMATCH':
      return 'The signature names a different issuer than the badge';
    case 'ERR_OB_CLAIM_MISMATCH':
      return 'The signed token contradicts the badge content';
    case 'ERR_OB_EXPIRED': {
      const until = date(d['validUntil'], context);
      return until ? `Expired on ${until}` : 'This badge has expired';
    }
    case 'ERR_OB_NOT_YET_VALID': {
      const from2 = date(d['validFrom'], context);
      return from2 ? `Not valid until ${from2}` : 'This badge is not valid yet';
    }
    case 'ERR_OB_REVOKED':
      return 'Revoked by the issuer';
    case 'ERR_OB_SUSPENDED':
      return 'Suspended by the issuer';
    case 'ERR_OB_STATUS_UNCHECKED': {
      // Name the list type, so an issuer can see why their badge reads "status unknown".
      const type = identifier(d['type']);
      return type
        ? `Revocation status could not be checked (${type} lists are not supported)`
        : 'Revocation status could not be checked';
    }
    case 'ERR_OB_STATUS_UNAVAILABLE':
      return d['unreachable'] === true
        ? 'Revocation status could not be checked (the issuer’s status list could not be reached)'
        : 'Revocation status could not be checked (the issuer’s status list could not be downloaded)';
    case 'ERR_OB_STATUS_TOO_MANY': {
      const count = typeof d['entries'] === 'number' ? d['entries'] : undefined;
      return count !== undefined
        ? `Revocation status was not checked (the badge names ${count} status lists; at most ${String(d['max'] ?? 4)} are checked)`
        : 'Revocation status was not checked (the badge names too many status lists)';
    }
    case 'ERR_OB_STATUS_LIST_INVALID':
      return `Revocation status could not be checked (${listProblem(d['reason'])})`;
    case 'ERR_OB_STATUS_INDEX_OUT_OF_RANGE':
      return 'The badge points outside the issuer’s status list';
    case 'ERR_OB_CONTEXT_UNKNOWN': {
      const context2 = place(d['context']);
      return context2
        ? `The badge uses a vocabulary this page does not know (${context2})`
        : 'The badge uses a vocabulary this page does not know';
    }
    case 'ERR_OB_JSONLD_UNSAFE': {
      const term = identifier(d['term']);
      // A rewritten form (ADR 0010): the data may be signed, but not where the checks would read it.
      if (d['rule'] !== undefined) {
        return term
          ? `The badge is written in a form that could hide what was signed (${term})`
          : 'The badge is written in a form that could hide what was signed';
      }
      return term
        ? `The badge contains data its signature cannot cover (${term})`
        : 'The badge contains data its signature cannot cover';
    }
    case 'ERR_OB_JSONLD_LIMIT':
      return 'The badge is too large or complex to check';
    case 'ERR_OB_PROOF_INVALID':
      return 'The signature is malformed or not meant for this use';
    case 'ERR_OB_CRYPTOSUITE_UNSUPPORTED': {
      const suite = identifier(d['cryptosuite']) ?? identifier(d['proofType']);
      return suite
        ? `Signed in a way this page does not support (${suite})`
        : 'Signed in a way this page does not support';
    }
    case 'ERR_OB_FETCH_CORS':
      // Neither forged nor verified: the browser was not allowed to read the issuer's answer.
      return url
        ? `The issuer’s server does not let browsers check this badge (${url})`
        : 'The issuer’s server does not let browsers check this badge';
    case 'ERR_OB_SCHEMA_INVALID': {
      const node = typeof d['node'] === 'string' && Object.hasOwn(NODES, d['node']) ? NODES[d['node']]! : undefined;
      const property = identifier(d['property']);
      if (property) return `${node ?? 'A badge document'} has no valid ${property}`;
      return node ? `${node} is incomplete or malformed` : 'The badge data is incomplete or malformed';
    }
    case 'ERR_OB_OUTSIDE_ISSUER_SCOPE': {
      // A redirect that ended elsewhere: the host that answered is the one to name.
      const at = displayHost(d['servedFrom']) ?? displayHost(d['id']);
      return at
        ? `Hosted at ${at}, not where its issuer says its badges are`
        : 'Not hosted where its issuer says its badges are';
    }
    case 'ERR_OB_IMAGE_NOT_BAKED':
      return 'This image carries no badge';
    case 'ERR_OB_IMAGE_CORRUPT':
      return 'The image file is damaged or incomplete';
    case 'ERR_OB_IMAGE_AMBIGUOUS':
      return 'The image carries more than one badge';
    case 'ERR_OB_RECIPIENT_MISMATCH':
      return 'Awarded to someone else';
    case 'ERR_OB_ENDORSEMENT_MISMATCH':
      return 'The endorsement is about something else';
    case 'ERR_OB_PRESENTATION_UNSIGNED':
      return 'Nobody signed this presentation: it only carries the credentials';
    case 'ERR_OB_HOLDER_MISMATCH': {
      const holder = place(d['holder']);
      return holder
        ? `The presentation was signed by someone other than its holder, ${holder}`
        : 'The presentation was signed by someone other than its holder';
    }
    case 'ERR_OB_NOT_A_CREDENTIAL':
      return d['reason'] === 'presentation'
        ? 'This is a presentation, not a credential from an issuer'
        : 'Nothing shows who issued this credential';
    case 'ERR_OB_PRESENTATION_EMPTY':
      return 'This presentation carries no credential';
    case 'ERR_OB_PRESENTED_UNVERIFIED': {
      const carried = typeof d['credentials'] === 'number' ? d['credentials'] : undefined;
      const verified = typeof d['verified'] === 'number' ? d['verified'] : undefined;
      return carried !== undefined && verified !== undefined
        ? `${verified} of the ${carried} credentials this presentation carries ${verified === 1 ? 'is' : 'are'} verified`
        : 'Not every credential this presentation carries is verified';
    }
    default: {
      // Every code has its sentence above (a new code is a compile error here); this answers only
      // a code from a newer core than these messages, read from a saved result.
      const unknown: never = code;
      void unknown;
      return UNKNOWN_CODE_TEXT;
    }
  }
}

/** Why a status list could not be used, from the `reason` the core gives; fixed text, never the value. */
function listProblem(reason: unknown): string {
  switch (reason) {
    case 'issuer':
      return 'the status list is not the issuer’s';
    case 'expired':
      return 'the issuer’s status list has expired';
    case 'not-yet-valid':
      return 'the issuer’s status list is not valid yet';
    case 'too-short':
      return 'the issuer’s status list is too short to protect holders’ privacy';
    case 'presentation':
    case 'not-a-credential':
      return 'the status list address answered with something other than the issuer’s signed list';
    case 'id':
      return 'the status list address answered with another list';
    case 'type':
    case 'purpose':
      return 'the status list is not of the kind the badge names';
    default:
      return 'the issuer’s status list could not be verified';
  }
}

/**
 * A recipient check that did not pass. Its codes are shared with other checks but mean something
 * else here: ERR_OB_MALFORMED is the page's declaration, not the badge, that could not be read.
 */
export function recipientProblem(messages: CardMessages, check: Check, context: MessageContext): string {
  switch (check.code) {
    case 'ERR_OB_RECIPIENT_MISMATCH':
      return messages.ownerRecipient('mismatch');
    case 'ERR_OB_MALFORMED':
      return 'This page names its owner in a form that cannot be checked';
    case 'ERR_OB_SCHEMA_INVALID':
      return 'The badge names no recipient to compare with the owner of this page';
    case 'ERR_OB_UNSUPPORTED':
      return messages.ownerRecipient('unchecked');
    default:
      return check.code ? messages.codeText(check.code, check.details, context) : messages.ownerRecipient('unchecked');
  }
}
