#!/usr/bin/env node
// ob-verify: verifies an Open Badge / Verifiable Credential from a terminal. See `ob-verify --help`.
let cli;
try {
  cli = await import('../dist/cli/ob-verify.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('ob-verify: dist/cli/ob-verify.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
try {
  process.exitCode = await cli.run(process.argv.slice(2));
} catch (error) {
  // A bug, not a verdict: never exit 1 ("not verified") or 2 ("usage") for it.
  process.stderr.write(`ob-verify: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = cli.EXIT_INTERNAL ?? 3;
}
