import { html, nothing } from 'lit';
import type { BadgeView } from '../../../core/view.js';
import { displayId } from '../../../render/display-id.js';
import { safeImageUrl } from '../../../render/safe-url.js';
import { text } from '../../../render/untrusted.js';
import type { BadgeHost } from '../badge-host.js';
import { isolated } from '../badge-parts.js';
import { link, type Rendered } from './common.js';

/**
 * The issuer block. `known`: `false` when the badge is not verified (the issuer is then only a
 * claim: no link, no logo); else the trust list's entry for the issuer (`null`: not on it,
 * `undefined`: no list). The issuer's own name is labelled as its statement unless a trust list
 * gives the issuer that very name.
 */
export function renderIssuer(
  host: BadgeHost,
  badge: BadgeView,
  known: { name: string } | null | undefined | false,
): Rendered {
  const m = host._m;
  const issuer = badge.issuer ?? {};
  const id = text(issuer.id);
  // The identity a visitor compares: ASCII hosts, never cut (see displayId). Only a did:key or
  // did:jwk is shortened, in the middle, with the whole id as its title.
  const fullId = id ? displayId(id, Infinity) : undefined;
  const shortId = id ? displayId(id) : undefined;
  const ownName = text(issuer.name);
  const name = ownName ?? fullId;
  if (!name) return nothing;
  const idLine =
    ownName && shortId && shortId !== ownName
      ? html`<span class="issuer__id" title=${shortId === fullId ? nothing : fullId!}>${shortId}</span>`
      : nothing;
  if (known === false) {
    return html`<div part="issuer" class="issuer claimed">
      <div class="issuer__text">
        <span class="issuer__claim">${isolated((issuerName) => m.claimsFrom(issuerName), name)}</span>
        ${idLine}
      </div>
    </div>`;
  }
  const image = safeImageUrl(issuer.image?.url);
  return html`<div part="issuer" class="issuer">
    ${
      image && !host._brokenImages.has(image)
        ? html`<img
            class="issuer__image"
            src=${image}
            alt=${text(issuer.image?.alt) ?? m.issuerImage(name)}
            loading="lazy"
            decoding="async"
            referrerpolicy="no-referrer"
            @error=${host._onImageError}
          />`
        : nothing
    }
    <div class="issuer__text">
      <span class="label">${m.issuedBy}</span>
      ${link(host, issuer.url, name, 'issuer__name')}
      ${ownName && known?.name !== ownName ? html`<span class="issuer__stated">${m.issuerNameStated}</span>` : nothing}
      ${idLine}
    </div>
  </div>`;
}
