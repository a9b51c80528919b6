// Distinct Data Integrity badges for the browser bench (scripts/bench-browser.js): eddsa-rdfc-2022
// Open Badges 3.0 credentials made at run time with the committed TEST-ONLY did:key key and
// scripts/data-integrity-signer.js, each a different document (id, names, subject, dates,
// achievement fields, optional properties), so no per-document memo can help either verifier.
import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base58btc, signDataIntegrity } from './data-integrity-signer.js';

const SKILLS = ['Teamwork', 'Welding', 'Statistics', 'First Aid', 'Pottery', 'Rust', 'Chess', 'Spanish', 'Forklift'];
const LEVELS = ['Foundation', 'Intermediate', 'Advanced', 'Expert', 'Mentor'];

/**
 * @param {string} x the public key (a JWK's `x`, base64url)
 * @returns {{ did: string, kid: string }}
 */
function didKeyOf(x) {
  const publicKey = Buffer.from(x, 'base64url');
  const multibase = `z${base58btc(Uint8Array.from([0xed, 0x01, ...publicKey]))}`;
  return { did: `did:key:${multibase}`, kid: `did:key:${multibase}#${multibase}` };
}

/**
 * The i-th unsigned credential: every one differs in ids, text, dates and which optional fields it has.
 * @param {number} i
 * @param {string} issuer its DID
 */
function credentialOf(i, issuer) {
  const skill = /** @type {string} */ (SKILLS[i % SKILLS.length]);
  const level = /** @type {string} */ (LEVELS[Math.floor(i / SKILLS.length) % LEVELS.length]);
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  const achievement = {
    id: `https://bench.example/achievements/${i}/${skill.toLowerCase().replace(/ /g, '-')}`,
    type: ['Achievement'],
    name: `${skill}: ${level}`,
    description: `Awarded for ${level.toLowerCase()} ${skill.toLowerCase()} (bench badge ${i}).`,
    criteria: { narrative: `Completed ${3 + (i % 7)} assessed tasks in ${skill.toLowerCase()}, reviewed by a peer.` },
    ...(i % 3 === 0 ? { achievementType: 'Certificate' } : {}),
    ...(i % 4 === 1 ? { tag: [skill.toLowerCase(), level.toLowerCase()] } : {}),
    ...(i % 5 === 2 ? { humanCode: `B-${1000 + i}` } : {}),
  };
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:6a1f${String(i).padStart(4, '0')}-0c4e-4b8e-9a53-3d2c1b0a${String(1000 + i).padStart(4, '0')}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: `Bench Academy ${i % 6}` },
    validFrom: `202${4 + (i % 2)}-${month}-${day}T0${i % 10}:00:00Z`,
    ...(i % 2 === 0 ? { validUntil: `2099-${month}-${day}T00:00:00Z` } : {}),
    name: `${skill} ${level} badge #${i}`,
    ...(i % 3 === 1 ? { description: `A bench credential, number ${i}.` } : {}),
    credentialSubject: {
      id: `did:example:learner-${(i * 7919).toString(16)}`,
      type: ['AchievementSubject'],
      achievement,
    },
  };
}

/**
 * `count` distinct signed credentials, as JSON text.
 * @param {string} root the repository
 * @param {number} count
 * @returns {Promise<string[]>}
 */
export async function distinctBadges(root, count) {
  const file = JSON.parse(readFileSync(join(root, 'test/fixtures/keys/did-key-ed25519.json'), 'utf8'));
  const privateKey = await webcrypto.subtle.importKey('jwk', file.jwk, { name: 'Ed25519' }, false, ['sign']);
  const { did, kid } = didKeyOf(file.jwk.x);
  const texts = [];
  for (let i = 0; i < count; i++) {
    const signed = await signDataIntegrity(credentialOf(i, did), {
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: kid,
      created: `2025-${String((i % 12) + 1).padStart(2, '0')}-15T12:${String(i % 60).padStart(2, '0')}:00Z`,
      privateKey,
    });
    texts.push(JSON.stringify(signed));
  }
  return texts;
}
