// Tests of the package a user installs, run by Node's own runner against the build:
//   npm run build && node --test scripts/test-package.js
// `npm pack` makes the tarball; it is unpacked into a fresh project as `npm install` would, its
// dependencies taken from this repository's node_modules (the versions package-lock.json pins), so
// no test touches the network. Then, as an adopter would: every entry imports on a server (no DOM),
// the core verifies a badge there, and a strict TypeScript project (skipLibCheck off, no
// @types/node) compiles against the package's types with no error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'test/fixtures');

if (!existsSync(join(ROOT, 'dist/index.js'))) {
  throw new Error('dist/ is missing: run `npm run build` before these tests');
}

/** @type {{ name: string, version: string, exports: Record<string, unknown> }} */
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// The entries with code: not the JSON files (package.json, custom-elements.json) nor types-only ones.
const ENTRIES = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object' && target !== null && 'default' in target)
  .map(([entry]) => entry);

/** A fresh project with the packed package installed; its files and where it is. */
const project = { dir: '', tarball: '', installed: '', files: /** @type {string[]} */ ([]) };

/**
 * Runs `command` in `cwd` and returns what it printed; throws with its output when it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 */
function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

before(() => {
  const work = mkdtempSync(join(tmpdir(), 'ob-package-'));
  /** @type {{ filename: string, files: { path: string }[] }[]} */
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], ROOT));
  assert.ok(packed, 'npm pack made no tarball');
  project.files = packed.files.map((file) => file.path);
  project.dir = join(work, 'app');
  project.tarball = join(work, packed.filename);
  const installed = join(project.dir, 'node_modules', pkg.name);
  project.installed = installed;
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', project.tarball, '-C', installed, '--strip-components=1'], work);
  // The dependencies as npm would install them: the pinned versions this repository has. Not an
  // untyped `react` (Storybook's, here without @types/react): TypeScript refuses to augment an
  // untyped module, so `openbadge-embed/jsx` needs a project with React to have React's types.
  const untypedReact = !existsSync(join(ROOT, 'node_modules/@types/react'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (untypedReact && name === 'react') continue;
    if (name !== pkg.name && !name.startsWith('.')) {
      symlinkSync(join(ROOT, 'node_modules', name), join(project.dir, 'node_modules', name));
    }
  }
  writeFileSync(join(project.dir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
});

describe('the packed package', () => {
  it('holds the build, the licence, the readme and the manifest, and no sources or tests', () => {
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'custom-elements.json',
      'vscode.html-custom-data.json',
      'web-types.json',
      'dist/index.js',
    ]) {
      assert.ok(project.files.includes(file), `${file} is in the tarball`);
    }
    assert.ok(project.files.includes('dist/cdn/openbadge-embed.js'), 'the script-tag bundle is in the tarball');
    assert.deepEqual(
      project.files.filter((file) => /^(src|test|scripts|stories|demo|bench)\//.test(file)),
      [],
      'no sources, tests or tooling',
    );
  });

  it('passes publint --strict (exports, files, types as a package should have them)', () => {
    const publint = join(ROOT, 'node_modules/publint/src/cli.js');
    const printed = run(process.execPath, [publint, project.installed, '--strict', '--pack', 'false'], ROOT);
    assert.match(printed, /All good!/);
  });

  it('has types for every entry, as ESM-only TypeScript users resolve them (@arethetypeswrong/cli)', () => {
    const attw = join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js');
    // Exits non-zero on any problem; CommonJS resolutions are out of scope for an ESM-only package.
    run(process.execPath, [attw, project.tarball, '--profile', 'esm-only', '--format', 'ascii'], ROOT);
  });

  it('imports every entry on a server, where there is no DOM', () => {
    const script = ENTRIES.map(
      (entry) => `await import(${JSON.stringify(`${pkg.name}${entry.slice(1)}`)}); console.log('ok ${entry}');`,
    ).join('\n');
    writeFileSync(join(project.dir, 'entries.mjs'), `${script}\nconsole.log(typeof document);\n`);
    const printed = run(process.execPath, ['entries.mjs'], project.dir).trim().split('\n');
    assert.deepEqual(printed, [...ENTRIES.map((entry) => `ok ${entry}`), 'undefined']);
  });

  it('verifies a badge with the core on a server (a did:key VC-JWT, offline, at the fixtures’ time)', () => {
    const jwt = readFileSync(join(FIXTURES, 'credentials/ob3-jwt-valid-did-key.jwt'), 'utf8');
    const { fixtureNow } = JSON.parse(readFileSync(join(FIXTURES, 'issuers.json'), 'utf8'));
    writeFileSync(
      join(project.dir, 'verify.mjs'),
      `import { createVerifier } from '${pkg.name}/core';\n` +
        `const verifier = createVerifier({ offline: true });\n` +
        `const result = await verifier.verify(${JSON.stringify(jwt.trim())}, { now: new Date(${JSON.stringify(fixtureNow)}) });\n` +
        `console.log(result.verdict);\n`,
    );
    assert.equal(run(process.execPath, ['verify.mjs'], project.dir).trim(), 'verified');
  });

  it('type-checks in a strict project with skipLibCheck off and no @types/node', () => {
    writeFileSync(
      join(project.dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          skipLibCheck: false,
          types: [],
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          noEmit: true,
        },
        include: ['consumer.ts'],
      }),
    );
    writeFileSync(
      join(project.dir, 'consumer.ts'),
      [
        `import { ObBadge, ObVerifiedEvent, en, type VerificationResult } from '${pkg.name}';`,
        `import { createVerifier } from '${pkg.name}/core';`,
        `import '${pkg.name}/inspector';`,
        `import '${pkg.name}/cdn';`,
        `import '${pkg.name}/cdn/list';`,
        `import '${pkg.name}/cdn/inspector';`,
        `import type {} from '${pkg.name}/jsx';`,
        `const badge: ObBadge = document.createElement('ob-badge');`,
        `badge.src = 'https://issuer.example/credentials/42.jwt';`,
        `badge.addEventListener('ob-verified', (event: ObVerifiedEvent) => {`,
        `  const result: VerificationResult = event.result;`,
        `  console.log(en.verdict(result.verdict));`,
        `});`,
        `const inspector: HTMLElement = document.createElement('ob-inspector');`,
        `const props: JSX.IntrinsicElements['ob-badge'] = { src: badge.src, 'no-evidence': true, class: 'wall' };`,
        `console.log(props);`,
        `void createVerifier().verify('eyJ.eyJ.x').then((result) => result.verified && inspector.remove());`,
        ``,
      ].join('\n'),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      output = run(process.execPath, [tsc, '-p', '.'], project.dir);
    } catch (error) {
      output = String(/** @type {{ stdout?: string }} */ (error).stdout ?? error);
    }
    assert.equal(output.trim(), '', 'tsc reports no error');
  });
});
