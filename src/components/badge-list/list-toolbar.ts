import { html, nothing, type TemplateResult } from 'lit';
import type { ListMessages } from '../../messages/list-messages.js';
import {
  CATEGORIES,
  optionsOf,
  SORT_KEYS,
  type FilterOption,
  type ListFilter,
  type ListViewState,
} from './list-state.js';
import type { Item } from './list-types.js';

/** Option labels are untrusted names: at most this many characters. */
const MAX_LABEL = 60;

function clipLabel(label: string): string {
  const chars = Array.from(label.replace(/\s+/gu, ' ').trim());
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : chars.join('');
}

/** What the toolbar's controls do: the view changes the element's `sort` and `filter`. */
export interface ToolbarHandlers {
  readonly onSort: (event: Event) => void;
  /** A filter select changed: its `data-filter` names the filter. */
  readonly onFilter: (event: Event) => void;
  readonly onClear: () => void;
}

/** The sort and filter controls, their choices drawn from the settled badges. */
export function renderToolbar(
  m: ListMessages,
  state: ListViewState,
  items: readonly Item[],
  filtering: boolean,
  on: ToolbarHandlers,
): TemplateResult {
  const facts = items.flatMap((item) => (item.facts ? [item.facts] : []));
  const options = optionsOf(facts);
  const categories = CATEGORIES.map((category) => ({ value: category, label: m.category(category) }));
  const filter = state.filter;
  const select = (
    key: keyof ListFilter,
    label: string,
    any: string,
    choices: readonly FilterOption[],
  ): TemplateResult => {
    const value = filter[key];
    // A value restored from the hash before any badge offers it is still shown as chosen.
    const all =
      value !== undefined && !choices.some((choice) => choice.value === value)
        ? [...choices, { value, label: value }]
        : choices;
    return html`<label part="control" class="control">
      <span>${label}</span>
      <select part="filter ${key}-filter" data-filter=${key} @change=${on.onFilter}>
        <option value="" .selected=${value === undefined}>${any}</option>
        ${all.map(
          (choice) =>
            html`<option value=${choice.value} .selected=${choice.value === value}>${clipLabel(choice.label)}</option>`,
        )}
      </select>
    </label>`;
  };
  return html`<div part="toolbar" class="toolbar" role="group" aria-label=${m.toolbarLabel}>
    <label part="control" class="control">
      <span>${m.sortLabel}</span>
      <select part="sort" @change=${on.onSort}>
        ${SORT_KEYS.map(
          (key) => html`<option value=${key} .selected=${key === state.sort}>${m.sortOption(key)}</option>`,
        )}
      </select>
    </label>
    ${select('issuer', m.issuerLabel, m.anyIssuer, options.issuers)}
    ${select('skill', m.skillLabel, m.anySkill, options.skills)}
    ${select('year', m.yearLabel, m.anyYear, options.years)}
    ${select('verdict', m.verdictLabel, m.anyVerdict, categories)}
    ${filtering ? html`<button part="clear" type="button" @click=${on.onClear}>${m.clearFilters}</button>` : nothing}
  </div>`;
}
