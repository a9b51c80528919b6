import { expect } from '@open-wc/testing';
import type { VerifyContext } from '../plugin.js';
import type { StatusMethod } from '../status/status-method.js';
import { checkStatus } from './status.js';

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

  it('treats a malformed entry as unchecked', async () => {
    const outcome = await checkStatus({ credentialStatus: 'https://example.org/status/1' }, contextWith());
    expect(outcome.status).to.equal('warning');
    expect(outcome.code).to.equal('ERR_OB_STATUS_UNCHECKED');
  });
});
