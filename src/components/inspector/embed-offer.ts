import type { VerificationResult } from '../../core/result.js';
import type { FetchRecord, Verifier } from '../../core/verify.js';
import type { EmbedUnavailable } from '../../messages/inspector-messages.js';
import { text } from '../../render/untrusted.js';
import type { ObBadge } from '../badge/badge.js';
import {
  browserCouldFetch,
  contentOf,
  DEFAULT_SCRIPT_SRC,
  embedSnippet,
  previewElement,
  type EmbedContent,
} from './embed.js';
import { MAX_INPUT_BYTES, type Source } from './input-reading.js';

/** The snippet offered to the earner, or why there is none. */
export type Embed =
  { readonly content: EmbedContent; readonly snippet: string } | { readonly unavailable: EmbedUnavailable };

/**
 * What the earner can paste: the credential as they gave it (a baked image's payload, a file's
 * text, the pasted text), or the address when this browser could read it itself.
 */
export async function embedFor(
  source: Source,
  result: VerificationResult,
  log: readonly FetchRecord[],
  scriptSrc: string | undefined,
): Promise<Embed> {
  // An address this browser could not read would not work on the earner's page either.
  if (source.kind === 'url' && !browserCouldFetch(log, source.url)) return { unavailable: 'not-fetchable' };
  if (!result.badge) return { unavailable: 'unreadable' };
  let payload: string;
  if (source.kind === 'url') {
    return embedOf({ kind: 'src', url: source.url }, scriptSrc);
  } else if (source.kind === 'text') {
    payload = source.text;
  } else {
    const bytes = new Uint8Array(await source.file.arrayBuffer());
    const baked = result.bakedImage;
    if (baked?.contentType === 'image/png' || baked?.contentType === 'image/svg+xml') {
      // The verifier read it as a baked image: take out the same payload (the code is already loaded).
      const { unbake } = await import('../../core/baked/unbake.js');
      payload = (await unbake(bytes, baked.contentType, { maxBytes: MAX_INPUT_BYTES })).payload;
    } else {
      payload = new TextDecoder().decode(bytes);
    }
  }
  const content = contentOf(payload);
  if (!content) return { unavailable: 'no-credential' };
  if (content.kind === 'address') {
    return browserCouldFetch(log, content.url)
      ? embedOf({ kind: 'src', url: content.url }, scriptSrc)
      : { unavailable: 'not-fetchable' };
  }
  return embedOf(content, scriptSrc);
}

function embedOf(content: EmbedContent, scriptSrc: string | undefined): Embed {
  return { content, snippet: embedSnippet(content, text(scriptSrc)?.trim() ?? DEFAULT_SCRIPT_SRC) };
}

/** How the inspector verifies, for the preview to verify the same way. */
export interface PreviewOptions {
  readonly verifier: Verifier | undefined;
  readonly proxy: string | undefined;
  readonly now: Date | undefined;
  readonly headingLevel: number;
}

/** The live preview: the snippet's element, verified by the inspector's verifier when one was given. */
export function previewOf(document: Document, content: EmbedContent, options: PreviewOptions): HTMLElement {
  const badge = previewElement(document, content) as ObBadge;
  if (options.verifier) badge.verifier = options.verifier;
  else if (text(options.proxy)) badge.setAttribute('proxy', options.proxy!.trim());
  if (options.now) badge.now = options.now;
  badge.headingLevel = options.headingLevel;
  return badge;
}
