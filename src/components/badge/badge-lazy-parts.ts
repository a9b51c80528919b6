import type { Check, NestedResult, VerificationResult } from '../../core/result.js';
import type { BadgeView } from '../../core/view.js';
import { areProblemMessagesReady, loadProblemMessages } from '../../messages/messages-base.js';
import { list } from '../../render/untrusted.js';
import { adoptOnce } from '../base/adopted-styles.js';
import type * as BakedImageModule from '../base/baked-image-url.js';
import { lazyModule } from '../base/lazy-module.js';
import type * as NearViewportModule from '../base/near-viewport.js';
import type { BadgeHost } from './badge-host.js';
import type { NestedRenderer } from './badge-nested.js';
import { trustOf } from './badge-parts.js';
import { renderChecks, type TrustParts } from './sections/checks.js';
import { checkContextOf, link, sectionHeading } from './sections/common.js';

/**
 * What `<ob-badge>` loads with `import()` only when a badge needs it, and draws once it has: the
 * nested parts, the trust lines, the baked image's URL, the wait for the viewport, the sentences
 * for problems. Until a part has loaded the rest of the card is drawn without it.
 */

/** Loaded with `import()` by the first `loading="lazy"` badge: most pages have none. */
export let nearViewport: typeof NearViewportModule | undefined;

export async function loadNearViewport(): Promise<typeof NearViewportModule | undefined> {
  // If it cannot be loaded, the badge is simply verified now.
  return (nearViewport ??= await import('../base/near-viewport.js').catch(() => undefined));
}

/**
 * What draws credentials inside credentials, loaded once, as Markdown is: only badges with nested
 * results, presentations and endorsements need it.
 */
export const nestedCards = lazyModule(() => import('./badge-nested.js'));

/** What draws who the issuer is, loaded once: only pages that name a trust list or set `check-domain` need it. */
export const trustLines = lazyModule(() => import('./badge-trust.js'));

/** Loaded with `import()` for the first badge that arrived as a baked image. */
let bakedModule: typeof BakedImageModule | undefined;

/** Makes the URL of the shown result's baked image, releasing the previous one when it changed. */
export function syncBaked(host: BadgeHost, result: VerificationResult | undefined): void {
  const image = host.isConnected ? result?.bakedImage : undefined;
  if (host._baked?.image === image) return;
  releaseBaked(host);
  // Without the helper (still loading, see `prepare`) the placeholder is drawn meanwhile.
  if (!image || !bakedModule) return;
  try {
    const made = bakedModule.bakedImageUrl(image);
    if (made) host._baked = { image, ...made };
  } catch {
    // No image rather than no badge: the placeholder is drawn.
  }
}

/** Revokes the baked image's URL (when it made one): the result changed, or the element left the page. */
export function releaseBaked(host: BadgeHost): void {
  if (host._baked?.revoke) URL.revokeObjectURL(host._baked.url);
  host._baked = undefined;
}

export function noop(): void {}

/**
 * Whether a result shows sentences for problems (a check that failed or could not be completed),
 * its own or a nested credential's: those sentences are loaded on demand (`loadProblemMessages`).
 */
export function hasProblems(result: Partial<VerificationResult> | undefined, depth = 0): boolean {
  const checks = list<Check>(result?.checks);
  if (checks.some((check) => check?.status !== 'passed' && check?.status !== 'skipped')) return true;
  const nested = depth < 4 ? list<NestedResult>(result?.nested) : [];
  return nested.some((item) => hasProblems(item?.result, depth + 1));
}

/**
 * Loads (once per page) what drawing `result` needs beyond the script-tag bundle: the sentences
 * for its problems, the helper that shows a baked image, what draws who the issuer is (when the
 * result has `trust`, or `trustAsked`: the run asked for it). `undefined` when nothing is missing,
 * else whether all of it loaded; never rejects (without them the card is still drawn: general
 * sentences, the placeholder image, no trust lines).
 */
export function prepare(result: VerificationResult | undefined, trustAsked = false): Promise<boolean> | undefined {
  const loads: Promise<unknown>[] = [];
  if (!areProblemMessagesReady() && hasProblems(result)) loads.push(loadProblemMessages());
  if (!trustLines.module && (trustAsked || trustOf(result))) loads.push(trustLines.load());
  if (!bakedModule && result?.bakedImage) {
    loads.push(import('../base/baked-image-url.js').then((module) => (bakedModule = module)));
  }
  return loads.length > 0
    ? Promise.all(loads).then(
        () => true,
        () => false,
      )
    : undefined;
}

/** What draws who the issuer is, with its strings, once it has loaded (see `trustLines`). */
export function trustParts(host: BadgeHost): TrustParts | undefined {
  const trustModule = trustLines.module;
  if (!trustModule) return undefined;
  adoptOnce(host.renderRoot as ShadowRoot, trustModule.trustStyles);
  return { module: trustModule, messages: trustModule.trustMessages(host.messages) };
}

/**
 * What draws the card's nested parts (credentials inside it, a presentation's holder, an
 * endorsement's statement), when it has any and the nested module has loaded. Until then they are
 * left out and `updated()` loads the module; the render after it draws them.
 */
export function nestedParts(host: BadgeHost, badge: BadgeView, result: VerificationResult): NestedRenderer | undefined {
  // A result has such parts when results are nested in it, or it is a presentation (a holder) or an endorsement.
  if (badge.spec !== 'vp' && badge.spec !== 'endorsement' && list(result.nested).length === 0) return undefined;
  const nestedModule = nestedCards.module;
  if (!nestedModule) {
    host._nestedWaiting = !host._shown.nestedFailed;
    return undefined;
  }
  adoptOnce(host.renderRoot as ShadowRoot, nestedModule.nestedStyles);
  return nestedModule.nestedRenderer(host, link, sectionHeading, checkContextOf, renderChecks);
}

/** Draws the next chunk of nested cards when the browser is idle (only the nested module makes cards wait). */
export function growNested(host: BadgeHost): void {
  const nestedModule = nestedCards.module;
  if (host._grow || !host.isConnected || !nestedModule) return;
  host._grow = nestedModule.growLater((more) => {
    host._grow = undefined;
    host._shown.nestedLimit += more;
    host.requestUpdate();
  });
}

export function stopGrowing(host: BadgeHost): void {
  host._grow?.cancel();
  host._grow = undefined;
}

/** Loads the nested module for the parts this render left out, then renders again (without them if it failed). */
export function loadNested(host: BadgeHost): void {
  host._nestedLoad ??= nestedCards
    .load()
    .then(
      () => undefined,
      () => {
        host._shown.nestedFailed = true;
      },
    )
    .then(() => {
      host._nestedLoad = undefined;
      host.requestUpdate();
    });
}
