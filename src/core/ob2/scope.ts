import { OutsideIssuerScope } from '../errors.js';
import { arrayOf, isObject, type JsonObject } from '../lib/json.js';
import type { StepOutcome } from '../plugin.js';
import { isHttpUrl } from './documents.js';

/**
 * OB 2.0 hosted verification: "The Assertion id must be within the permitted scope for hosted
 * verification declared in issuer Profile" — its `verification.startsWith` prefixes, else its
 * `allowedOrigins` host names, else (no policy) the host of the issuer Profile's own `id`.
 * Origins are compared as host names, as `allowedOrigins` is defined (RFC 3986 reg-name).
 */

export type HostedScope = 'startsWith' | 'allowedOrigins' | 'issuer-origin' | 'unenforceable';

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function stringsOf(value: unknown): string[] {
  return arrayOf(value).filter((item): item is string => typeof item === 'string' && item.length > 0);
}

/**
 * Checks the assertion's `id`, and the URL that finally answered for it when a redirect moved it:
 * an open redirect on the issuer's site must not let another host serve "its" assertion.
 */
export function checkHostedScope(
  assertionId: string,
  finalUrl: string | undefined,
  profile: JsonObject,
  profileId: string,
  profileUrl?: string,
): StepOutcome {
  // A Profile whose id is not a web address (`urn:uuid:`) was still read from somewhere: that
  // address's host is its origin.
  const origin = isHttpUrl(profileId) ? profileId : profileUrl;
  const verification = isObject(profile['verification']) ? profile['verification'] : {};
  const startsWith = stringsOf(verification['startsWith']);
  const allowedOrigins = stringsOf(verification['allowedOrigins']).map((host) => host.toLowerCase());
  const base = { issuer: profileId, id: assertionId };

  if (startsWith.length === 0 && allowedOrigins.length === 0 && (origin === undefined || !isHttpUrl(origin))) {
    // An embedded `urn:uuid:` issuer has no origin to compare with: nothing to enforce, and the report says so.
    return {
      status: 'passed',
      message: `The issuer's id (${profileId}) is not a web address, so where its badges may be hosted cannot be checked`,
      details: { ...base, scope: 'unenforceable' satisfies HostedScope },
    };
  }
  const hosts =
    allowedOrigins.length > 0
      ? allowedOrigins
      : startsWith.length > 0
        ? startsWith.map(hostOf).filter((host): host is string => host !== undefined)
        : [hostOf(origin!)!];
  const scope: HostedScope =
    startsWith.length > 0 ? 'startsWith' : allowedOrigins.length > 0 ? 'allowedOrigins' : 'issuer-origin';
  const details = {
    ...base,
    scope,
    ...(startsWith.length > 0 ? { startsWith } : {}),
    ...(allowedOrigins.length > 0 ? { allowedOrigins } : {}),
    ...(finalUrl && finalUrl !== assertionId ? { finalUrl } : {}),
    ...(origin !== profileId && origin ? { profileUrl: origin } : {}),
  };

  const idHost = hostOf(assertionId);
  const inScope =
    (startsWith.length === 0 || startsWith.some((prefix) => assertionId.startsWith(prefix))) &&
    (allowedOrigins.length === 0 || (idHost !== undefined && allowedOrigins.includes(idHost))) &&
    (startsWith.length > 0 || allowedOrigins.length > 0 || idHost === hostOf(origin!));
  if (!inScope) {
    throw new OutsideIssuerScope(`The assertion ${assertionId} is outside where ${profileId} hosts its badges`, {
      details,
    });
  }
  const finalHost = finalUrl ? hostOf(finalUrl) : undefined;
  if (finalHost !== undefined && finalHost !== idHost && !hosts.includes(finalHost)) {
    throw new OutsideIssuerScope(
      `The assertion ${assertionId} was served by ${finalHost}, outside the issuer's hosts`,
      {
        details,
      },
    );
  }
  return { status: 'passed', message: `Hosted where ${profileId} hosts its badges`, details };
}
