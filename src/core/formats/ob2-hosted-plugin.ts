import { outcomeOf } from '../checks/outcome.js';
import { recipientStep } from '../checks/recipient-step.js';
import { BadgeError, CredentialRevoked, FetchFailed, NotABadge, ProofInvalid, SchemaInvalid } from '../errors.js';
import { OutsideIssuerScope } from '../errors-ob2.js';
import { stringOf, type JsonObject } from '../lib/json.js';
import { webUrlOf } from '../lib/url.js';
import { displayText } from '../lib/text.js';
import { isUnreachable } from '../fetcher.js';
import type { FormatPlugin, Step, StepOutcome } from '../plugin.js';
import {
  disclosingProxies,
  isRevokedOnItsFace,
  noteProxy,
  loadBadgeGraph,
  ob2ValidityStep,
  ob2ViewOf,
  type Ob2State,
  type ParsedOb2,
} from '../ob2/badge-graph.js';
import { isHttpUrl, validateAssertion, verificationTypeOf } from '../ob2/documents.js';
import { looksLikeOb2Assertion } from '../ob2/detect.js';
import { loadNodeAt, type Ob2Node } from '../ob2/graph.js';
import { checkHostedScope } from '../ob2/scope.js';
import { jsonOfInput } from './input.js';
import { isHostedOb2Input } from './ob2-hosted-detect.js';

/**
 * Open Badges 2.0 hosted assertions (§HostedBadge Verification). The copy handed in only says
 * which URL to fetch; the copy the issuer's server returns there is the truth, and it is what is
 * checked and shown. A 410 Gone answer, or `revoked: true` in it, means revoked.
 */

export interface ParsedHostedAssertion extends ParsedOb2 {
  /** The assertion as handed in (or as first fetched), before the hosted copy is read. */
  readonly inHand: JsonObject;
  /** The URL the hosted copy lives at: the assertion's `id`. */
  readonly hostedUrl: string;
  /** When the input was itself fetched from `hostedUrl`, that answer (no second request). */
  readonly fetched?: Ob2Node;
}

/** A stable serialization for "did the hosted copy differ from the one handed in?". */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as JsonObject)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether two copies differ; a copy too deep to compare (a hostile paste) simply counts as different. */
function differs(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) !== canonicalJson(b);
  } catch {
    return true;
  }
}

const hostedCopyStep: Step<ParsedHostedAssertion> = {
  id: 'proof',
  async run(parsed, context) {
    if (!webUrlOf(parsed.hostedUrl)) {
      // `https://school.example@evil.test/…` is evil.test dressed as school.example: no request is made.
      throw new OutsideIssuerScope(
        `The assertion ${parsed.hostedUrl} names a user before its host; no issuer hosts one`,
        {
          details: { id: parsed.hostedUrl, scope: 'userinfo' },
        },
      );
    }
    let hosted: Ob2Node;
    try {
      hosted =
        parsed.fetched && parsed.fetched.url === parsed.hostedUrl
          ? parsed.fetched
          : await loadNodeAt(parsed.hostedUrl, { kind: 'Assertion', redirects: 'any', readGone: true }, context);
    } catch (error) {
      if (isUnreachable(error)) return outcomeOf(error, 'warning');
      if (error instanceof BadgeError && error.code === 'ERR_OB_FETCH_FAILED') {
        throw new FetchFailed(`The issuer's server has no assertion at ${parsed.hostedUrl}`, {
          cause: error,
          details: { ...error.details, url: parsed.hostedUrl },
        });
      }
      throw error;
    }
    const state = parsed.state;
    state.hosted = noteProxy(state, hosted);
    state.assertion = hosted.node;
    // A bare 410 has no body to validate: the host's answer is the whole fact.
    if (hosted.httpStatus !== 410 || hosted.node['@context'] !== undefined) validateAssertion(hosted.node);
    const hostedId = stringOf(hosted.node['id']);
    if (hostedId !== undefined && hostedId !== parsed.hostedUrl && hostedId !== hosted.url && !hosted.declaredId) {
      throw new SchemaInvalid(`The document at ${parsed.hostedUrl} is the assertion ${hostedId}`, {
        details: { node: 'Assertion', property: 'id', id: hostedId, url: parsed.hostedUrl },
      });
    }
    if (hosted.node['revoked'] !== true && hosted.httpStatus !== 410 && verificationTypeOf(hosted.node) !== 'hosted') {
      throw new ProofInvalid('The hosted assertion says it is verified by a signature, but arrived without one', {
        details: { verification: verificationTypeOf(hosted.node) ?? null, url: parsed.hostedUrl },
      });
    }
    return {
      status: 'passed',
      // A copy from the caller's documents map is not a server speaking: said as it is. Whose server
      // this is, the issuer check decides (its hosting policy): here it is only a host.
      message: hosted.given
        ? `Read from the file given for ${parsed.hostedUrl}`
        : `Fetched the hosted copy from ${new URL(hosted.finalUrl ?? parsed.hostedUrl).host}`,
      details: {
        verification: 'hosted',
        url: parsed.hostedUrl,
        ...(hosted.given ? { source: 'local' } : {}),
        ...(hosted.finalUrl && hosted.finalUrl !== parsed.hostedUrl ? { finalUrl: hosted.finalUrl } : {}),
        ...(hosted.httpStatus !== undefined ? { httpStatus: hosted.httpStatus } : {}),
        ...(hosted.declaredId ? { declaredId: hosted.declaredId } : {}),
        ...(differs(parsed.inHand, hosted.node) ? { differsFromInput: true } : {}),
      },
    };
  },
};

const scopeStep: Step<ParsedHostedAssertion> = {
  id: 'issuer',
  requires: ['proof'],
  async run(parsed, context): Promise<StepOutcome> {
    const state = parsed.state;
    if (isRevokedOnItsFace(state) && state.assertion['badge'] === undefined) {
      return {
        status: 'skipped',
        message: 'Not checked: the issuer has revoked this assertion',
        details: { revoked: true },
      };
    }
    let graph;
    try {
      graph = await loadBadgeGraph(state, context);
    } catch (error) {
      if (isUnreachable(error)) return outcomeOf(error, 'warning');
      throw error;
    }
    const assertionId = stringOf(state.assertion['id']) ?? parsed.hostedUrl;
    const outcome = checkHostedScope(
      { id: assertionId, fetchedFrom: state.hosted?.url, finalUrl: state.hosted?.finalUrl },
      graph.issuer.node,
      graph.issuerId,
      graph.issuer.url,
    );
    const aliases = [graph.badgeClass, graph.issuer]
      .filter((node) => node.declaredId !== undefined)
      .map((node) => ({ url: node.url, declaredId: node.declaredId }));
    return aliases.length > 0 ? { ...outcome, details: { ...outcome.details, declaredIds: aliases } } : outcome;
  },
};

const hostedStatusStep: Step<ParsedHostedAssertion> = {
  id: 'status',
  requires: ['proof'],
  run(parsed) {
    const state = parsed.state;
    // The hosted copy may come from a file given for its URL: then that file speaks, not the server.
    const given = state.hosted?.given === true;
    const who = given ? `The file given for ${parsed.hostedUrl}` : 'The issuer\u2019s server';
    if (isRevokedOnItsFace(state)) {
      const reason = displayText(state.assertion['revocationReason']);
      throw new CredentialRevoked(
        state.hosted?.httpStatus === 410
          ? `${who} says this assertion is gone (HTTP 410): revoked`
          : `${who} marks this assertion as revoked`,
        {
          details: {
            method: 'hosted',
            url: parsed.hostedUrl,
            ...(given ? { source: 'local', localDocuments: [parsed.hostedUrl] } : {}),
            ...(state.hosted?.httpStatus !== undefined ? { httpStatus: state.hosted.httpStatus } : {}),
            ...(reason ? { revocationReason: reason.slice(0, 2000) } : {}),
          },
        },
      );
    }
    return {
      status: 'passed',
      message: given
        ? `${who} gives this assertion as current`
        : 'The issuer\u2019s server serves this assertion as current',
      details: {
        method: 'hosted',
        url: parsed.hostedUrl,
        ...(given ? { source: 'local', localDocuments: [parsed.hostedUrl] } : {}),
      },
    };
  },
};

/** Open Badges 2.0 assertions verified by their hosted copy. */
export function ob2HostedPlugin(): FormatPlugin<ParsedHostedAssertion> {
  return {
    format: 'ob2-hosted',
    detect: isHostedOb2Input,
    parse(input) {
      const value = jsonOfInput(input);
      const source = input.kind === 'document' ? undefined : input.source;
      const httpStatus = input.kind === 'document' ? undefined : input.httpStatus;
      const inHand: JsonObject | undefined = looksLikeOb2Assertion(value)
        ? value
        : httpStatus === 410 && source
          ? { id: source, revoked: true }
          : undefined;
      if (!inHand) throw new NotABadge('The JSON is not an Open Badges 2.0 assertion');
      if (verificationTypeOf(inHand) === 'signed') {
        throw new ProofInvalid('This assertion is verified by its signature, but arrived as plain JSON without it', {
          details: { verification: 'signed' },
        });
      }
      if (inHand === value) validateAssertion(inHand);
      const hostedUrl = stringOf(inHand['id']);
      if (!isHttpUrl(hostedUrl)) {
        throw new SchemaInvalid('A hosted assertion\u2019s id must be the web address it is hosted at', {
          details: { node: 'Assertion', property: 'id', id: hostedUrl ?? null },
        });
      }
      const fetched: Ob2Node | undefined =
        source !== undefined && input.kind !== 'document'
          ? {
              node: inHand,
              url: source,
              ...(input.finalUrl ? { finalUrl: input.finalUrl } : {}),
              ...(httpStatus !== undefined ? { httpStatus } : {}),
              ...(input.given ? { given: true } : {}),
            }
          : undefined;
      const state: Ob2State = { assertion: inHand };
      return {
        get credential() {
          return state.assertion;
        },
        inHand,
        hostedUrl,
        ...(fetched ? { fetched } : {}),
        state,
        details: { verification: 'hosted', url: hostedUrl },
      };
    },
    steps: [hostedCopyStep, scopeStep, ob2ValidityStep, hostedStatusStep, recipientStep].map(disclosingProxies),
    view: (parsed) => ob2ViewOf(parsed.state, parsed.inHand),
  };
}
