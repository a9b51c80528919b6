import { expect } from '@open-wc/testing';
import type { StepOutcome, VerifyContext } from '../plugin.js';
import type { StatusMethod } from '../status/status-method.js';
import { checkStatus, MAX_STATUS_ENTRIES } from './status.js';

const contextWith = (statusMethods: StatusMethod[] = []) => ({ statusMethods }) as unknown as VerifyContext;

describe('checkStatus', () => {
  it('passes when the credential declares no status', async () => {
    const outcome = await checkStatus({}, contextWith());
    expect(outcome.status).to.equal('passed');
    expect(outcome.details).to.deep.equal({ entries: 0 });
  });

  it('is a warning, never a pass, when no installed method understands the entry', async () => {
    const outcome = await checkStatus(
      { credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' } },
      contextWith(),
    );
    expect(outcome.status).to.equal('warning');
    expect(outcome.code).to.equal('ERR_OB_STATUS_UNCHECKED');
    expect(outcome.details!['entries']).to.deep.equal([
      { type: 'BitstringStatusListEntry', status: 'warning', code: 'ERR_OB_STATUS_UNCHECKED' },
    ]);
  });

  it('hands each entry to the method for its type and keeps the worst outcome', async () => {
    const seen: unknown[] = [];
    const method: StatusMethod = {
      types: ['TestStatus'],
      async check(entry) {
        seen.push(entry['id']);
        return entry['id'] === 'revoked'
          ? { status: 'failed', code: 'ERR_OB_REVOKED', message: 'revoked' }
          : { status: 'passed', message: 'active' };
      },
    };
    const active = await checkStatus({ credentialStatus: [{ id: 'a', type: 'TestStatus' }] }, contextWith([method]));
    expect(active.status).to.equal('passed');
    const mixed = await checkStatus(
      {
        credentialStatus: [
          { id: 'a', type: 'TestStatus' },
          { id: 'revoked', type: 'TestStatus' },
          { id: 'c', type: 'Unknown' },
        ],
      },
      contextWith([method]),
    );
    expect(mixed.status).to.equal('failed');
    expect(mixed.code).to.equal('ERR_OB_REVOKED');
    expect(seen).to.deep.equal(['a', 'a', 'revoked']);
  });

  it('refuses more than MAX_STATUS_ENTRIES entries unread: status unknown with its own code, at once', async () => {
    let calls = 0;
    // A status server that never answers: were the entries fetched, this would never settle.
    const never: StatusMethod = {
      types: ['TestStatus'],
      check: () => {
        calls += 1;
        return new Promise<never>(() => {});
      },
    };
    const credentialStatus = Array.from({ length: 400 }, (_, i) => ({ id: `e${i}`, type: 'TestStatus' }));
    // No clock needed: had an entry been handed to `never`, this would not settle (the test's timeout).
    const outcome = await checkStatus({ credentialStatus }, contextWith([never]));
    expect(outcome.status).to.equal('warning');
    expect(outcome.code).to.equal('ERR_OB_STATUS_TOO_MANY');
    expect(outcome.details).to.deep.equal({ entries: 400, max: MAX_STATUS_ENTRIES });
    expect(calls).to.equal(0);
  });

  it('checks up to MAX_STATUS_ENTRIES entries in parallel under one deadline: unanswered is unknown', async () => {
    const started: string[] = [];
    const method: StatusMethod = {
      types: ['TestStatus'],
      check(entry, _credential, context) {
        started.push(String(entry['id']));
        if (entry['id'] === 'ok') return Promise.resolve({ status: 'passed', message: 'active' });
        // Never answers, but gives up when the shared signal aborts (as the loader does).
        return new Promise((_, reject) => {
          context.signal.addEventListener('abort', () => reject(context.signal.reason as Error), { once: true });
        });
      },
    };
    const context = { statusMethods: [method], timeoutMs: 200, signal: new AbortController().signal };
    const credentialStatus = [
      { id: 'ok', type: 'TestStatus' },
      { id: 'slow-1', type: 'TestStatus' },
      { id: 'slow-2', type: 'TestStatus' },
      { id: 'slow-3', type: 'TestStatus' },
    ];
    // A fake clock: the timers checkStatus sets while it starts are kept here, not scheduled.
    const timers: { run: () => void; ms: number | undefined }[] = [];
    const realSetTimeout = globalThis.setTimeout;
    globalThis.setTimeout = ((run: () => void, ms?: number) => {
      timers.push({ run, ms });
      return -1; // clearTimeout(-1) clears nothing
    }) as typeof setTimeout;
    let pending: Promise<StepOutcome>;
    try {
      pending = checkStatus({ credentialStatus }, context as unknown as VerifyContext);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    // One deadline for all four, not 200 ms each.
    expect(timers.map((timer) => timer.ms)).to.deep.equal([200]);
    expect(started).to.deep.equal(['ok', 'slow-1', 'slow-2', 'slow-3']);
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((resolve) => realSetTimeout(resolve, 0));
    expect(settled, 'settled before the deadline').to.equal(false);
    timers[0]!.run(); // the deadline passes
    const outcome = await pending;
    expect(outcome.status).to.equal('warning');
    expect(outcome.code).to.equal('ERR_OB_STATUS_UNAVAILABLE');
    expect(outcome.details!['cause']).to.equal('ERR_OB_FETCH_TIMEOUT');
  });

  it('a method that ignores the signal is still cut off by the deadline', async () => {
    const method: StatusMethod = { types: ['TestStatus'], check: () => new Promise<never>(() => {}) };
    const context = { statusMethods: [method], timeoutMs: 100 };
    const outcome = await checkStatus(
      { credentialStatus: [{ id: 'x', type: 'TestStatus' }] },
      context as unknown as VerifyContext,
    );
    expect(outcome.code).to.equal('ERR_OB_STATUS_UNAVAILABLE');
  });

  it('three entries, one revoked: revoked, whatever order they answer in', async () => {
    const method: StatusMethod = {
      types: ['TestStatus'],
      async check(entry) {
        await new Promise((resolve) => setTimeout(resolve, entry['id'] === 'revoked' ? 5 : 30));
        return entry['id'] === 'revoked'
          ? { status: 'failed', code: 'ERR_OB_REVOKED', message: 'revoked' }
          : { status: 'passed', message: 'active' };
      },
    };
    const outcome = await checkStatus(
      {
        credentialStatus: [
          { id: 'a', type: 'TestStatus' },
          { id: 'revoked', type: 'TestStatus' },
          { id: 'c', type: 'TestStatus' },
        ],
      },
      contextWith([method]),
    );
    expect(outcome.status).to.equal('failed');
    expect(outcome.code).to.equal('ERR_OB_REVOKED');
    expect(outcome.details!['entries']).to.deep.equal([
      { type: 'TestStatus', status: 'passed' },
      { type: 'TestStatus', status: 'failed', code: 'ERR_OB_REVOKED' },
      { type: 'TestStatus', status: 'passed' },
    ]);
  });

  it('treats a malformed entry as unchecked', async () => {
    const outcome = await checkStatus({ credentialStatus: 'https://example.org/status/1' }, contextWith());
    expect(outcome.status).to.equal('warning');
    expect(outcome.code).to.equal('ERR_OB_STATUS_UNCHECKED');
  });
});
