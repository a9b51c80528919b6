import { html, nothing, type TemplateResult } from 'lit';
import type { BadgeErrorCode } from '../../../core/errors.js';
import type { FetchRecord } from '../../../core/verify.js';
import type { InspectedInput, InspectionReport } from '../../../events/inspected-event.js';
import type { FetchKind } from '../../../messages/inspector-messages.js';
import { displayHost, type MessageContext } from '../../../messages/messages.js';
import { displayId } from '../../../render/display-id.js';
import { clip, text } from '../../../render/untrusted.js';
import { formatBytes, formatMs, messageContextOf } from '../formatting.js';
import { heading, type SectionContext } from './context.js';

/** Rows of the network log drawn; the downloaded report has all of them. */
const MAX_LOG_ROWS = 500;

/** What a logged document was, told from how it was asked for and its address. */
function fetchKindOf(record: FetchRecord, input: InspectedInput | undefined): FetchKind {
  if (input?.kind === 'url' && record.url === input.url) return 'badge';
  let path = '';
  try {
    path = new URL(record.url).pathname;
  } catch {
    // Not a URL (a DID): told by how it was asked for.
  }
  if (path.endsWith('/.well-known/did-configuration.json')) return 'did-configuration';
  if (path.endsWith('/did.json')) return 'did-document';
  if (/jwks/i.test(path)) return 'key-set';
  if (record.accept === 'badge') return 'credential';
  return record.accept === 'jwt' ? 'jwt' : 'json';
}

/** Every document the verifier fetched, in order, as a table. */
export function renderNetwork(context: SectionContext, report: InspectionReport, level: number): TemplateResult {
  const m = context.messages;
  const log = report.log;
  const columns = m.networkColumn;
  const messageContext = messageContextOf(report.result, context.lang);
  return html`<div part="network" class="network" role="group" aria-labelledby="network-title">
    ${heading('network-title', m.networkHeading(log.length), level)}
    ${
      log.length === 0
        ? html`<p class="note">${m.networkEmpty}</p>`
        : html`<div class="table-wrap" tabindex="0" role="group" aria-labelledby="network-title">
              <table>
                <caption>
                  ${m.networkCaption}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" class="num">${columns.index}</th>
                    <th scope="col">${columns.url}</th>
                    <th scope="col">${columns.kind}</th>
                    <th scope="col">${columns.outcome}</th>
                    <th scope="col">${columns.source}</th>
                    <th scope="col" class="num">${columns.size}</th>
                    <th scope="col" class="num">${columns.time}</th>
                  </tr>
                </thead>
                <tbody>
                  ${log
                    .slice(0, MAX_LOG_ROWS)
                    .map((record, index) => renderFetch(context, record, index, report, messageContext))}
                </tbody>
              </table>
            </div>
            ${log.length > MAX_LOG_ROWS ? html`<p class="hint">${m.more(log.length - MAX_LOG_ROWS)}</p>` : nothing}`
    }
  </div>`;
}

function renderFetch(
  context: SectionContext,
  record: FetchRecord,
  index: number,
  report: InspectionReport,
  messageContext: MessageContext,
): TemplateResult {
  const m = context.messages;
  const url = String(record.url);
  const shown = displayId(url, 120) ?? clip(url, 120);
  const finalUrl = text(record.finalUrl);
  const code = text(record.code);
  const sentence =
    record.ok || !code
      ? undefined
      : (m.fetchFailure(code) ??
        (code.startsWith('ERR_OB_') ? m.codeText(code as BadgeErrorCode, undefined, messageContext) : undefined));
  return html`<tr class=${record.ok ? '' : 'fetch--failed'}>
    <td class="num">${index + 1}</td>
    <td class="fetch__url">
      <code class="id" title=${shown === url ? nothing : clip(url, 2000)}>${shown}</code>
      ${
        finalUrl
          ? html`<span class="fetch__extra">${m.redirectedTo(displayId(finalUrl, 120) ?? clip(finalUrl, 120))}</span>`
          : nothing
      }
      ${
        record.viaProxy !== undefined
          ? html`<span class="fetch__extra">${m.viaProxyShort(displayHost(record.viaProxy))}</span>`
          : nothing
      }
    </td>
    <td>${m.fetchKind(fetchKindOf(record, report.input))}</td>
    <td>${m.fetchOutcome(record, sentence)}</td>
    <td>${m.fetchSource(record.source)}</td>
    <td class="num">${typeof record.bytes === 'number' ? formatBytes(record.bytes, context.lang) : '–'}</td>
    <td class="num">${typeof record.durationMs === 'number' ? formatMs(record.durationMs, context.lang) : '–'}</td>
  </tr>`;
}
