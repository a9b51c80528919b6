/**
 * Extracts the credential baked into a badge image: a PNG iTXt chunk or an SVG element, for Open
 * Badges 2.0 (`openbadges`, <openbadges:assertion>) and 3.0 (`openbadgecredential`,
 * <openbadges:credential>). Images are hostile input: every failure is a coded BadgeError, and the
 * work is bounded by the byte length.
 */
import { Aborted, BadgeError, TooLarge, UnsupportedFormat } from '../errors.js';
import { ImageCorrupt } from '../errors-baked.js';
import { DEFAULT_MAX_BYTES } from '../fetcher.js';
import type { BakedCredential } from './baked-credential.js';
import { unbakePng } from './png.js';
import { unbakeSvg } from './svg.js';

export type { BakedCredential };

export interface UnbakeOptions {
  /** Largest image accepted, in bytes (default DEFAULT_MAX_BYTES); also bounds XML entity expansion in an SVG. */
  readonly maxBytes?: number;
  readonly signal?: AbortSignal;
}

/** The media type without parameters, lower-cased: `Image/SVG+XML; charset=utf-8` → `image/svg+xml`. */
function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Whether `contentType` names an image format badges are baked into (PNG or SVG). */
export function isBakedImageType(contentType: string): boolean {
  const type = mediaType(contentType);
  return type === 'image/png' || type === 'image/svg+xml';
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof BadgeError ? signal.reason : new Aborted();
}

/**
 * The credential baked into `bytes`. Rejects with ImageNotBaked (a valid image without one),
 * ImageCorrupt, ImageAmbiguous (more than one credential), TooLarge, UnsupportedFormat (not PNG or
 * SVG, a compressed chunk, a DTD it will not process) or Aborted; never with anything else.
 */
export async function unbake(
  bytes: Uint8Array,
  contentType: string,
  options: UnbakeOptions = {},
): Promise<BakedCredential> {
  const { signal } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  throwIfAborted(signal);
  if (bytes.byteLength > maxBytes) {
    throw new TooLarge(`The image is larger than ${maxBytes} bytes`, { details: { size: bytes.byteLength, maxBytes } });
  }
  const type = mediaType(contentType);
  let result: BakedCredential;
  try {
    if (type === 'image/png') result = unbakePng(bytes);
    else if (type === 'image/svg+xml') result = await unbakeSvg(bytes, maxBytes);
    else
      throw new UnsupportedFormat(`${type || 'This media type'} is not a baked badge image type`, {
        details: { contentType },
      });
  } catch (error) {
    if (error instanceof BadgeError) throw error;
    // A parser or engine limit this module did not foresee (a stack or memory limit on a strange
    // file): still the image's fault, reported as such rather than escaping as a TypeError.
    throw new ImageCorrupt('The image could not be read', {
      cause: error,
      details: { container: type === 'image/png' ? 'png' : 'svg', reason: 'unexpected', message: String(error) },
    });
  }
  throwIfAborted(signal);
  return result;
}
