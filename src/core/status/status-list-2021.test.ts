import { expect } from '@open-wc/testing';
import type { Check } from '../result.js';
import { createVerifier } from '../verify.js';
import { createDidJwkIssuer, type TestIssuer } from '../../../test/helpers/issuer.js';
import {
  bitstring,
  issuedList,
  servingFetch,
  verifyWithStatus,
  type Served,
} from '../../../test/helpers/status-lists.js';

const NOW = new Date('2026-06-01T14:03:00Z');
const LIST = 'https://issuer.example/status/2021';

const entry = (index: number, purpose = 'revocation') => ({
  id: `${LIST}#${index}`,
  type: 'StatusList2021Entry',
  statusPurpose: purpose,
  statusListIndex: String(index),
  statusListCredential: LIST,
});

describe('statusList2021', () => {
  let issuer: TestIssuer;
  before(async () => {
    issuer = await createDidJwkIssuer('EdDSA');
  });

  function served(
    bits: Uint8Array,
    options: { purpose?: string; multibase?: boolean; kind?: 'bitstring' | '2021' } = {},
  ): Promise<Record<string, Served>> {
    return issuedList(issuer, bits, {
      url: LIST,
      kind: options.kind ?? '2021',
      purpose: options.purpose ?? 'revocation',
      multibase: options.multibase ?? false,
    });
  }

  async function statusWith(routes: Record<string, Served>, status: unknown): Promise<Check> {
    const verifier = createVerifier({ fetch: servingFetch(routes).fetch });
    return (await verifyWithStatus(verifier, issuer, status, NOW)).status;
  }

  it('active: passes, naming the list and when it was checked', async () => {
    const status = await statusWith(await served(bitstring([50_007], 100_000)), entry(67_342));
    expect(status.status).to.equal('passed');
    expect(status.details).to.deep.include({
      type: 'StatusList2021Entry',
      purpose: 'revocation',
      url: LIST,
      index: 67_342,
      checkedAt: NOW.toISOString(),
      listEntries: 100_000,
      belowSpecMinimum: true,
    });
  });

  it('revoked and suspended, read most significant bit first', async () => {
    const revoked = await statusWith(await served(bitstring([50_007], 100_000)), entry(50_007));
    expect(revoked).to.deep.include({ status: 'failed', code: 'ERR_OB_REVOKED' });
    // 50,000 is where an LSB-first reading of the same byte would put it.
    expect((await statusWith(await served(bitstring([50_007], 100_000)), entry(50_000))).status).to.equal('passed');
    const suspended = await statusWith(await served(bitstring([9]), { purpose: 'suspension' }), entry(9, 'suspension'));
    expect(suspended).to.deep.include({ status: 'failed', code: 'ERR_OB_SUSPENDED' });
  });

  it('wants a StatusList2021Credential, not a BitstringStatusListCredential', async () => {
    const status = await statusWith(await served(bitstring([]), { kind: 'bitstring', multibase: true }), entry(1));
    expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_LIST_INVALID' });
    expect(status.details).to.deep.include({ reason: 'type', expected: 'StatusList2021Credential' });
  });

  it('a list for another purpose: status unknown', async () => {
    const status = await statusWith(await served(bitstring([]), { purpose: 'suspension' }), entry(1));
    expect(status.details).to.deep.include({ reason: 'purpose' });
  });

  it('knows only the revocation and suspension purposes', async () => {
    const status = await statusWith(await served(bitstring([])), entry(1, 'message'));
    expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_UNCHECKED' });
    expect(status.details).to.deep.include({ field: 'statusPurpose' });
  });

  it('unreachable: status unknown', async () => {
    const status = await statusWith({}, entry(1));
    expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_UNAVAILABLE' });
  });
});
