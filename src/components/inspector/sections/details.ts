import { html, nothing, type TemplateResult } from 'lit';
import { boundedJson } from '../../../core/lib/bounded-json.js';
import { formatDateTime } from '../../../messages/format-date.js';
import { displayId } from '../../../render/display-id.js';
import { clip } from '../../../render/untrusted.js';
import { formatNumber } from '../formatting.js';
import type { SectionContext } from './context.js';

/** Facts drawn per check detail list, and items per list inside it; the report has the rest. */
const MAX_DETAILS = 40;
const MAX_LIST_ITEMS = 20;
export const MAX_VALUE = 300;

/** Detail keys that hold dates and times. */
const DATE_KEYS = new Set(['validFrom', 'validUntil', 'now', 'checkedAt', 'listFetchedAt', 'issuedOn', 'created']);

/** Detail keys that hold identifiers or addresses: shown as `displayId` shows them (ASCII hosts, invisibles escaped). */
const ID_KEYS = new Set([
  'issuer',
  'controller',
  'owner',
  'keyId',
  'kid',
  'verificationMethod',
  'url',
  'finalUrl',
  'hostedUrl',
  'listIssuer',
  'listId',
  'did',
  'holder',
  'iss',
  'context',
  'id',
  'viaProxy',
]);

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line of JSON for a value shown cut short: a few levels and values, written without recursion on badge data. */
function compactJson(value: unknown): string {
  try {
    return JSON.stringify(boundedJson(value, 8, 2_000)) ?? '';
  } catch {
    return '';
  }
}

/** A check's facts as a definition list; objects inside it nest (two levels), the rest is cut short. */
export function renderDetails(
  context: SectionContext,
  details: unknown,
  depth: number,
): TemplateResult | typeof nothing {
  if (!isRecord(details)) return nothing;
  // `source: 'local'` is said by the sentence and by the `localDocuments` row.
  const entries = Object.entries(details).filter(
    ([key, value]) => value !== undefined && !(key === 'source' && value === 'local'),
  );
  if (entries.length === 0) return nothing;
  const m = context.messages;
  return html`<dl class="details">
      ${entries.slice(0, MAX_DETAILS).map(
        ([key, value]) =>
          html`<div class="details__row">
            <dt>${m.detailLabel(clip(key, 64))}</dt>
            <dd>${renderValue(context, key, value, depth)}</dd>
          </div>`,
      )}
    </dl>
    ${entries.length > MAX_DETAILS ? html`<p class="hint">${m.more(entries.length - MAX_DETAILS)}</p>` : nothing}`;
}

function renderValue(context: SectionContext, key: string, value: unknown, depth: number): unknown {
  const m = context.messages;
  if (value === null) return m.none;
  if (typeof value === 'boolean') return value ? m.yes : m.no;
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value, context.lang) : String(value);
  if (typeof value === 'string') return renderString(context, key, value);
  if (Array.isArray(value)) {
    if (value.length === 0) return m.none;
    // Deeper than the view nests: one line of JSON, like an object there (never a recursion a badge chooses the depth of).
    if (depth >= 2) return html`<code>${clip(compactJson(value), MAX_VALUE)}</code>`;
    const shown = value.slice(0, MAX_LIST_ITEMS);
    const more =
      value.length > MAX_LIST_ITEMS
        ? html` <span class="hint">${m.more(value.length - MAX_LIST_ITEMS)}</span>`
        : nothing;
    if (shown.every((item) => item === null || typeof item !== 'object')) {
      return html`${shown.map((item, i) => html`${i > 0 ? ', ' : ''}${renderValue(context, key, item, depth + 1)}`)}${more}`;
    }
    return html`<ol class="details__list">
        ${shown.map(
          (item) =>
            html`<li>
              ${
                isRecord(item) && depth < 2
                  ? renderDetails(context, item, depth + 1)
                  : renderValue(context, key, item, depth + 1)
              }
            </li>`,
        )}
      </ol>
      ${more}`;
  }
  if (isRecord(value)) {
    if (depth < 2) return renderDetails(context, value, depth + 1);
    return html`<code>${clip(compactJson(value), MAX_VALUE)}</code>`;
  }
  return clip(String(value), MAX_VALUE);
}

function renderString(context: SectionContext, key: string, value: string): unknown {
  if (key === 'keySource') return context.messages.keySource(clip(value, 64));
  if (DATE_KEYS.has(key) && !Number.isNaN(Date.parse(value))) {
    return html`<time datetime=${value}>${formatDateTime(value, context.lang)}</time>`;
  }
  if (ID_KEYS.has(key) || /^(?:https?:\/\/|did:|urn:)/i.test(value)) {
    const shown = displayId(value, MAX_VALUE) ?? clip(value, MAX_VALUE);
    return html`<code class="id" title=${shown === value ? nothing : clip(value, 2000)}>${shown}</code>`;
  }
  return html`<bdi>${clip(value, MAX_VALUE)}</bdi>`;
}
