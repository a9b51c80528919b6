// Issue 13's table, as one run of `npm run bench` measured it: each part of the bench records the
// rows it measured (against the peer or floor of the same run), and bench.js prints them together
// at the end, so the README's table is copied from one run, not assembled from several.

/**
 * One row of the table.
 * @typedef {{ row: string, measured: string, goal: string, met: boolean }} GoalRow
 */

/** @type {GoalRow[]} */
const rows = [];

/**
 * Records one row of the table: what was measured (with its peer or floor), the goal, met or not.
 * @param {string} row
 * @param {string} measured
 * @param {string} goal
 * @param {boolean} met
 */
export function recordGoal(row, measured, goal, met) {
  rows.push({ row, measured, goal, met });
}

/** Prints every recorded row; nothing when no part of the bench recorded one. */
export function printGoals() {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.row.length));
  const measuredWidth = Math.max(...rows.map((r) => r.measured.length));
  console.log('\nIssue 13 ("lean and fast"), every row of this run:');
  for (const r of rows) {
    console.log(
      `  ${r.row.padEnd(width)}  ${r.measured.padEnd(measuredWidth)}  goal ${r.goal.padEnd(10)} ${r.met ? 'met' : 'MISSED'}`,
    );
  }
}
