// Page side: the peer, @digitalcredentials/verifier-core, as its README shows it being called.
import { fetchMeter } from './fetch-meter.js';
import { verifyCredential } from '@digitalcredentials/verifier-core';

/**
 * One timed verification by the peer.
 * @typedef {object} PeerVerification
 * @property {number} ms
 * @property {number} fetches fetch() calls it made
 * @property {number} fetchMs time spent waiting for them
 * @property {boolean} verified its signature check passed and it reported no error
 * @property {string[]} log `id:valid` (or the error's name) of each entry of its log
 * @property {string[]} errors
 */

/**
 * One timed verification. No issuer registries (we check none either); the peer still guesses an
 * Open Badges JSON schema and fetches it, which the bench refuses and counts.
 * @param {string} credential
 * @returns {Promise<PeerVerification>}
 */
async function verify(credential) {
  const input = JSON.parse(credential);
  const { calls, ms: fetchMs } = fetchMeter;
  const start = performance.now();
  const result = await verifyCredential({ credential: input, knownDIDRegistries: [] });
  const ms = performance.now() - start;
  const log = result.log ?? [];
  const signature = log.find((entry) => entry.id === 'valid_signature');
  return {
    ms,
    fetches: fetchMeter.calls - calls,
    fetchMs: fetchMeter.ms - fetchMs,
    verified: signature?.valid === true && !result.errors,
    log: log.map((entry) => `${entry.id}:${entry.valid ?? entry.error?.name}`),
    errors: (result.errors ?? []).map((error) => `${error.name}: ${error.message}`),
  };
}

globalThis.benchPeer = { verify };
