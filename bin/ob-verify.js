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
process.exitCode = await cli.run(process.argv.slice(2));
