import { expect } from '@open-wc/testing';
import { VERSION } from './version.js';

describe('VERSION', () => {
  it('is the version package.json publishes', async () => {
    // The test runner serves the repository root.
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
  });
});
