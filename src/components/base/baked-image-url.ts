import type { BakedImage } from '../../core/result.js';

/*
 * Only badges that arrived as baked images need this, so <ob-badge> loads it with `import()`.
 */

/**
 * Where a baked image is shown from. A PNG becomes a blob URL of type `image/png` (revoked when no
 * longer shown). An SVG becomes a `data:` URL instead: both are script-free in an `<img>`, but a
 * blob URL is also a document of the page's own origin to anyone who opens it ("Open image in new
 * tab"), where a hostile SVG's scripts would run as the page; a `data:` document has no origin.
 */
export function bakedImageUrl(image: BakedImage): { url: string; revoke: boolean } | undefined {
  const bytes: unknown = image?.bytes;
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) return undefined;
  // The media type follows from the container the core parsed, never from a string beside it.
  if (image.container === 'png') {
    return {
      url: URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' })),
      revoke: true,
    };
  }
  if (image.container === 'svg') return { url: `data:image/svg+xml;base64,${base64Of(bytes)}`, revoke: false };
  return undefined;
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
