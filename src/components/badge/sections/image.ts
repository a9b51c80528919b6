import { html, type TemplateResult } from 'lit';
import type { BadgeView } from '../../../core/view.js';
import type { DisplayVerdict } from '../../../messages/messages-base.js';
import { safeImageUrl } from '../../../render/safe-url.js';
import { text } from '../../../render/untrusted.js';
import { icon } from '../../base/icons.js';
import type { BadgeHost } from '../badge-host.js';

/** The badge image: the baked image it came in, else the one its data points to, else a placeholder. */
export function renderImage(host: BadgeHost, badge: BadgeView | undefined, display: DisplayVerdict): TemplateResult {
  // A baked badge is shown as the image it came in, not as the image its data points to.
  const url = host._baked?.url ?? safeImageUrl(badge?.image?.url);
  if (badge && url && !host._brokenImages.has(url)) {
    const alt = text(badge.image?.alt) ?? host._m.badgeImage(text(badge.name) ?? '');
    return html`<img
      part="image"
      class="badge__image"
      src=${url}
      alt=${alt}
      loading="lazy"
      decoding="async"
      referrerpolicy="no-referrer"
      @error=${host._onImageError}
    />`;
  }
  return html`<div
    part="image"
    class="badge__image badge__image--placeholder ${display === 'loading' ? 'is-loading' : ''}"
  >
    ${icon(display === 'error' ? 'unverified' : 'medal', 'placeholder-icon')}
  </div>`;
}

/**
 * What an `<img>` of the card does when it fails to load (gone, not an image, blocked): its URL
 * joins `_brokenImages`, and the card draws the placeholder (a badge image) or leaves it out (an
 * issuer logo) rather than a broken-image icon.
 */
export function imageErrorHandler(host: { _brokenImages: ReadonlySet<string> }): (event: Event) => void {
  return (event) => {
    const url = (event.target as HTMLImageElement).getAttribute('src');
    if (url !== null && !host._brokenImages.has(url)) host._brokenImages = new Set([...host._brokenImages, url]);
  };
}
