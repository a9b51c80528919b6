// Writes the test totals (and, under `wtr --coverage`, the line coverage) to .test-results/browser.json
// so `npm test` can print one summary line.
import { mkdirSync, writeFileSync } from 'node:fs';

/** @typedef {{ passed: number, failed: number, skipped: number, errors: number }} Totals */

/**
 * @param {import('@web/test-runner').TestSuiteResult} results
 * @param {Totals} totals
 */
function count(results, totals) {
  for (const test of results.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const suite of results.suites ?? []) count(suite, totals);
}

/**
 * The time a file's tests took, summed (ms).
 * @param {import('@web/test-runner').TestSuiteResult} results
 * @returns {number}
 */
function duration(results) {
  let ms = 0;
  for (const test of results.tests ?? []) ms += test.duration ?? 0;
  for (const suite of results.suites ?? []) ms += duration(suite);
  return ms;
}

/** @returns {import('@web/test-runner').Reporter} */
export function summaryFileReporter({ file = '.test-results/browser.json' } = {}) {
  return {
    onTestRunFinished({ sessions, testCoverage }) {
      const totals = { passed: 0, failed: 0, skipped: 0, errors: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load has no test results: count it as a failure, not as nothing.
        if (!session.passed && (!session.testResults || session.errors?.length)) totals.errors++;
      }
      mkdirSync('.test-results', { recursive: true });
      const coverage = testCoverage ? { lines: testCoverage.summary.lines.pct } : undefined;
      // The slowest files, to know where a long run goes (not a test: timings belong to npm run bench).
      const slowest = sessions
        .map((session) => ({
          file: session.testFile,
          ms: Math.round(session.testResults ? duration(session.testResults) : 0),
        }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 12);
      writeFileSync(file, JSON.stringify({ ...totals, coverage, slowest }));
    },
  };
}
