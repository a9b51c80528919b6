import type { VerificationResult } from '../../core/result.js';
import { resultToJson } from '../../core/result-json.js';
import type { FetchRecord } from '../../core/verify.js';
import type { InspectedInput, InspectionReport } from '../../events/inspected-event.js';

/**
 * The downloadable report: the verification result as `ob-verify --json` prints it, plus the
 * network log and what was inspected. Plain JSON, for a ticket, an audit trail or a diff.
 */
export interface ReportJson {
  /** What wrote it, so a reader knows which fields to expect. */
  readonly generator: 'openbadge-embed <ob-inspector>';
  readonly input: InspectedInput;
  readonly result: unknown;
  readonly network: readonly FetchRecord[];
}

/** The result as JSON, the same shape as the CLI's `--json` (`resultToJson` in the core). */
export const resultJsonOf: (result: VerificationResult) => unknown = resultToJson;

export function reportJsonOf(report: InspectionReport): ReportJson {
  return {
    generator: 'openbadge-embed <ob-inspector>',
    input: report.input,
    result: resultJsonOf(report.result),
    network: report.log,
  };
}

/** The report as the text of the downloaded file. */
export function reportText(report: InspectionReport): string {
  return `${JSON.stringify(reportJsonOf(report), null, 2)}\n`;
}

/** `badge-report-2026-06-01T14-03-00Z.json`: from the time it was checked, safe as a file name everywhere. */
export function reportFileName(result: VerificationResult): string {
  const at = Date.parse(result.checkedAt);
  const stamp = Number.isNaN(at)
    ? 'undated'
    : new Date(at)
        .toISOString()
        .replace(/\.\d+Z$/, 'Z')
        .replace(/:/g, '-');
  return `badge-report-${stamp}.json`;
}

/** Downloads the report as a JSON file, through a hidden link in `root` (the element's shadow root). */
export function downloadReport(root: Node, document: Document, report: InspectionReport): void {
  const url = URL.createObjectURL(new Blob([reportText(report)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = reportFileName(report.result);
  link.rel = 'noopener';
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  // Long enough for the browser to start the download; the blob is only the report.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
