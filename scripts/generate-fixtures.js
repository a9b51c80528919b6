#!/usr/bin/env node
// Generates the test fixtures in test/fixtures/ (and the copies the demo serves from demo/public/)
// from the committed TEST-ONLY keys in test/fixtures/keys/.
//
//   node scripts/generate-fixtures.js             regenerate every fixture from the committed keys
//   node scripts/generate-fixtures.js --new-keys  first make fresh keys (changes every fixture)
//   node scripts/generate-fixtures.js --check     exit 1 if any generated file would change
//
// Output is stable: Ed25519 and RSA PKCS#1 v1.5 (RS256) signatures are deterministic, and for ECDSA
// (randomized) a file is rewritten only when its header or payload changes, so a re-run leaves git clean.
// Signing is real (jose SignJWT / CompactSign for JWTs, scripts/data-integrity-signer.js for Data
// Integrity proofs, checked first against the W3C specification's vectors); nothing here is mocked.
import { Buffer } from 'node:buffer';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { gzipSync } from 'fflate';
import {
  CompactSign,
  SignJWT,
  base64url,
  calculateJwkThumbprint,
  compactVerify,
  exportJWK,
  generateKeyPair,
  importJWK,
  importSPKI,
} from 'jose';
import { bakePng, bakeSvg } from './bake.js';
import { base58btc, selfTest, signDataIntegrity } from './data-integrity-signer.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'test/fixtures');
const KEYS = join(FIXTURES, 'keys');
const CREDENTIALS = join(FIXTURES, 'credentials');
const DOCUMENTS = join(FIXTURES, 'documents');
const DEMO_PUBLIC = join(ROOT, 'demo/public');

/** Every date in the fixtures is chosen relative to this instant (see test/fixtures/README.md). */
export const FIXTURE_NOW = '2026-06-01T00:00:00Z';

const args = new Set(process.argv.slice(2));
const CHECK = args.has('--check');
const NEW_KEYS = args.has('--new-keys');
for (const arg of args) {
  if (!['--check', '--new-keys'].includes(arg)) {
    console.error(`Unknown option ${arg}\nUsage: node scripts/generate-fixtures.js [--new-keys] [--check]`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------------------------
// Keys

/** name → { alg, crv } (or { alg, modulusLength } for RSA) of the committed keys. */
const KEY_SPECS = {
  'did-key-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
  'did-jwk-p256': { alg: 'ES256', crv: 'P-256' },
  'did-web-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
  'did-web-multikey-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
  'https-issuer-p256': { alg: 'ES256', crv: 'P-256' },
  'attacker-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
  'did-web-path-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
  // Credentials inside credentials: the learner (a did:key holder of badges and presentations), the
  // did:web-with-path issuer of the CLR transcripts, and a third party that endorses an achievement.
  'learner-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
  'did-web-path-records-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
  'endorser-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
  // Open Badges 2.0 signed assertions: RS256, the algorithm OB 2.0 recommends and every OB 2.0
  // platform used. PKCS#1 v1.5 signatures are deterministic, so the tokens never change on a re-run.
  'ob2-issuer-rsa': { alg: 'RS256', modulusLength: 2048 },
  'ob2-unlisted-rsa': { alg: 'RS256', modulusLength: 2048 },
};

const WARNING =
  'TEST ONLY. This private key is public in the openbadge-embed repository. Never trust it, never use it for real badges.';

async function newKeyFile(name, { alg, crv, modulusLength }) {
  const { privateKey } = await generateKeyPair(
    alg,
    crv ? { crv, extractable: true } : { modulusLength, extractable: true },
  );
  const jwk = await exportJWK(privateKey);
  return { warning: WARNING, name, alg, jwk };
}

async function loadKeys() {
  const keys = {};
  for (const [name, spec] of Object.entries(KEY_SPECS)) {
    const path = join(KEYS, `${name}.json`);
    let file;
    if (!NEW_KEYS) file = await readFile(path, 'utf8').then(JSON.parse, () => undefined);
    // --new-keys replaces every key; otherwise only a key added to KEY_SPECS is made, once.
    if (file === undefined) {
      file = await newKeyFile(name, spec);
      await emit(path, `${JSON.stringify(file, null, 2)}\n`);
    }
    // The public half: RSA private JWKs also carry p, q, dp, dq and qi.
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = file.jwk;
    keys[name] = {
      alg: file.alg,
      privateJwk: file.jwk,
      publicJwk,
      privateKey: await importJWK(file.jwk, file.alg),
      publicKey: await importJWK(publicJwk, file.alg),
      thumbprint: await calculateJwkThumbprint(publicJwk),
    };
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// DIDs

/** Multikey / did:key form of an Ed25519 public key: multicodec 0xed01 + 32 bytes, base58btc, `z` prefix. */
function ed25519Multibase(publicJwk) {
  return `z${base58btc(Uint8Array.from([0xed, 0x01, ...base64url.decode(publicJwk.x)]))}`;
}

function didKeyOf(publicJwk) {
  const multibase = ed25519Multibase(publicJwk);
  return { did: `did:key:${multibase}`, kid: `did:key:${multibase}#${multibase}` };
}

function didJwkOf(publicJwk) {
  const { crv, kty, x, y } = publicJwk;
  const did = `did:jwk:${base64url.encode(JSON.stringify({ crv, kty, x, y }))}`;
  return { did, kid: `${did}#0` };
}

// The demo serves this DID's document at http://localhost:5173/.well-known/did.json
// (docs/decisions/0001-did-web-on-localhost.md explains why http is allowed for localhost only).
const DID_WEB = 'did:web:localhost%3A5173';
const DID_WEB_URL = 'http://localhost:5173/.well-known/did.json';

// A did:web with a path, as the largest Open Badges 3.0 issuers use: one DID per issuer account,
// resolved at http://localhost:5173/issuers/<uuid>/did.json (did:web method, "Read": each `:` of
// the path becomes `/`, then `/did.json`). Its status lists live under the same path; the demo serves all of it.
const DID_WEB_PATH_UUID = '4f9a1c2e-7b3d-4e8a-9c61-2d5e8f0a7b34';
const DID_WEB_PATH = `did:web:localhost%3A5173:issuers:${DID_WEB_PATH_UUID}`;
const DID_WEB_PATH_BASE = `http://localhost:5173/issuers/${DID_WEB_PATH_UUID}`;
const DID_WEB_PATH_URL = `${DID_WEB_PATH_BASE}/did.json`;
const PATH_REVOCATION_LIST = `${DID_WEB_PATH_BASE}/status/revocation.json`;
const PATH_SUSPENSION_LIST = `${DID_WEB_PATH_BASE}/status/suspension.json`;
// The did:web demo issuer's own revocation list, a VC-JOSE credential, for its JWT badges.
const DID_WEB_REVOCATION_LIST = 'http://localhost:5173/status/revocation-2025.jwt';

// A second account on the same badge platform: the issuer of the CLR transcripts (and of a few of
// the achievements in them), resolved at http://localhost:5173/issuers/<uuid>/did.json.
const DID_WEB_RECORDS_UUID = 'b7e2d4a9-3c51-4f6e-8a0d-91c2e5f7a3b6';
const DID_WEB_RECORDS = `did:web:localhost%3A5173:issuers:${DID_WEB_RECORDS_UUID}`;
const DID_WEB_RECORDS_URL = `http://localhost:5173/issuers/${DID_WEB_RECORDS_UUID}/did.json`;

const HTTPS_ISSUER = 'https://learn.lakeside.example/issuer';
const HTTPS_ISSUER_JWKS = 'https://learn.lakeside.example/.well-known/jwks.json';

// ---------------------------------------------------------------------------------------------
// Images: small, real PNGs drawn here, so the fixtures carry `data:image/png` and need no network.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function hex(color) {
  return [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
}

function insidePolygon(px, py, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function starPoints(cx, cy, outer, inner, tips) {
  return Array.from({ length: tips * 2 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / tips;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
}

/** A round medal: a disc in `base`, a ring in `ring`, and a star (or `tips`-pointed shape) in white. */
function medalPng({ base, ring, tips = 5, size = 96 }) {
  const c = size / 2;
  const star = starPoints(c, c + 1, size * 0.27, size * 0.12, tips);
  const [br, bg, bb] = hex(base);
  const [rr, rg, rb] = hex(ring);
  const sample = (x, y) => {
    const d = Math.hypot(x - c, y - c);
    if (d > size * 0.48) return null;
    if (d > size * 0.41) return [rr, rg, rb];
    if (insidePolygon(x, y, star)) return [255, 255, 255];
    const shade = 1 - (y / size) * 0.25;
    return [br * shade, bg * shade, bb * shade];
  };
  const png = encodePng(size, (x, y) => {
    // 4× supersampling for smooth edges.
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (const [dx, dy] of [
      [0.25, 0.25],
      [0.75, 0.25],
      [0.25, 0.75],
      [0.75, 0.75],
    ]) {
      const s = sample(x + dx, y + dy);
      if (s) {
        r += s[0];
        g += s[1];
        b += s[2];
        a += 1;
      }
    }
    return a === 0
      ? [0, 0, 0, 0]
      : [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((a / 4) * 255)];
  });
  return `data:image/png;base64,${png.toString('base64')}`;
}

// ---------------------------------------------------------------------------------------------
// Credentials

const VCDM2 = 'https://www.w3.org/ns/credentials/v2';
const VCDM1 = 'https://www.w3.org/2018/credentials/v1';
const OB303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const OB300 = 'https://purl.imsglobal.org/spec/ob/v3p0/context.json';
const VALID_FROM = '2025-01-01T00:00:00Z';
const VALID_UNTIL = '2030-01-01T00:00:00Z';

/**
 * The recipient's display name goes where OB 3.0 puts it: an unhashed `IdentityObject` of
 * `identityType: "name"` in `credentialSubject.identifier` (OB 3.0 §B.1 AchievementSubject /
 * IdentityObject). `credentialSubject.name` is not an OB 3.0 property.
 */
function recipient(id, name) {
  return {
    id,
    type: ['AchievementSubject'],
    identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: name }],
  };
}

const ISSUERS = {
  didKey: {
    name: 'Northwind Coding Academy',
    url: 'https://northwind.example',
    description: 'Evening and weekend courses in modern web development.',
    image: { base: '#1d4ed8', ring: '#93c5fd', tips: 6 },
  },
  didJwk: {
    name: 'Harbor City Library Makerspace',
    url: 'https://makerspace.harborcity.example',
    description: 'A public makerspace run by the Harbor City Library.',
    image: { base: '#0f766e', ring: '#5eead4', tips: 4 },
  },
  didWeb: {
    name: 'openbadge-embed demo issuer',
    url: 'http://localhost:5173/',
    description: 'The issuer behind the openbadge-embed demo page. Its DID document is served by the demo itself.',
    image: { base: '#7c3aed', ring: '#c4b5fd', tips: 8 },
  },
  didWebPath: {
    name: 'Nordlys Agile Academy',
    url: 'https://nordlys-agile.example',
    description: 'Lean-agile training in Ærøskøbing, Malmö and online. One issuer account on a shared badge platform.',
    image: { base: '#be123c', ring: '#fda4af', tips: 7 },
  },
  didWebRecords: {
    name: 'Tidewater Skills Partnership',
    url: 'https://tidewater-skills.example',
    description:
      'Colleges and employers of the Tidewater region running a reskilling programme together, and keeping its learners’ records. One issuer account on the same badge platform.',
    image: { base: '#0e7490', ring: '#67e8f9', tips: 9 },
  },
  endorser: {
    name: 'Inclusive Web Guild',
    url: 'https://inclusive-web-guild.example',
    description: 'A professional association of web accessibility specialists.',
    image: { base: '#4d7c0f', ring: '#bef264', tips: 5 },
  },
  https: {
    name: 'Lakeside Community College',
    url: 'https://www.lakeside.example',
    description: 'Continuing education for the Lakeside region.',
    image: { base: '#b45309', ring: '#fcd34d', tips: 5 },
  },
};

function issuerProfile(id, which) {
  const issuer = ISSUERS[which];
  return {
    id,
    type: ['Profile'],
    name: issuer.name,
    url: issuer.url,
    description: issuer.description,
    image: { id: medalPng({ ...issuer.image, size: 48 }), type: 'Image', caption: `${issuer.name} logo` },
  };
}

const CRITERIA = `Earners of this badge:

- built an accessible, keyboard-operable custom element with Lit;
- passed an automated axe audit and a manual screen-reader test;
- wrote a short report following the [WAI-ARIA Authoring Practices](https://www.w3.org/WAI/ARIA/apg/).

Assessed by two instructors. **Pass mark:** 80 %.`;

/** An OB 3.0 OpenBadgeCredential (VCDM 2.0 unless `vcdm: '1.1'`). `overrides` are merged last. */
function openBadge({
  issuerId,
  issuerKind,
  credentialId,
  subjectId,
  recipientName,
  achievement,
  dates,
  vcdm = '2.0',
  extra = {},
}) {
  const issuer = issuerProfile(issuerId, issuerKind);
  const datesOf =
    vcdm === '1.1'
      ? { issuanceDate: dates.from, ...(dates.until ? { expirationDate: dates.until } : {}) }
      : { validFrom: dates.from, ...(dates.until ? { validUntil: dates.until } : {}) };
  return {
    '@context': vcdm === '1.1' ? [VCDM1, OB300] : [VCDM2, OB303],
    id: credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${achievement.name}: ${recipientName}`,
    issuer,
    ...datesOf,
    awardedDate: dates.from,
    credentialSubject: { ...recipient(subjectId, recipientName), achievement },
    ...extra,
  };
}

function achievementOf(
  which,
  { id, name, description, achievementType, criteria = CRITERIA, alignment, tag, image, ...more },
) {
  return {
    id,
    type: ['Achievement'],
    achievementType,
    name,
    description,
    criteria: typeof criteria === 'string' ? { narrative: criteria } : criteria,
    image: image ?? { id: medalPng(ISSUERS[which].image), type: 'Image', caption: `${name} badge` },
    ...(alignment ? { alignment } : {}),
    ...(tag ? { tag } : {}),
    // Anything else the achievement says (`creditsAvailable`, `endorsement`), last.
    ...more,
  };
}

const A11Y = (overrides = {}) =>
  achievementOf('didKey', {
    id: 'https://northwind.example/achievements/accessible-web-components',
    name: 'Accessible Web Components',
    description: 'Builds custom elements that work with keyboards, screen readers and high-contrast modes.',
    achievementType: 'Badge',
    alignment: [
      {
        type: ['Alignment'],
        targetName: 'WCAG 2.2 Success Criterion 4.1.2: Name, Role, Value',
        targetUrl: 'https://www.w3.org/TR/WCAG22/#name-role-value',
        targetDescription: 'User interface components expose their name and role to assistive technologies.',
        targetFramework: 'Web Content Accessibility Guidelines 2.2',
        targetCode: '4.1.2',
      },
    ],
    tag: ['accessibility', 'web components', 'lit'],
    ...overrides,
  });

const EVIDENCE_A11Y = [
  {
    id: 'https://northwind.example/portfolio/ada-lovelace/date-picker',
    type: ['Evidence'],
    name: 'Accessible date picker',
    description: 'A date-picker element with full keyboard support and live-region announcements.',
    narrative: 'Source code, axe report and a recording of a **NVDA** walkthrough.',
    genre: 'Project',
  },
];

function didKeyBadge(issuerId, overrides = {}) {
  return openBadge({
    issuerId,
    issuerKind: 'didKey',
    credentialId: 'urn:uuid:5b1c0ad4-3f0e-4a53-9d0e-6a1c2f7e9b01',
    subjectId: 'did:example:ada-lovelace',
    recipientName: 'Ada Lovelace',
    achievement: A11Y(),
    dates: { from: VALID_FROM, until: VALID_UNTIL },
    extra: { evidence: EVIDENCE_A11Y },
    ...overrides,
  });
}

// ---------------------------------------------------------------------------------------------
// Securing

const seconds = (iso) => Math.floor(Date.parse(iso) / 1000);

/** VC-JWT (VCDM 1.1 §6.3.1, OB 3.0 §8.2): the credential is the `vc` claim; registered claims mirror it. */
function vcJwtClaims(credential) {
  const from = credential.validFrom ?? credential.issuanceDate;
  const until = credential.validUntil ?? credential.expirationDate;
  return {
    vc: credential,
    iss: typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id,
    jti: credential.id,
    sub: credential.credentialSubject.id,
    nbf: seconds(from),
    ...(until ? { exp: seconds(until) } : {}),
  };
}

async function signVcJwt(credential, key, header, { claims, signOptions } = {}) {
  return new SignJWT({ ...vcJwtClaims(credential), ...claims })
    .setProtectedHeader({ alg: key.alg, typ: 'JWT', ...header })
    .sign(key.privateKey, signOptions);
}

/** VC-JOSE (VC-JOSE-COSE §3.1.1, VCDM 2.0): the payload is the credential itself. */
async function signVcJose(credential, key, header) {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
    .setProtectedHeader({ alg: key.alg, typ: 'vc+jwt', cty: 'vc', ...header })
    .sign(key.privateKey);
}

/** Replaces the payload of a signed token, keeping its header and signature. */
function withPayload(jws, mutate) {
  const [header, payload, signature] = jws.split('.');
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
  mutate(claims);
  return [header, base64url.encode(JSON.stringify(claims)), signature].join('.');
}

function unsigned(header, payload) {
  return `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}.`;
}

// ---------------------------------------------------------------------------------------------
// Status lists (W3C Bitstring Status List v1.0)

/** The specification's minimum list length (§2.2, herd privacy): 131,072 entries of one bit, 16 KB. */
const STATUS_LIST_BITS = 131_072;

/**
 * `encodedList`: the bitstring with `setBits` set, where index 0 is the most significant bit of the
 * first byte (§3.4), GZIP-compressed, base64url without padding, with the Multibase `u` prefix.
 * `mtime: 0` keeps the GZIP header, and so the signature, identical on every run.
 */
function encodedListOf(setBits, bits = STATUS_LIST_BITS) {
  const bytes = new Uint8Array(bits / 8);
  for (const index of setBits) bytes[index >> 3] |= 0x80 >> (index & 7);
  return `u${base64url.encode(gzipSync(bytes, { level: 9, mtime: 0 }))}`;
}

/** A `BitstringStatusListCredential` (§2.2) by `issuer`, served at `url`. */
function statusListCredential({ url, issuer, statusPurpose, setBits }) {
  return {
    '@context': [VCDM2],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: VALID_FROM,
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose,
      encodedList: encodedListOf(setBits),
    },
  };
}

/** A `BitstringStatusListEntry` (§2.1) pointing at entry `index` of the list at `url`. */
function statusEntry(url, statusPurpose, index) {
  return {
    id: `${url}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose,
    statusListIndex: String(index),
    statusListCredential: url,
  };
}

/**
 * Entries used by the fixtures, and the bits set in each list. Other set bits stand for other
 * learners' revoked or suspended badges, as in any real list.
 */
const STATUS = {
  pathValid: { revocation: 20417, suspension: 73112 },
  pathRevoked: { revocation: 20418, suspension: 73113 },
  pathSuspended: { revocation: 20419, suspension: 73114 },
  webActive: 5123,
  webRevoked: 5124,
};
const PATH_REVOKED_BITS = [3, 1021, STATUS.pathRevoked.revocation, 99_999];
const PATH_SUSPENDED_BITS = [17, STATUS.pathSuspended.suspension, 131_071];
const WEB_REVOKED_BITS = [0, STATUS.webRevoked, 65_536];

// ---------------------------------------------------------------------------------------------
// Data Integrity credentials: Open Badges 3.0 as JSON with an embedded proof

const OB_EXTENSIONS = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
/** When the test issuers' proofs were made: before every FIXTURE_NOW test and the real clock. */
const PROOF_CREATED = VALID_FROM;

const SAFE_CRITERIA = `Earners of this certification:

- attended the two-day *Leading SAFe®* course, in Ærøskøbing or online;
- passed the 45-question exam (pass mark 77 %);
- accepted the [certification terms](https://nordlys-agile.example/terms), renewed yearly.

Taught in Danish and English: “Smidig ledelse — på tværs af teams.”`;

/** An OB 3.0 credential from the did:web-with-path issuer, with the contexts its platform uses. */
function pathIssuerBadge({
  credentialId,
  subjectId,
  recipientName,
  achievement,
  dates = { from: VALID_FROM, until: VALID_UNTIL },
  status,
}) {
  const badge = openBadge({
    issuerId: DID_WEB_PATH,
    issuerKind: 'didWebPath',
    credentialId,
    subjectId,
    recipientName,
    achievement,
    dates,
    extra: {
      evidence: [
        {
          id: `https://nordlys-agile.example/exams/${credentialId.slice(-12)}`,
          type: ['Evidence'],
          name: 'Exam result',
          narrative: 'Scored 41 of 45 (91 %) on the proctored exam.',
          genre: 'Assessment',
        },
      ],
      ...(status
        ? {
            credentialStatus: [
              statusEntry(PATH_REVOCATION_LIST, 'revocation', status.revocation),
              statusEntry(PATH_SUSPENSION_LIST, 'suspension', status.suspension),
            ],
          }
        : {}),
    },
  });
  return { ...badge, '@context': [VCDM2, OB303, OB_EXTENSIONS] };
}

const SAFE_AGILIST = () =>
  achievementOf('didWebPath', {
    id: 'https://nordlys-agile.example/achievements/safe-4-agilist',
    name: 'Certified SAFe® 4 Agilist — Ærø',
    description:
      'Applies Lean-Agile principles and the Scaled Agile Framework® to plan and deliver with an Agile Release Train.',
    achievementType: 'Certification',
    criteria: SAFE_CRITERIA,
    alignment: [
      {
        type: ['Alignment'],
        targetName: 'Lean-Agile Leadership',
        targetUrl: 'https://nordlys-agile.example/framework/lean-agile-leadership',
        targetFramework: 'Nordlys competency framework',
        targetCode: 'LAL-1',
      },
    ],
    tag: ['agile', 'SAFe®', 'Ærø'],
  });

const FLOW_PRACTITIONER = () =>
  achievementOf('didWebPath', {
    id: 'https://nordlys-agile.example/achievements/flow-metrics-practitioner',
    name: 'Flow Metrics Practitioner',
    description: 'Measures and improves the flow of work with cycle time, throughput and work-in-progress limits.',
    achievementType: 'Badge',
    criteria: `Earners of this badge:

- ran a six-week Kanban experiment with their own team;
- presented a cumulative-flow diagram and what they changed because of it.`,
    tag: ['kanban', 'flow'],
  });

/** Signs `document` with the did:web-with-path issuer's key. */
function signByPathIssuer(document, key, cryptosuite = 'eddsa-rdfc-2022') {
  return signDataIntegrity(document, {
    cryptosuite,
    verificationMethod: `${DID_WEB_PATH}#key-1`,
    created: PROOF_CREATED,
    privateKey: key.privateKey,
  });
}

// ---------------------------------------------------------------------------------------------
// Credentials inside credentials: a CLR 2.0 transcript, endorsements, presentations.
//
// One learner, Amara Okafor (a did:key she controls), holds 20 achievements from three issuers:
// Northwind Coding Academy (did:key; a "Full-Stack Web Development" certificate and its courses),
// Nordlys Agile Academy (did:web with path) and Tidewater Skills Partnership (another did:web with
// path on the same platform), which also issues her Comprehensive Learner Record (CLR 2.0,
// `ClrCredential`). Each achievement is a credential signed by its own issuer, as Data Integrity
// JSON or, for four of them, a compact VC-JWT string (CLR 2.0 carries either); the CLR's own proof
// covers all of it. She also presents two of them in a VC Data Model 2.0 presentation she signs.

const CLR201 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const LEARNER_NAME = 'Amara Okafor';

/** Credential ids of the learner's achievements: `…8f01` to `…8f14` (hex), one per achievement. */
const learnerCredentialId = (n) => `urn:uuid:a3f1c7e2-5d84-4b69-9e12-0c7b4d2e8f${n.toString(16).padStart(2, '0')}`;

/**
 * Every achievement in the transcript, in the order it was awarded. `n` numbers the credential;
 * `jwt: true` puts it in the CLR as a compact VC-JWT; `cryptosuite` defaults to eddsa-rdfc-2022.
 */
function learnerAchievements() {
  const nw = (slug, name, description, achievementType, criteria, extra = {}) =>
    achievementOf('didKey', {
      id: `https://northwind.example/achievements/${slug}`,
      name,
      description,
      achievementType,
      criteria,
      ...extra,
    });
  const nl = (slug, name, description, achievementType, criteria, extra = {}) =>
    achievementOf('didWebPath', {
      id: `https://nordlys-agile.example/achievements/${slug}`,
      name,
      description,
      achievementType,
      criteria,
      ...extra,
    });
  const tw = (slug, name, description, achievementType, criteria, extra = {}) =>
    achievementOf('didWebRecords', {
      id: `https://tidewater-skills.example/achievements/${slug}`,
      name,
      description,
      achievementType,
      criteria,
      ...extra,
    });
  const course = (credits) => ({ creditsAvailable: credits });
  return {
    careerReadiness: {
      n: 1,
      issuer: 'didWebRecords',
      awarded: '2025-01-24T00:00:00Z',
      achievement: tw(
        'career-readiness',
        'Career Readiness Programme',
        'Six workshops on CVs, interviews and working in a software team, with a mock interview.',
        'CoCurricular',
        `Attended five of the six workshops and completed a recorded mock interview with an employer volunteer.`,
      ),
    },
    htmlCss: {
      n: 2,
      issuer: 'didKey',
      awarded: '2025-02-14T00:00:00Z',
      credits: 4,
      achievement: nw(
        'html-css-foundations',
        'HTML & CSS Foundations',
        'Semantic HTML, the cascade, flexbox and grid, and responsive layouts that work at any zoom.',
        'Course',
        `Passed all of:

- four weekly exercises, reviewed by an instructor;
- a responsive, accessible landing page (axe: no violations).`,
        course(4),
      ),
    },
    scrum: {
      n: 3,
      issuer: 'didWebPath',
      awarded: '2025-03-07T00:00:00Z',
      achievement: nl(
        'scrum-fundamentals',
        'Scrum Fundamentals',
        'The Scrum roles, events and artefacts, practised in a simulated two-week sprint.',
        'Course',
        `Took part in every event of a simulated sprint and passed the 20-question quiz (pass mark 75 %).`,
      ),
    },
    javascript: {
      n: 4,
      issuer: 'didKey',
      awarded: '2025-04-11T00:00:00Z',
      credits: 5,
      jwt: true,
      achievement: nw(
        'javascript-fundamentals',
        'JavaScript Fundamentals',
        'Values, functions, modules, the DOM and asynchronous code with promises and `async`/`await`.',
        'Course',
        `Passed all of:

- six weekly problem sets;
- a small interactive app that works without a mouse.`,
        course(5),
      ),
    },
    safe: {
      n: 5,
      issuer: 'didWebPath',
      awarded: '2025-05-09T00:00:00Z',
      until: VALID_UNTIL,
      achievement: SAFE_AGILIST(),
    },
    a11y: { n: 6, issuer: 'didKey', awarded: '2025-05-23T00:00:00Z', achievement: A11Y() },
    typescript: {
      n: 7,
      issuer: 'didKey',
      awarded: '2025-06-20T00:00:00Z',
      credits: 4,
      jwt: true,
      achievement: nw(
        'typescript-in-practice',
        'TypeScript in Practice',
        'Types for real code: narrowing, generics, strict mode, and typing a JavaScript code base step by step.',
        'Course',
        `Converted a 2,000-line JavaScript project to strict TypeScript, with a short report of what the types caught.`,
        course(4),
      ),
    },
    communication: {
      n: 8,
      issuer: 'didWebRecords',
      awarded: '2025-07-18T00:00:00Z',
      achievement: tw(
        'professional-communication',
        'Professional Communication',
        'Writes clear issues, pull-request descriptions and status updates, and gives and takes code review kindly.',
        'MicroCredential',
        `Assessed on a portfolio of five written pieces and one recorded review conversation.`,
      ),
    },
    flow: {
      n: 9,
      issuer: 'didWebPath',
      awarded: '2025-08-22T00:00:00Z',
      cryptosuite: 'eddsa-jcs-2022',
      achievement: FLOW_PRACTITIONER(),
    },
    node: {
      n: 10,
      issuer: 'didKey',
      awarded: '2025-09-12T00:00:00Z',
      credits: 5,
      achievement: nw(
        'node-rest-apis',
        'Node.js and REST APIs',
        'Builds and documents an HTTP API with Node.js: routing, validation, errors and authentication.',
        'Course',
        `Built a documented REST API for a library catalogue, with input validation and tests.`,
        course(5),
      ),
    },
    storyMapping: {
      n: 11,
      issuer: 'didWebPath',
      awarded: '2025-10-03T00:00:00Z',
      achievement: nl(
        'user-story-mapping',
        'User Story Mapping Workshop',
        'Mapped a real product’s backlog into a story map and sliced a first release from it.',
        'Assignment',
        `Submitted a story map for a product of their choice and presented its first release slice.`,
      ),
    },
    databases: {
      n: 12,
      issuer: 'didKey',
      awarded: '2025-10-24T00:00:00Z',
      credits: 4,
      achievement: nw(
        'relational-databases-postgresql',
        'Relational Databases with PostgreSQL',
        'Data modelling, SQL, indexes, transactions and migrations with PostgreSQL.',
        'Course',
        `Passed the practical exam: design a schema, write ten queries, explain one query plan.`,
        course(4),
      ),
    },
    hackathon: {
      n: 13,
      issuer: 'didWebRecords',
      awarded: '2025-11-08T00:00:00Z',
      achievement: tw(
        'civic-hackathon-2025',
        'Civic Hackathon 2025: Most Accessible Project',
        'Awarded by the jury to the team whose prototype worked best with a keyboard and a screen reader.',
        'Award',
        `Chosen by a jury of three from the 14 projects presented on 8 November 2025.`,
      ),
    },
    testing: {
      n: 14,
      issuer: 'didKey',
      awarded: '2025-11-21T00:00:00Z',
      credits: 4,
      jwt: true,
      achievement: nw(
        'testing-and-ci',
        'Testing and Continuous Integration',
        'Unit, integration and end-to-end tests, and a pipeline that runs them on every change.',
        'Course',
        `Added tests and a CI pipeline to an existing project, raising its branch coverage above 80 %.`,
        course(4),
      ),
    },
    volunteer: {
      n: 15,
      issuer: 'didWebRecords',
      awarded: '2025-12-05T00:00:00Z',
      achievement: tw(
        'digital-inclusion-volunteer',
        'Digital Inclusion Volunteer',
        'Helped older residents at the library get online: email, video calls and staying safe from scams.',
        'CommunityService',
        `Volunteered for at least 20 hours at the library’s weekly digital help desk.`,
      ),
    },
    security: {
      n: 16,
      issuer: 'didKey',
      awarded: '2025-12-12T00:00:00Z',
      credits: 3,
      jwt: true,
      achievement: nw(
        'web-security-essentials',
        'Web Security Essentials',
        'The common web vulnerabilities and their defences: XSS, CSRF, injection, and secure sessions.',
        'Course',
        `Found and fixed the planted vulnerabilities in a practice application, with a short write-up of each.`,
        course(3),
      ),
    },
    retrospectives: {
      n: 17,
      issuer: 'didWebPath',
      awarded: '2026-01-16T00:00:00Z',
      achievement: nl(
        'retrospective-facilitator',
        'Retrospective Facilitator',
        'Plans and facilitates retrospectives that end in a few concrete, owned improvements.',
        'Competency',
        `Facilitated three retrospectives observed by a Nordlys coach, and wrote up the actions each produced.`,
      ),
    },
    capstone: {
      n: 18,
      issuer: 'didKey',
      awarded: '2026-02-13T00:00:00Z',
      credits: 7,
      achievement: nw(
        'capstone-community-library-app',
        'Capstone: Community Library App',
        'A team project: a web app for a community library’s loans, built, tested and deployed in six weeks.',
        'Assessment',
        `Presented to a panel of two instructors and the library’s staff:

- a working, deployed application with tests;
- a short accessibility and security review;
- each team member’s own account of their part.`,
        course(7),
      ),
    },
    fullStack: {
      n: 19,
      issuer: 'didKey',
      awarded: '2026-02-27T00:00:00Z',
      achievement: nw(
        'full-stack-web-development',
        'Full-Stack Web Development',
        'Northwind’s evening certificate programme: from semantic HTML to a tested, deployed web application with a database.',
        'Certificate',
        `Awarded on completing the programme:

- all seven courses and the accessibility badge, each with a pass;
- the capstone project, presented to a panel;
- at least 90 % attendance.

See the [programme handbook](https://northwind.example/programmes/full-stack).`,
        { tag: ['programme', 'web development'] },
      ),
    },
    placement: {
      n: 20,
      issuer: 'didWebRecords',
      awarded: '2026-03-20T00:00:00Z',
      achievement: tw(
        'software-work-placement',
        'Software Work Placement',
        'Twelve weeks in a product team at a local employer, supervised by a senior developer.',
        'Fieldwork',
        `Completed the twelve weeks with a positive report from the workplace supervisor.`,
      ),
    },
  };
}

/** The Full-Stack certificate's parts, in programme order: what `precedes` chains and `isChildOf` links. */
const PROGRAMME_PARTS = ['htmlCss', 'javascript', 'typescript', 'node', 'databases', 'testing', 'capstone'];
const PROGRAMME_ALSO = ['a11y', 'security'];

function association(associationType, source, target) {
  return { type: 'Association', associationType, sourceId: source.id, targetId: target.id };
}

/**
 * CLR 2.0 associations: the certificate `isParentOf` each part and each part `isChildOf` it;
 * `precedes` along the programme's order; Scrum Fundamentals `precedes` the SAFe® certification.
 */
function transcriptAssociations(items) {
  const a = (key) => items[key].achievement;
  const parts = [...PROGRAMME_PARTS, ...PROGRAMME_ALSO];
  return [
    ...parts.map((key) => association('isParentOf', a('fullStack'), a(key))),
    ...parts.map((key) => association('isChildOf', a(key), a('fullStack'))),
    ...PROGRAMME_PARTS.slice(1).map((key, i) => association('precedes', a(PROGRAMME_PARTS[i]), a(key))),
    association('precedes', a('scrum'), a('safe')),
  ];
}

const EVIDENCE_OF = {
  didKey: (slug) => [
    {
      id: `https://northwind.example/portfolio/amara-okafor/${slug}`,
      type: ['Evidence'],
      name: 'Portfolio entry',
      narrative: 'The submitted work and the instructor’s feedback.',
      genre: 'Project',
    },
  ],
  didWebPath: () => [],
  didWebRecords: () => [],
};

/** One of the learner's achievements as an unsigned OpenBadgeCredential; `issuerIds`: issuer kind → id. */
function learnerBadge(item, learnerDid, issuerIds) {
  const badge = openBadge({
    issuerId: issuerIds[item.issuer],
    issuerKind: item.issuer,
    credentialId: learnerCredentialId(item.n),
    subjectId: learnerDid,
    recipientName: LEARNER_NAME,
    achievement: item.achievement,
    dates: { from: item.awarded, ...(item.until ? { until: item.until } : {}) },
  });
  if (item.credits !== undefined) badge.credentialSubject.creditsEarned = item.credits;
  const evidence = EVIDENCE_OF[item.issuer](item.achievement.id.split('/').pop());
  return evidence.length > 0 ? { ...badge, evidence } : badge;
}

/** Signs a Data Integrity credential with `privateKey`, naming `verificationMethod`, created when it takes effect. */
function signDi(document, { verificationMethod, privateKey, cryptosuite = 'eddsa-rdfc-2022', created }) {
  return signDataIntegrity(document, {
    cryptosuite,
    verificationMethod,
    created: created ?? document.validFrom ?? PROOF_CREATED,
    privateKey,
  });
}

/**
 * A presentation's Data Integrity proof (VC Data Integrity §4.2 "Add Proof", eddsa-rdfc-2022 §3.2.1):
 * `proofPurpose: authentication`, with the `challenge` and `domain` the holder was given.
 */
function signPresentation(presentation, { verificationMethod, created, challenge, domain, privateKey }) {
  return signDataIntegrity(presentation, {
    cryptosuite: 'eddsa-rdfc-2022',
    verificationMethod,
    created,
    privateKey,
    proofPurpose: 'authentication',
    challenge,
    domain,
  });
}

/** Every JSON-LD context URL a document (and anything nested in it) names. */
function contextUrlsOf(value, found = new Set()) {
  if (Array.isArray(value)) for (const item of value) contextUrlsOf(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '@context') for (const url of [child].flat()) if (typeof url === 'string') found.add(url);
      contextUrlsOf(child, found);
    }
  }
  return found;
}

/** Throws unless every context `document` names is one src/core/jsonld/contexts.ts bundles. */
function assertBundledContexts(name, document, bundled) {
  for (const url of contextUrlsOf(document)) {
    if (!bundled.has(url)) throw new Error(`${name}: the context ${url} is not bundled (src/core/jsonld/contexts.ts)`);
  }
}

/** The payload of a compact JWS, decoded (for the context check of what a token carries). */
function payloadOf(jws) {
  return JSON.parse(new TextDecoder().decode(base64url.decode(jws.split('.')[1])));
}

const CLR_IDS = {
  valid: 'urn:uuid:6e0b9d14-2c7a-4f35-b8e1-5a9f3c2d7e01',
  oneTampered: 'urn:uuid:6e0b9d14-2c7a-4f35-b8e1-5a9f3c2d7e02',
  unknownKey: 'urn:uuid:6e0b9d14-2c7a-4f35-b8e1-5a9f3c2d7e03',
};
/** When Tidewater issued the transcripts: after the last achievement, before FIXTURE_NOW. */
const CLR_ISSUED = '2026-04-01T00:00:00Z';

/** A CLR 2.0 `ClrCredential` (unsigned) for the learner, over `credentials` (signed, JSON or compact JWS). */
function clrCredential({ id, learnerDid, credentials, items }) {
  const related = [...new Set(transcriptAssociations(items).flatMap(({ sourceId, targetId }) => [sourceId, targetId]))];
  const byId = new Map(Object.values(items).map((item) => [item.achievement.id, item.achievement]));
  return {
    '@context': [VCDM2, CLR201, OB303],
    id,
    type: ['VerifiableCredential', 'ClrCredential'],
    name: `${LEARNER_NAME}: Comprehensive Learner Record`,
    description:
      'Everything Amara Okafor achieved in the Tidewater reskilling programme, 2025–2026: a full-stack web development certificate and its courses, agile practice, and work experience. Each achievement is signed by the school or body that awarded it.',
    image: {
      id: medalPng({ ...ISSUERS.didWebRecords.image, tips: 10 }),
      type: 'Image',
      caption: 'Tidewater Skills Partnership learner record',
    },
    issuer: issuerProfile(DID_WEB_RECORDS, 'didWebRecords'),
    validFrom: CLR_ISSUED,
    awardedDate: CLR_ISSUED,
    credentialSubject: {
      id: learnerDid,
      type: 'ClrSubject',
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: LEARNER_NAME }],
      verifiableCredential: credentials,
      // The achievements the associations relate, so a reader needs no credential (nor JWT) to follow them.
      achievement: related.map((achievementId) => byId.get(achievementId)),
      association: transcriptAssociations(items),
    },
  };
}

// --- endorsements (OB 3.0 `EndorsementCredential`) ------------------------------------------------

const ENDORSEMENT_IDS = {
  guild: 'urn:uuid:9d4e2b7a-1f63-4c08-a5d9-e83b6c1f0a01',
  forgedLakeside: 'urn:uuid:9d4e2b7a-1f63-4c08-a5d9-e83b6c1f0a02',
  nordlysOfNorthwind: 'urn:uuid:9d4e2b7a-1f63-4c08-a5d9-e83b6c1f0a03',
};

/** An EndorsementCredential (OB 3.0 §B.1.7): `credentialSubject.id` is the endorsed thing's id. */
function endorsementCredential({ id, issuer, subjectId, name, comment, validFrom }) {
  return {
    '@context': [VCDM2, OB303],
    id,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name,
    issuer,
    validFrom,
    awardedDate: validFrom,
    credentialSubject: { id: subjectId, type: ['EndorsementSubject'], endorsementComment: comment },
  };
}

/** A plain issuer profile (no image: endorsers' profiles are shown small, if at all). */
function endorserProfile(id, which) {
  const { name, url, description } = ISSUERS[which];
  return { id, type: ['Profile'], name, url, description };
}

// --- presentations (VC Data Model 2.0 `VerifiablePresentation`) --------------------------------

const PRESENTATION_IDS = {
  json: 'urn:uuid:3c8e5f21-9b4d-4a67-8d02-f1e6a7b9c401',
  jwt: 'urn:uuid:3c8e5f21-9b4d-4a67-8d02-f1e6a7b9c402',
};
/** What the holder signs for: the verifier's nonce and site (a job application, say). */
const PRESENTATION_PROOF = {
  created: '2026-05-20T10:00:00Z',
  challenge: '5f0c9a7e-2b3d-4e81-9c64-7a1d8e2f3b90',
  domain: 'https://careers.harborcity.example',
};

/**
 * Builds every nested-credential fixture: file name → credential (JSON) or token (string), plus
 * the did:web document of the CLR issuer.
 */
async function nestedFixtures({ keys, issuerKey, attacker, bundledContexts }) {
  const pathKey = keys['did-web-path-ed25519'];
  const recordsKey = keys['did-web-path-records-ed25519'];
  const learner = { ...didKeyOf(keys['learner-ed25519'].publicJwk), key: keys['learner-ed25519'] };
  const endorser = { ...didKeyOf(keys['endorser-ed25519'].publicJwk), key: keys['endorser-ed25519'] };
  const json = {};
  const tokens = {};

  // --- the CLR issuer's DID document: one Multikey, like the other account on the platform ---------
  const recordsDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: DID_WEB_RECORDS,
    verificationMethod: [
      {
        id: `${DID_WEB_RECORDS}#key-1`,
        type: 'Multikey',
        controller: DID_WEB_RECORDS,
        publicKeyMultibase: ed25519Multibase(recordsKey.publicJwk),
      },
    ],
    assertionMethod: [`${DID_WEB_RECORDS}#key-1`],
  };

  // --- the learner's 20 achievements, each signed by its issuer ------------------------------------
  const items = learnerAchievements();
  const signers = {
    didKey: { verificationMethod: issuerKey.kid, privateKey: issuerKey.key.privateKey },
    didWebPath: { verificationMethod: `${DID_WEB_PATH}#key-1`, privateKey: pathKey.privateKey },
    didWebRecords: { verificationMethod: `${DID_WEB_RECORDS}#key-1`, privateKey: recordsKey.privateKey },
  };
  const issuerIds = { didKey: issuerKey.did, didWebPath: DID_WEB_PATH, didWebRecords: DID_WEB_RECORDS };
  const unsignedOf = (item) => learnerBadge(item, learner.did, issuerIds);
  const signedOf = async (item) =>
    item.jwt
      ? signVcJwt(unsignedOf(item), issuerKey.key, { kid: issuerKey.kid })
      : signDi(unsignedOf(item), { ...signers[item.issuer], cryptosuite: item.cryptosuite });
  const signed = {};
  for (const [key, item] of Object.entries(items)) signed[key] = await signedOf(item);
  const ordered = (overrides = {}) =>
    Object.entries(items)
      .sort(([, a], [, b]) => a.n - b.n)
      .map(([key]) => overrides[key] ?? signed[key]);
  if (ordered().length !== 20) throw new Error('The transcript must hold 20 achievements');

  const signClr = (clr) => signDi(clr, { ...signers.didWebRecords, created: CLR_ISSUED });

  json['clr-transcript.json'] = await signClr(
    clrCredential({ id: CLR_IDS.valid, learnerDid: learner.did, credentials: ordered(), items }),
  );

  // One course's credits raised from 4 to 8 after Northwind signed it; then the transcript was
  // (re)issued over it, so the CLR's own proof is valid and only that achievement fails.
  const inflated = structuredClone(signed.databases);
  inflated.credentialSubject.creditsEarned = 8;
  json['clr-transcript-one-tampered.json'] = await signClr(
    clrCredential({
      id: CLR_IDS.oneTampered,
      learnerDid: learner.did,
      credentials: ordered({ databases: inflated }),
      items,
    }),
  );

  // The SAFe® certification names Nordlys as issuer and Nordlys's DID as the key's home (`#key-2`),
  // but was signed with the attacker's key; Nordlys's DID document has no `#key-2`.
  const forgedSafe = await signDi(unsignedOf(items.safe), {
    verificationMethod: `${DID_WEB_PATH}#key-2`,
    privateKey: attacker.key.privateKey,
  });
  json['clr-transcript-unknown-key.json'] = await signClr(
    clrCredential({
      id: CLR_IDS.unknownKey,
      learnerDid: learner.did,
      credentials: ordered({ safe: forgedSafe }),
      items,
    }),
  );

  // --- endorsements ----------------------------------------------------------------------------
  const a11yId = A11Y().id;
  const guildEndorsement = await signDi(
    endorsementCredential({
      id: ENDORSEMENT_IDS.guild,
      issuer: endorserProfile(endorser.did, 'endorser'),
      subjectId: a11yId,
      name: 'Inclusive Web Guild endorses “Accessible Web Components”',
      comment:
        'We reviewed the criteria and three anonymised submissions. Earners of this badge build components our members would ship: keyboard-operable, correctly named, and tested with a screen reader.',
      validFrom: '2025-03-03T00:00:00Z',
    }),
    { verificationMethod: endorser.kid, privateKey: endorser.key.privateKey },
  );
  // Names Lakeside Community College as endorser, but is signed with the attacker's did:key:
  // a key Lakeside does not publish (its keys are in its profile and JWKS).
  const forgedEndorsement = await signDi(
    endorsementCredential({
      id: ENDORSEMENT_IDS.forgedLakeside,
      issuer: endorserProfile(HTTPS_ISSUER, 'https'),
      subjectId: a11yId,
      name: 'Lakeside Community College endorses “Accessible Web Components”',
      comment:
        'Lakeside Community College accepts this badge as 6 credits towards its Associate Degree in Web Development.',
      validFrom: '2025-06-01T00:00:00Z',
    }),
    { verificationMethod: attacker.kid, privateKey: attacker.key.privateKey },
  );
  const issuerEndorsement = await signDi(
    endorsementCredential({
      id: ENDORSEMENT_IDS.nordlysOfNorthwind,
      issuer: endorserProfile(DID_WEB_PATH, 'didWebPath'),
      subjectId: issuerKey.did,
      name: 'Nordlys Agile Academy endorses Northwind Coding Academy',
      comment:
        'A partner school since 2024: our learners take Northwind’s web courses, and we have audited how it assesses them.',
      validFrom: '2025-02-10T00:00:00Z',
    }),
    signers.didWebPath,
  );
  const endorsed = didKeyBadge(issuerKey.did, {
    credentialId: 'urn:uuid:5b1c0ad4-3f0e-4a53-9d0e-6a1c2f7e9b11',
    achievement: A11Y({ endorsement: [guildEndorsement, forgedEndorsement] }),
  });
  endorsed.issuer = { ...endorsed.issuer, endorsement: [issuerEndorsement] };
  json['ob3-endorsed.json'] = await signDi(endorsed, signers.didKey);
  json['endorsement-standalone.json'] = guildEndorsement;

  // --- presentations ---------------------------------------------------------------------------
  const presentation = {
    '@context': [VCDM2],
    id: PRESENTATION_IDS.json,
    type: ['VerifiablePresentation'],
    name: `${LEARNER_NAME}: two badges for a job application`,
    description: 'Presented by Amara Okafor to Harbor City Careers with her application for a junior developer post.',
    holder: learner.did,
    verifiableCredential: [signed.fullStack, signed.safe],
  };
  const proofBy = (signer) => ({
    ...PRESENTATION_PROOF,
    verificationMethod: signer.kid,
    privateKey: signer.key.privateKey,
  });
  json['vp-holder-signed.json'] = await signPresentation(presentation, proofBy(learner));
  // Names the learner as holder, but the attacker signed it: whoever presents it is not the holder.
  json['vp-signed-by-other.json'] = await signPresentation(presentation, proofBy(attacker));
  json['vp-unsigned.json'] = presentation;

  // VC-JOSE (VC-JOSE-COSE §3.1.2): `typ: vp+jwt`, the presentation itself as payload, `iss` = the
  // holder, its badge an EnvelopedVerifiableCredential: a `vc+jwt` in a data: URL (VCDM 2.0 §4.13).
  const envelopedBadge = await signVcJose(unsignedOf(items.fullStack), issuerKey.key, { kid: issuerKey.kid });
  const vpJwt = {
    '@context': [VCDM2],
    id: PRESENTATION_IDS.jwt,
    type: ['VerifiablePresentation'],
    name: `${LEARNER_NAME}: her Full-Stack Web Development certificate`,
    holder: learner.did,
    verifiableCredential: [
      { '@context': VCDM2, type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${envelopedBadge}` },
    ],
    iss: learner.did,
  };
  tokens['vp-holder-signed.jwt'] = await new CompactSign(new TextEncoder().encode(JSON.stringify(vpJwt)))
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vp+jwt', cty: 'vp', kid: learner.kid })
    .sign(learner.key.privateKey);

  // Only bundled contexts, in everything signed here and everything the tokens carry.
  for (const [name, document] of Object.entries(json)) assertBundledContexts(name, document, bundledContexts);
  for (const [key, value] of Object.entries(signed)) {
    if (typeof value === 'string') assertBundledContexts(key, payloadOf(value), bundledContexts);
  }
  assertBundledContexts('vp-holder-signed.jwt', payloadOf(tokens['vp-holder-signed.jwt']), bundledContexts);
  assertBundledContexts('enveloped badge', payloadOf(envelopedBadge), bundledContexts);

  return {
    json,
    tokens,
    recordsDocument,
    info: {
      learner: { did: learner.did, kid: learner.kid, name: LEARNER_NAME },
      endorser: { did: endorser.did, kid: endorser.kid, name: ISSUERS.endorser.name },
      didWebRecords: { did: DID_WEB_RECORDS, kid: `${DID_WEB_RECORDS}#key-1`, documentUrl: DID_WEB_RECORDS_URL },
      clr: {
        achievements: Object.keys(items).length,
        tampered: { credential: learnerCredentialId(items.databases.n), field: 'credentialSubject.creditsEarned' },
        unknownKey: {
          credential: learnerCredentialId(items.safe.n),
          verificationMethod: `${DID_WEB_PATH}#key-2`,
          signedBy: attacker.did,
        },
        jwt: Object.values(items)
          .filter((item) => item.jwt)
          .map((item) => learnerCredentialId(item.n)),
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Open Badges 2.0: an issuer whose documents the demo serves at http://localhost:5173/ob2/…
// (the OB 2.0 specification, "Open Badges Vocabulary" and "Implementation"; baking per its Baking
// Specification). Hosted assertions are verified by fetching their `id`; signed ones are compact
// JWS (RS256) whose key the issuer profile lists under `publicKey`.

const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';
const OB2 = 'http://localhost:5173/ob2';
const OB2_ISSUER = `${OB2}/issuer.json`;
const OB2_KEY_1 = `${OB2}/keys/key-1.json`;
/** A CryptographicKey document that names the issuer as `owner`, but which the issuer profile does not list. */
const OB2_KEY_2 = `${OB2}/keys/key-2.json`;
const OB2_REVOCATIONS = `${OB2}/revocations.json`;
const OB2_BADGE_FORMS = `${OB2}/badges/accessible-forms.json`;
const OB2_BADGE_OSS = `${OB2}/badges/first-open-source-contribution.json`;
// The same demo server under other loopback names (every browser resolves `*.localhost` to this
// machine; Vite accepts those Host headers). A page on http://localhost:5173 reading them makes a
// cross-origin request, which is what CORS (and the issuer's scope) is about.
// - no-cors.localhost: a second issuer whose server sends no CORS headers at all (/ob2/no-cors/…).
// - imposter.localhost: someone else's server, re-hosting an assertion that names our issuer.
const OB2_NO_CORS = 'http://no-cors.localhost:5173/ob2/no-cors';
const OB2_IMPOSTER = 'http://imposter.localhost:5173/ob2';

/** The made-up earner every OB 2.0 fixture (but the forged ones) is awarded to, hashed with this salt. */
const OB2_EARNER = 'ada.lovelace@example.org';
const OB2_SALT = 'd4e1f0c2a9b7';
/** Another address: the recipient check must say "someone else". */
const OB2_OTHER_ADDRESS = 'grace.hopper@example.org';
/** The forger's address, in the badges that must not verify. */
const OB2_FORGER = 'mallory.mallet@example.org';

/** An OB 2.0 IdentityObject: `sha256$` + hex SHA-256 of the address followed by the salt. */
function ob2Recipient(email = OB2_EARNER, salt = OB2_SALT) {
  return {
    type: 'email',
    hashed: true,
    salt,
    identity: `sha256$${createHash('sha256')
      .update(email + salt)
      .digest('hex')}`,
  };
}

/** SPKI PEM of an RSA public JWK, the form a CryptographicKey's `publicKeyPem` takes. */
function spkiPem(publicJwk) {
  return createPublicKey({ key: publicJwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
}

/** A signed OB 2.0 badge: compact JWS, header `{"alg":"RS256"}`, the assertion's JSON as payload. */
async function signOb2(assertion, key) {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(assertion)))
    .setProtectedHeader({ alg: 'RS256' })
    .sign(key.privateKey);
}

// --- artwork -------------------------------------------------------------------------------------
// One design, drawn twice: as a PNG (rasterized here, 4×4 supersampled) and as hand-written SVG.
// Geometry in a 128 × 128 box: two ribbon tails, a ring, a disc with a vertical gradient, a glyph.

const RIBBON_LEFT = [
  [38, 79],
  [56, 90],
  [49, 124],
  [40, 115],
  [28, 119],
];
const RIBBON_RIGHT = RIBBON_LEFT.map(([x, y]) => [128 - x, y]);
const MEDAL = { cx: 64, cy: 56, ring: 51, disc: 43 };
const LOGO = { cx: 64, cy: 64, ring: 62, disc: 53 };

/** Glyphs: strokes (polylines with round caps and joins) or filled polygons, in the 128 box. */
const OB2_GLYPHS = {
  check: {
    strokes: [
      [
        [44, 57],
        [58, 71],
        [85, 42],
      ],
    ],
    width: 9,
  },
  code: {
    strokes: [
      [
        [51, 40],
        [37, 56],
        [51, 72],
      ],
      [
        [77, 40],
        [91, 56],
        [77, 72],
      ],
      [
        [69, 35],
        [59, 77],
      ],
    ],
    width: 7,
  },
  bolt: {
    polygon: [
      [70, 22],
      [44, 60],
      [61, 60],
      [54, 92],
      [84, 50],
      [67, 50],
    ],
  },
  spark: { polygon: starPoints(64, 64, 34, 11, 4) },
  sevenStar: { polygon: starPoints(MEDAL.cx, MEDAL.cy + 1, 27, 12, 7) },
};

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onGlyph(glyph, x, y) {
  if (glyph.polygon) return insidePolygon(x, y, glyph.polygon);
  return glyph.strokes.some((line) =>
    line.slice(1).some((point, i) => segmentDistance(x, y, line[i], point) <= glyph.width / 2),
  );
}

/** A 128 × 128 RGBA PNG of the badge design (`ribbons: false` for an issuer logo). */
function ob2ArtworkPng({ base, baseDark, ring, ribbon, glyph, ribbons = true }) {
  const shape = ribbons ? MEDAL : LOGO;
  const [top, bottom, ringRgb, ribbonRgb] = [base, baseDark, ring, ribbon ?? ring].map(hex);
  const sample = (x, y) => {
    const d = Math.hypot(x - shape.cx, y - shape.cy);
    if (d <= shape.disc) {
      if (onGlyph(OB2_GLYPHS[glyph], x, y)) return [255, 255, 255];
      const t = (y - (shape.cy - shape.disc)) / (2 * shape.disc);
      return top.map((c, i) => c + (bottom[i] - c) * t);
    }
    if (d <= shape.ring) return ringRgb;
    if (ribbons && (insidePolygon(x, y, RIBBON_LEFT) || insidePolygon(x, y, RIBBON_RIGHT))) return ribbonRgb;
    return null;
  };
  const offsets = [0.125, 0.375, 0.625, 0.875];
  return encodePng(128, (x, y) => {
    const sum = [0, 0, 0];
    let hits = 0;
    for (const dy of offsets) {
      for (const dx of offsets) {
        const s = sample(x + dx, y + dy);
        if (!s) continue;
        for (let i = 0; i < 3; i++) sum[i] += s[i];
        hits++;
      }
    }
    if (hits === 0) return [0, 0, 0, 0];
    return [...sum.map((c) => Math.round(c / hits)), Math.round((hits / 16) * 255)];
  });
}

const svgPoints = (points) => points.map(([x, y]) => `${+x.toFixed(2)},${+y.toFixed(2)}`).join(' ');

/** The same design as hand-written SVG: no script, no external reference, a <title> for its name. */
function ob2ArtworkSvg({ title, base, baseDark, ring, ribbon, glyph }) {
  const g = OB2_GLYPHS[glyph];
  const glyphSvg = g.polygon
    ? `<polygon fill="#ffffff" points="${svgPoints(g.polygon)}"/>`
    : `<g fill="none" stroke="#ffffff" stroke-width="${g.width}" stroke-linecap="round" stroke-linejoin="round">${g.strokes
        .map((line) => `<polyline points="${svgPoints(line)}"/>`)
        .join('')}</g>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 128 128" role="img" aria-labelledby="badge-title">
  <title id="badge-title">${title}</title>
  <defs>
    <linearGradient id="badge-fill" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${base}"/>
      <stop offset="1" stop-color="${baseDark}"/>
    </linearGradient>
  </defs>
  <polygon fill="${ribbon}" points="${svgPoints(RIBBON_LEFT)}"/>
  <polygon fill="${ribbon}" points="${svgPoints(RIBBON_RIGHT)}"/>
  <circle cx="${MEDAL.cx}" cy="${MEDAL.cy}" r="${MEDAL.ring}" fill="${ring}"/>
  <circle cx="${MEDAL.cx}" cy="${MEDAL.cy}" r="${MEDAL.disc}" fill="url(#badge-fill)"/>
  <circle cx="${MEDAL.cx}" cy="${MEDAL.cy}" r="38" fill="none" stroke="#ffffff" stroke-opacity="0.4" stroke-width="1.5" stroke-dasharray="3 3"/>
  ${glyphSvg}
</svg>
`;
}

const OB2_ART = {
  issuerLogo: { base: '#4338ca', baseDark: '#312e81', ring: '#a5b4fc', glyph: 'spark', ribbons: false },
  accessibleForms: { base: '#1d4ed8', baseDark: '#1e3a8a', ring: '#93c5fd', ribbon: '#f59e0b', glyph: 'check' },
  openSource: { base: '#0f766e', baseDark: '#134e4a', ring: '#5eead4', ribbon: '#7c3aed', glyph: 'code' },
  soldering: { base: '#b45309', baseDark: '#78350f', ring: '#fcd34d', ribbon: '#0f766e', glyph: 'bolt' },
  // The carrier for the baked OB 3.0 credential: Nordlys Agile Academy's colours and seven-pointed star.
  nordlys: { base: '#be123c', baseDark: '#881337', ring: '#fda4af', ribbon: '#1e293b', glyph: 'sevenStar' },
};

// --- documents -----------------------------------------------------------------------------------

const OB2_FORMS_CRITERIA = `Earners of this badge rebuilt a real web form so that everyone can fill it in:

- every field has a visible \`<label>\`, and required fields say so in text;
- errors are announced, explain how to fix them, and keep what was typed;
- the whole form works with a keyboard alone and at 400 % zoom.

Checked by a club mentor with **axe** and a screen reader. See the
[WAI forms tutorial](https://www.w3.org/WAI/tutorials/forms/).`;

const OB2_OSS_CRITERIA = `Awarded for a first merged contribution to an open-source project:

1. find an issue labelled *good first issue* and say you are working on it;
2. open a pull request with tests, and answer the review;
3. get it **merged** by the project's maintainers.

Documentation, translations and tests count as much as code. Read
[How to Contribute to Open Source](https://opensource.guide/how-to-contribute/).`;

function ob2Documents({ keyPem, unlistedKeyPem }) {
  const issuer = {
    '@context': OB2_CONTEXT,
    type: 'Issuer',
    id: OB2_ISSUER,
    name: 'Millbrook Code Club',
    url: 'https://millbrook-code-club.example',
    email: 'badges@millbrook-code-club.example',
    description:
      'A volunteer-run coding club for adults. Its Open Badges 2.0 documents are served by the openbadge-embed demo.',
    image: `${OB2}/images/millbrook-code-club.png`,
    // No `verification`: the default policy applies, assertions and badge classes on this origin.
    publicKey: OB2_KEY_1,
    revocationList: OB2_REVOCATIONS,
  };
  const key1 = {
    '@context': OB2_CONTEXT,
    type: 'CryptographicKey',
    id: OB2_KEY_1,
    owner: OB2_ISSUER,
    publicKeyPem: keyPem,
  };
  // Claims the issuer as owner, but the issuer's profile does not list it: a key anyone could publish.
  const key2 = { ...key1, id: OB2_KEY_2, publicKeyPem: unlistedKeyPem };
  const forms = {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: OB2_BADGE_FORMS,
    name: 'Accessible Forms',
    description: 'Builds web forms that everyone can fill in: labelled fields, helpful errors, full keyboard support.',
    image: `${OB2}/images/accessible-forms.png`,
    criteria: { narrative: OB2_FORMS_CRITERIA },
    issuer: OB2_ISSUER,
    tags: ['accessibility', 'forms', 'html'],
    alignment: [
      {
        targetName: 'WCAG 2.2 Success Criterion 3.3.2: Labels or Instructions',
        targetUrl: 'https://www.w3.org/TR/WCAG22/#labels-or-instructions',
        targetDescription: 'Labels or instructions are provided when content requires user input.',
        targetFramework: 'Web Content Accessibility Guidelines 2.2',
        targetCode: '3.3.2',
      },
    ],
  };
  const openSource = {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: OB2_BADGE_OSS,
    name: 'First Open-Source Contribution',
    description: 'Had a first pull request reviewed and merged by the maintainers of an open-source project.',
    image: `${OB2}/images/first-open-source-contribution.png`,
    criteria: { narrative: OB2_OSS_CRITERIA },
    issuer: OB2_ISSUER,
    tags: ['open source', 'git', 'code review'],
    alignment: [
      {
        targetName: 'Collaborating on a shared code base',
        targetUrl: 'https://millbrook-code-club.example/skills#collaboration',
        targetDescription: 'Works through issues, pull requests and code review with people outside the club.',
        targetFramework: 'Millbrook Code Club skills framework',
        targetCode: 'COLLAB-2',
      },
    ],
  };
  // A second issuer, hosted entirely on a server that sends no CORS headers.
  const noCorsIssuer = {
    '@context': OB2_CONTEXT,
    type: 'Issuer',
    id: `${OB2_NO_CORS}/issuer.json`,
    name: 'Quarry Lane Repair Café',
    url: 'https://quarry-lane-repair.example',
    email: 'hello@quarry-lane-repair.example',
    description: 'Volunteers who fix toasters, bikes and radios every second Saturday.',
  };
  const noCorsBadge = {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: `${OB2_NO_CORS}/badges/soldering-basics.json`,
    name: 'Soldering Basics',
    description: 'Solders through-hole parts safely and cleanly, and can desolder a faulty one.',
    image: `${OB2_NO_CORS}/images/soldering-basics.png`,
    criteria: {
      narrative: 'Repaired a small appliance under supervision, including **at least five** clean solder joints.',
    },
    issuer: noCorsIssuer.id,
    tags: ['repair', 'electronics'],
  };
  return { issuer, key1, key2, forms, openSource, noCorsIssuer, noCorsBadge };
}

function ob2Hosted(id, overrides = {}) {
  return {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id,
    recipient: ob2Recipient(),
    badge: OB2_BADGE_FORMS,
    issuedOn: '2025-03-14T15:00:00Z',
    evidence: [
      {
        id: 'https://millbrook-code-club.example/portfolio/ada-lovelace/sign-up-form',
        name: 'The club’s new sign-up form',
        narrative:
          'Rebuilt the club’s sign-up form: labels, error summary, and a recording of a **VoiceOver** walkthrough.',
        genre: 'Project',
      },
    ],
    verification: { type: 'HostedBadge' },
    ...overrides,
  };
}

function ob2Signed(uuid, overrides = {}) {
  return {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id: `urn:uuid:${uuid}`,
    recipient: ob2Recipient(),
    badge: OB2_BADGE_OSS,
    issuedOn: '2025-05-20T09:30:00Z',
    evidence: [
      {
        id: 'https://github.example/open-maps/tiles/pull/1287',
        name: 'Pull request #1287: keyboard shortcuts for the map viewer',
        narrative: 'Merged after two rounds of review; includes tests and documentation.',
        genre: 'Pull request',
      },
    ],
    verification: { type: 'SignedBadge', creator: OB2_KEY_1 },
    ...overrides,
  };
}

const OB2_UUIDS = {
  valid: '7e3f2a10-6c4b-4d8e-9a21-3b5c7d9e1f01',
  revoked: '7e3f2a10-6c4b-4d8e-9a21-3b5c7d9e1f02',
  tampered: '7e3f2a10-6c4b-4d8e-9a21-3b5c7d9e1f03',
  unlistedKey: '7e3f2a10-6c4b-4d8e-9a21-3b5c7d9e1f04',
};

/**
 * Every OB 2.0 fixture: path under /ob2 (the same in test/fixtures/ and demo/public/) → content,
 * the URL → file entries for documents.json, and what issuers.json says about them.
 */
async function ob2Fixtures(keys, ob3Credential) {
  const rsa = keys['ob2-issuer-rsa'];
  const unlisted = keys['ob2-unlisted-rsa'];
  const keyPem = spkiPem(rsa.publicJwk);
  const unlistedKeyPem = spkiPem(unlisted.publicJwk);
  const docs = ob2Documents({ keyPem, unlistedKeyPem });

  const revocations = {
    '@context': OB2_CONTEXT,
    type: 'RevocationList',
    id: OB2_REVOCATIONS,
    issuer: OB2_ISSUER,
    // Other learners' revoked badges around ours, in the three shapes the specification allows.
    revokedAssertions: [
      'urn:uuid:0b9d6a44-2f1e-4c3a-8d7b-5e6f7a8b9c01',
      { id: `urn:uuid:${OB2_UUIDS.revoked}`, revocationReason: 'Awarded in error: the pull request was reverted.' },
      { id: 'urn:uuid:0b9d6a44-2f1e-4c3a-8d7b-5e6f7a8b9c02', revocationReason: 'Plagiarised contribution.' },
    ],
  };

  const hostedValid = ob2Hosted(`${OB2}/assertions/valid.json`);
  const hostedExpired = ob2Hosted(`${OB2}/assertions/expired.json`, {
    issuedOn: '2023-01-16T10:00:00Z',
    expires: '2025-01-01T00:00:00Z',
  });
  // What the issuer's server answers for a revoked hosted assertion, with HTTP 410 Gone (OB 2.0,
  // "Revoking Hosted Assertions"). Only `id` and `revoked` are required, but the body "may include
  // an Assertion body containing additional metadata": this one keeps the assertion, so the page
  // can say which badge was revoked. (The stripped form is covered by the unit tests.)
  const hostedRevoked = ob2Hosted(`${OB2}/assertions/revoked.json`, {
    revoked: true,
    revocationReason: 'Awarded to the wrong club member; reissued to the right one.',
  });
  // Someone else's server re-hosts an assertion naming our badge class: its id is outside our issuer's origin.
  const outsideScope = ob2Hosted(`${OB2_IMPOSTER}/assertions/outside-scope.json`, {
    recipient: ob2Recipient(OB2_FORGER),
  });
  const noCorsAssertion = ob2Hosted(`${OB2_NO_CORS}/assertions/valid.json`, {
    badge: docs.noCorsBadge.id,
    issuedOn: '2025-04-12T14:00:00Z',
    evidence: [{ name: 'A repaired radio', narrative: 'Replaced a cracked solder joint on the tuner board.' }],
  });

  const signedValid = await signOb2(ob2Signed(OB2_UUIDS.valid, { expires: VALID_UNTIL }), rsa);
  const signedRevoked = await signOb2(ob2Signed(OB2_UUIDS.revoked), rsa);
  // Signed, then the recipient was swapped for the forger's: the signature no longer matches.
  const signedTampered = withPayload(await signOb2(ob2Signed(OB2_UUIDS.tampered), rsa), (assertion) => {
    assertion.recipient = ob2Recipient(OB2_FORGER);
  });
  // Signed with a key whose CryptographicKey document names the issuer, but the issuer never listed it.
  const signedUnlistedKey = await signOb2(
    ob2Signed(OB2_UUIDS.unlistedKey, {
      recipient: ob2Recipient(OB2_FORGER),
      verification: { type: 'SignedBadge', creator: OB2_KEY_2 },
    }),
    unlisted,
  );

  // The script checks its own output with the published PEM keys, as a verifier would see them.
  const published = await importSPKI(keyPem, 'RS256');
  const publishedUnlisted = await importSPKI(unlistedKeyPem, 'RS256');
  await compactVerify(signedValid, published);
  await compactVerify(signedRevoked, published);
  await compactVerify(signedUnlistedKey, publishedUnlisted);
  if (
    await compactVerify(signedTampered, published).then(
      () => true,
      () => false,
    )
  ) {
    throw new Error('The tampered OB 2.0 badge still verifies');
  }

  const art = {};
  for (const [name, design] of Object.entries(OB2_ART)) art[name] = ob2ArtworkPng(design);
  const ossSvg = ob2ArtworkSvg({ ...OB2_ART.openSource, title: 'First Open-Source Contribution' });
  const nordlysSvg = ob2ArtworkSvg({ ...OB2_ART.nordlys, title: ob3Credential.credentialSubject.achievement.name });

  // JSON documents, each at the path of its URL (less the origin and /ob2/).
  const jsonFiles = {
    'issuer.json': docs.issuer,
    'keys/key-1.json': docs.key1,
    'keys/key-2.json': docs.key2,
    'revocations.json': revocations,
    'badges/accessible-forms.json': docs.forms,
    'badges/first-open-source-contribution.json': docs.openSource,
    'assertions/valid.json': hostedValid,
    'assertions/expired.json': hostedExpired,
    'assertions/revoked.json': hostedRevoked,
    'assertions/outside-scope.json': outsideScope,
    'no-cors/issuer.json': docs.noCorsIssuer,
    'no-cors/badges/soldering-basics.json': docs.noCorsBadge,
    'no-cors/assertions/valid.json': noCorsAssertion,
  };
  const files = {
    ...Object.fromEntries(
      Object.entries(jsonFiles).map(([name, value]) => [name, `${JSON.stringify(value, null, 2)}\n`]),
    ),
    'signed/valid.jwt': `${signedValid}\n`,
    'signed/revoked.jwt': `${signedRevoked}\n`,
    'signed/tampered.jwt': `${signedTampered}\n`,
    'signed/unlisted-key.jwt': `${signedUnlistedKey}\n`,
    'images/millbrook-code-club.png': art.issuerLogo,
    'images/accessible-forms.png': art.accessibleForms,
    'images/first-open-source-contribution.png': art.openSource,
    'images/first-open-source-contribution.svg': ossSvg,
    'no-cors/images/soldering-basics.png': art.soldering,
    // Baked: PNG as an uncompressed iTXt chunk `openbadges`; SVG as <openbadges:assertion> (OB 2.0)
    // or <openbadges:credential> (OB 3.0) right after the root's start tag (scripts/bake.js).
    'baked/hosted-valid.png': bakePng(art.accessibleForms, 'openbadges', JSON.stringify(hostedValid)),
    'baked/signed-valid.png': bakePng(art.openSource, 'openbadges', signedValid),
    'baked/signed-valid.svg': bakeSvg(ossSvg, 'ob2', { verify: signedValid }),
    'baked/ob3-di-valid.svg': bakeSvg(nordlysSvg, 'ob3', { json: JSON.stringify(ob3Credential) }),
  };

  // URL → file (relative to test/fixtures/) for documents.json. The revoked assertion maps to its
  // Gone body, which says `revoked: true`: a map cannot say "410", and OB 2.0 treats either as revoked.
  const documents = Object.fromEntries(Object.entries(jsonFiles).map(([name, value]) => [value.id, `ob2/${name}`]));

  const info = {
    issuer: OB2_ISSUER,
    publicKey: OB2_KEY_1,
    unlistedKey: OB2_KEY_2,
    revocationList: OB2_REVOCATIONS,
    revoked: [`urn:uuid:${OB2_UUIDS.revoked}`],
    recipient: { email: OB2_EARNER, salt: OB2_SALT, identity: ob2Recipient().identity },
    otherAddress: OB2_OTHER_ADDRESS,
    forgerAddress: OB2_FORGER,
    noCorsIssuer: docs.noCorsIssuer.id,
  };
  return { files, documents, info };
}

// ---------------------------------------------------------------------------------------------
// A portfolio wall: 30 badges earned by one learner, Ada Lovelace, from eight issuers, in every
// format this project reads. test/fixtures/wall/ and demo/public/wall/ hold the same tree; the demo
// serves it at http://localhost:5173/wall/…, and `wall/list.json` lists the badges' URLs for
// `<ob-badge-list src>`. Each badge is real: signed with the issuer's committed TEST-ONLY key,
// except the tampered one (edited after signing) and the impostor (a key nobody publishes).
//
// Expected at FIXTURE_NOW (and in real time): 27 verified, among them one from an unknown did:key
// issuer that calls itself a famous university (its signature is fine; no trust list names it);
// 3 not verified: one expired, one revoked in its issuer's status list, one tampered.

const WALL = 'http://localhost:5173/wall';
const WALL_EARNER = 'Ada Lovelace';
const WALL_SUBJECT = 'did:example:ada-lovelace';
/** The revocation bit of the revoked wall badge in Nordlys's list: already set, it was Ada's all along. */
const WALL_REVOKED_BIT = 1021;
const WALL_IMPOSTOR = {
  name: 'University of Cambridge',
  // A look-alike address: an impostor states whatever it likes; the demo must never send a
  // visitor's browser to a real university's server to find that out.
  url: 'https://university-of-cambridge.example',
  description: 'A collegiate public research university in Cambridge, England. (So it says.)',
  image: { base: '#1e293b', ring: '#94a3b8', tips: 4 },
};

/** Each wall issuer's artwork colours (the ribbon changes per badge) and its skills framework. */
const WALL_ART = {
  didKey: { base: '#1d4ed8', baseDark: '#1e3a8a', ring: '#93c5fd' },
  didJwk: { base: '#0f766e', baseDark: '#134e4a', ring: '#5eead4' },
  didWeb: { base: '#7c3aed', baseDark: '#4c1d95', ring: '#c4b5fd' },
  didWebPath: { base: '#be123c', baseDark: '#881337', ring: '#fda4af' },
  didWebRecords: { base: '#0e7490', baseDark: '#164e63', ring: '#67e8f9' },
  https: { base: '#b45309', baseDark: '#78350f', ring: '#fcd34d' },
  ob2: { base: '#4338ca', baseDark: '#312e81', ring: '#a5b4fc' },
  impostor: { base: '#1e293b', baseDark: '#0f172a', ring: '#cbd5e1' },
};
const RIBBONS = ['#f59e0b', '#7c3aed', '#0f766e', '#e11d48', '#2563eb', '#65a30d', '#1e293b'];

/** A badge image as a `data:` URL: the issuer's colours, a glyph, a ribbon picked by `n`. */
function wallArt(which, glyph, n) {
  return ob2ArtworkPng({ ...WALL_ART[which], ribbon: RIBBONS[n % RIBBONS.length], glyph });
}
const wallImage = (which, glyph, n, name) => ({
  id: `data:image/png;base64,${wallArt(which, glyph, n).toString('base64')}`,
  type: 'Image',
  caption: `${name} badge`,
});

/** An OB 3.0 Alignment. */
function aligned(targetFramework, targetName, targetUrl, targetCode, targetDescription) {
  return {
    type: ['Alignment'],
    targetName,
    targetUrl,
    ...(targetDescription ? { targetDescription } : {}),
    targetFramework,
    ...(targetCode ? { targetCode } : {}),
  };
}
const northwindSkill = (code, name) =>
  aligned('Northwind web developer framework', name, `https://northwind.example/framework#${code.toLowerCase()}`, code);
const nordlysSkill = (code, name) =>
  aligned('Nordlys competency framework', name, `https://nordlys-agile.example/framework/${code.toLowerCase()}`, code);
const tidewaterSkill = (code, name) =>
  aligned(
    'Tidewater employability framework',
    name,
    `https://tidewater-skills.example/framework#${code.toLowerCase()}`,
    code,
  );
const lakesideSkill = (code, name) =>
  aligned(
    'Lakeside Digital Skills Framework',
    name,
    `https://learn.lakeside.example/frameworks/digital-skills#${code.toLowerCase()}`,
    code,
  );
const makerspaceRule = (code, name) =>
  aligned(
    'Harbor City Makerspace safety rules',
    name,
    `https://makerspace.harborcity.example/safety/${code.toLowerCase()}`,
    code,
  );

/** An email address as OB 3.0 hides it (§B.1 IdentityObject): `sha256$` + hex SHA-256(address + salt). */
function hashedEmail(email, salt) {
  return {
    type: 'IdentityObject',
    identityType: 'emailAddress',
    hashed: true,
    identityHash: `sha256$${createHash('sha256')
      .update(email + salt)
      .digest('hex')}`,
    salt,
  };
}

/**
 * The 30 badges, in the order the list gives them (grouped by issuer, as an earner adds them).
 * `file` is the path under wall/; `kind` the issuer (an `ISSUERS` key, `impostor` or `ob2`);
 * `expect` the verdict at FIXTURE_NOW and the first problem, as test/scenarios-wall.test.ts asserts.
 */
function wallBadgeSpecs() {
  const learner = learnerAchievements();
  const reuse = (key, more) => ({ ...learner[key].achievement, ...more });
  const id = (n) => `urn:uuid:2d7b9e40-8a1f-4c3e-9b25-6f0a1d3c5e${n.toString(16).padStart(2, '0')}`;
  return [
    // --- Northwind Coding Academy: did:key, VC-JWT (EdDSA) ------------------------------------
    {
      file: 'badges/northwind-html-css-foundations.jwt',
      kind: 'didKey',
      id: id(1),
      awarded: '2025-02-07T00:00:00Z',
      glyph: 'code',
      achievement: reuse('htmlCss', {
        alignment: [northwindSkill('WD-1', 'Semantic, responsive markup and layout')],
        tag: ['html', 'css', 'web development'],
      }),
      credits: 4,
      expect: ['verified'],
    },
    {
      file: 'badges/northwind-javascript-fundamentals.jwt',
      kind: 'didKey',
      id: id(2),
      awarded: '2025-04-04T00:00:00Z',
      glyph: 'code',
      achievement: reuse('javascript', {
        alignment: [northwindSkill('WD-2', 'Programming the browser')],
        tag: ['javascript', 'web development'],
      }),
      credits: 5,
      expect: ['verified'],
    },
    {
      file: 'badges/northwind-accessible-web-components.jwt',
      kind: 'didKey',
      id: id(3),
      awarded: '2025-05-16T00:00:00Z',
      glyph: 'check',
      achievement: A11Y(),
      evidence: EVIDENCE_A11Y,
      expect: ['verified'],
    },
    {
      file: 'badges/northwind-typescript-in-practice.jwt',
      kind: 'didKey',
      id: id(4),
      awarded: '2025-06-27T00:00:00Z',
      glyph: 'code',
      achievement: reuse('typescript', {
        alignment: [northwindSkill('WD-3', 'Typed, maintainable code')],
        tag: ['typescript', 'javascript', 'web development'],
      }),
      credits: 4,
      expect: ['verified'],
    },
    {
      // Signed as "Node.js and REST APIs"; the name was then "improved" in the token's payload.
      file: 'badges/northwind-node-rest-apis.jwt',
      kind: 'didKey',
      id: id(5),
      awarded: '2025-09-19T00:00:00Z',
      glyph: 'code',
      achievement: reuse('node', {
        alignment: [northwindSkill('WD-4', 'Server-side development and APIs')],
        tag: ['node.js', 'api design', 'web development'],
      }),
      credits: 5,
      tamper: (claims) => {
        claims.vc.credentialSubject.achievement.name = 'Node.js and REST APIs (with Distinction)';
        claims.vc.name = claims.vc.name.replace('Node.js and REST APIs', 'Node.js and REST APIs (with Distinction)');
      },
      expect: ['unverified', ['proof', 'ERR_OB_SIGNATURE_INVALID']],
    },
    {
      file: 'badges/northwind-testing-and-ci.jwt',
      kind: 'didKey',
      id: id(6),
      awarded: '2025-11-28T00:00:00Z',
      glyph: 'check',
      achievement: reuse('testing', {
        alignment: [northwindSkill('WD-5', 'Automated testing and delivery')],
        tag: ['testing', 'continuous integration', 'web development'],
      }),
      credits: 4,
      expect: ['verified'],
    },
    {
      file: 'badges/northwind-full-stack-web-development.jwt',
      kind: 'didKey',
      id: id(7),
      awarded: '2026-02-27T00:00:00Z',
      glyph: 'sevenStar',
      achievement: reuse('fullStack', {
        alignment: [
          northwindSkill('WD-1', 'Semantic, responsive markup and layout'),
          northwindSkill('WD-4', 'Server-side development and APIs'),
          northwindSkill('WD-5', 'Automated testing and delivery'),
        ],
        tag: ['web development', 'javascript', 'typescript', 'accessibility'],
      }),
      expect: ['verified'],
    },

    // --- Harbor City Library Makerspace: did:jwk, VC-JWT (ES256) -------------------------------
    {
      file: 'badges/makerspace-laser-cutter-operator.jwt',
      kind: 'didJwk',
      id: id(8),
      awarded: '2025-03-15T00:00:00Z',
      until: '2030-03-15T00:00:00Z',
      glyph: 'bolt',
      achievement: {
        id: 'https://makerspace.harborcity.example/achievements/laser-cutter',
        name: 'Laser Cutter Operator',
        description: 'May operate the makerspace laser cutter without supervision.',
        achievementType: 'License',
        criteria: `Attended the two-hour **safety induction**, cut a test piece under supervision, and passed the [fire-safety quiz](https://makerspace.harborcity.example/quiz). Licences are reviewed every five years.`,
        alignment: [makerspaceRule('LS-1', 'Laser safety for makerspaces')],
        tag: ['safety', 'fabrication', 'laser cutting'],
      },
      expect: ['verified'],
    },
    {
      file: 'badges/makerspace-3d-printing-basics.jwt',
      kind: 'didJwk',
      id: id(9),
      awarded: '2025-07-26T00:00:00Z',
      glyph: 'spark',
      achievement: {
        id: 'https://makerspace.harborcity.example/achievements/3d-printing-basics',
        name: '3D Printing Basics',
        description: 'Slices a model, prints it in PLA, and clears a jammed nozzle safely.',
        achievementType: 'Badge',
        criteria: `Printed a calibration cube and a part of their own design, and showed the duty technician how to clear a jam.`,
        alignment: [makerspaceRule('FAB-2', 'Using the FDM printers')],
        tag: ['3d printing', 'fabrication'],
      },
      expect: ['verified'],
    },
    {
      // A two-year licence that ran out on 2 March 2026.
      file: 'badges/makerspace-soldering-safety.jwt',
      kind: 'didJwk',
      id: id(10),
      awarded: '2024-03-02T00:00:00Z',
      until: '2026-03-02T00:00:00Z',
      glyph: 'bolt',
      achievement: {
        id: 'https://makerspace.harborcity.example/achievements/soldering-safety',
        name: 'Soldering Station Licence',
        description: 'May use the soldering stations and the fume extractor unsupervised. Renewed every two years.',
        achievementType: 'License',
        criteria: `Completed the electronics safety induction and soldered a practice kit that passed inspection.`,
        alignment: [makerspaceRule('LS-3', 'Soldering and fume safety')],
        tag: ['safety', 'electronics'],
      },
      expect: ['unverified', ['validity', 'ERR_OB_EXPIRED']],
    },

    // --- openbadge-embed demo issuer: did:web:localhost%3A5173, VC-JOSE ---------------------------
    {
      file: 'badges/demo-in-browser-verification.jwt',
      kind: 'didWeb',
      keyId: 'key-1',
      id: `${WALL}/badges/demo-in-browser-verification.jwt`,
      awarded: '2025-10-10T00:00:00Z',
      glyph: 'check',
      status: { webRevocation: 5200 },
      achievement: {
        id: 'http://localhost:5173/achievements/in-browser-verification',
        name: 'In-Browser Verification',
        description: 'Embedded a badge that any visitor can verify in their own browser, with no server in between.',
        achievementType: 'Achievement',
        criteria: `Added one \`<script>\` tag and one \`<ob-badge>\` element to a page, and served the issuer's DID document at \`/.well-known/did.json\`.`,
        alignment: [
          aligned(
            'W3C Recommendations',
            'Verifiable Credentials Data Model 2.0',
            'https://www.w3.org/TR/vc-data-model-2.0/',
          ),
        ],
        tag: ['verifiable credentials', 'web components'],
      },
      expect: ['verified'],
    },
    {
      file: 'badges/demo-issuing-with-did-web.jwt',
      kind: 'didWeb',
      keyId: 'key-2',
      id: `${WALL}/badges/demo-issuing-with-did-web.jwt`,
      awarded: '2026-01-23T00:00:00Z',
      glyph: 'code',
      achievement: {
        id: 'http://localhost:5173/achievements/issuing-with-did-web',
        name: 'Issuing with did:web',
        description: 'Published a DID document, signed a credential with its key, and had a stranger verify it.',
        achievementType: 'Assignment',
        criteria: `Submitted a signed credential whose issuer is a \`did:web\` the learner controls, verified by a reviewer's browser. See the [did:web method](https://w3c-ccg.github.io/did-method-web/).`,
        alignment: [
          aligned('W3C Recommendations', 'Decentralized Identifiers (DIDs) v1.0', 'https://www.w3.org/TR/did-core/'),
        ],
        tag: ['verifiable credentials', 'did:web', 'security'],
      },
      expect: ['verified'],
    },

    // --- Nordlys Agile Academy: did:web with a path, Data Integrity -----------------------------
    {
      file: 'badges/nordlys-scrum-fundamentals.json',
      kind: 'didWebPath',
      id: id(13),
      awarded: '2025-03-28T00:00:00Z',
      glyph: 'sevenStar',
      status: { revocation: 40101, suspension: 80101 },
      achievement: reuse('scrum', {
        alignment: [
          aligned('The Scrum Guide (2020)', 'Scrum Theory and Events', 'https://scrumguides.org/scrum-guide.html'),
        ],
        tag: ['agile', 'scrum', 'teamwork'],
      }),
      expect: ['verified'],
    },
    {
      file: 'badges/nordlys-user-story-mapping.json',
      kind: 'didWebPath',
      id: id(14),
      awarded: '2025-06-06T00:00:00Z',
      glyph: 'spark',
      status: { revocation: 40102, suspension: 80102 },
      achievement: reuse('storyMapping', {
        alignment: [nordlysSkill('PRD-2', 'Slicing work into releases')],
        tag: ['agile', 'product', 'facilitation'],
      }),
      expect: ['verified'],
    },
    {
      file: 'badges/nordlys-flow-metrics-practitioner.json',
      kind: 'didWebPath',
      cryptosuite: 'eddsa-jcs-2022',
      id: id(15),
      awarded: '2025-08-29T00:00:00Z',
      glyph: 'bolt',
      achievement: {
        ...FLOW_PRACTITIONER(),
        alignment: [nordlysSkill('FLW-1', 'Measuring flow')],
        tag: ['agile', 'kanban', 'flow'],
      },
      expect: ['verified'],
    },
    {
      // Awarded in error (Ada took the workshop, not the course): Nordlys set its revocation bit.
      file: 'badges/nordlys-product-owner-essentials.json',
      kind: 'didWebPath',
      id: id(16),
      awarded: '2025-10-17T00:00:00Z',
      glyph: 'sevenStar',
      status: { revocation: WALL_REVOKED_BIT, suspension: 80104 },
      achievement: {
        id: 'https://nordlys-agile.example/achievements/product-owner-essentials',
        name: 'Product Owner Essentials',
        description: 'Orders a backlog by value, writes testable acceptance criteria and says no kindly.',
        achievementType: 'Course',
        criteria: `Completed the three-day course and its backlog-refinement exercise with a real team.`,
        alignment: [nordlysSkill('PRD-1', 'Owning a product backlog')],
        tag: ['agile', 'product'],
      },
      expect: ['unverified', ['status', 'ERR_OB_REVOKED']],
    },
    {
      file: 'badges/nordlys-retrospective-facilitator.json',
      kind: 'didWebPath',
      id: id(17),
      awarded: '2026-01-09T00:00:00Z',
      glyph: 'spark',
      status: { revocation: 40103, suspension: 80103 },
      achievement: reuse('retrospectives', {
        alignment: [nordlysSkill('FAC-2', 'Facilitating team events')],
        tag: ['agile', 'facilitation', 'teamwork'],
      }),
      expect: ['verified'],
    },

    // --- Tidewater Skills Partnership: another did:web with a path, Data Integrity -----------------
    {
      file: 'badges/tidewater-career-readiness.json',
      kind: 'didWebRecords',
      id: id(18),
      awarded: '2025-01-31T00:00:00Z',
      glyph: 'check',
      achievement: reuse('careerReadiness', {
        alignment: [tidewaterSkill('EMP-1', 'Preparing for work')],
        tag: ['careers', 'communication'],
      }),
      expect: ['verified'],
    },
    {
      file: 'badges/tidewater-professional-communication.json',
      kind: 'didWebRecords',
      id: id(19),
      awarded: '2025-07-11T00:00:00Z',
      glyph: 'spark',
      achievement: reuse('communication', {
        alignment: [tidewaterSkill('COM-2', 'Written communication at work')],
        tag: ['communication', 'code review', 'teamwork'],
      }),
      expect: ['verified'],
    },
    {
      file: 'badges/tidewater-civic-hackathon-2025.json',
      kind: 'didWebRecords',
      id: id(20),
      awarded: '2025-11-08T00:00:00Z',
      glyph: 'sevenStar',
      achievement: reuse('hackathon', {
        alignment: [
          aligned(
            'Web Content Accessibility Guidelines 2.2',
            'WCAG 2.2 Success Criterion 2.1.1: Keyboard',
            'https://www.w3.org/TR/WCAG22/#keyboard',
            '2.1.1',
          ),
        ],
        tag: ['accessibility', 'teamwork', 'hackathon'],
      }),
      expect: ['verified'],
    },
    {
      file: 'badges/tidewater-digital-inclusion-volunteer.json',
      kind: 'didWebRecords',
      id: id(21),
      awarded: '2026-03-13T00:00:00Z',
      glyph: 'check',
      achievement: reuse('volunteer', {
        alignment: [tidewaterSkill('CIV-1', 'Community contribution')],
        tag: ['volunteering', 'accessibility', 'communication'],
      }),
      expect: ['verified'],
    },

    // --- Lakeside Community College: an https issuer with a JWKS, VC-JWT (ES256) ------------------
    {
      file: 'badges/lakeside-introduction-to-data-analysis.jwt',
      kind: 'https',
      id: 'https://learn.lakeside.example/credentials/a11c3e',
      awarded: '2025-06-20T00:00:00Z',
      glyph: 'spark',
      achievement: {
        id: 'https://learn.lakeside.example/courses/data-101',
        name: 'Introduction to Data Analysis',
        description: 'A 30-hour course on cleaning, summarising and visualising tabular data.',
        achievementType: 'Course',
        criteria: `Completed six weekly problem sets (spreadsheets and Python), a final project analysing an [open data set](https://data.lakeside.example), and a 10-minute presentation of the findings.`,
        alignment: [lakesideSkill('DS-3', 'Data literacy')],
        tag: ['data', 'python', 'spreadsheets'],
      },
      expect: ['verified'],
    },
    {
      file: 'badges/lakeside-sql-for-analysts.jwt',
      kind: 'https',
      id: 'https://learn.lakeside.example/credentials/b52d90',
      awarded: '2025-09-26T00:00:00Z',
      glyph: 'code',
      achievement: {
        id: 'https://learn.lakeside.example/courses/data-140',
        name: 'SQL for Analysts',
        description: 'Joins, grouping, window functions and reading a query plan, on a real city data set.',
        achievementType: 'Course',
        criteria: `Passed the weekly quizzes and wrote ten queries answering the city transport office's questions.`,
        alignment: [lakesideSkill('DS-4', 'Working with databases')],
        tag: ['data', 'sql'],
      },
      expect: ['verified'],
    },
    {
      file: 'badges/lakeside-data-visualisation.jwt',
      kind: 'https',
      id: 'https://learn.lakeside.example/credentials/c7e418',
      awarded: '2026-01-30T00:00:00Z',
      glyph: 'spark',
      achievement: {
        id: 'https://learn.lakeside.example/courses/data-210',
        name: 'Data Visualisation for the Web',
        description:
          'Charts that tell the truth: scales, colour, annotation, and accessible interactive charts with D3.',
        achievementType: 'Course',
        criteria: `Published three interactive charts with text alternatives and a data table for each.`,
        alignment: [lakesideSkill('DS-5', 'Communicating with data')],
        tag: ['data', 'visualisation', 'javascript', 'accessibility'],
      },
      expect: ['verified'],
    },
    {
      file: 'badges/lakeside-applied-data-analytics.jwt',
      kind: 'https',
      id: 'https://learn.lakeside.example/credentials/d90f27',
      awarded: '2026-05-15T00:00:00Z',
      until: '2031-05-15T00:00:00Z',
      glyph: 'sevenStar',
      achievement: {
        id: 'https://learn.lakeside.example/certificates/applied-data-analytics',
        name: 'Certificate in Applied Data Analytics',
        description: 'Lakeside’s part-time certificate: four data courses and a project for a local organisation.',
        achievementType: 'Certificate',
        criteria: `Awarded on passing four courses of the data pathway and a capstone project for a community partner.`,
        alignment: [
          lakesideSkill('DS-3', 'Data literacy'),
          lakesideSkill('DS-4', 'Working with databases'),
          lakesideSkill('DS-5', 'Communicating with data'),
        ],
        tag: ['data', 'statistics', 'sql', 'python'],
      },
      expect: ['verified'],
    },

    // --- Millbrook Code Club: Open Badges 2.0 (hosted, signed, baked PNG) -----------------------------
    {
      file: 'ob2/assertions/git-fundamentals.json',
      kind: 'ob2',
      ob2: 'hosted',
      badgeClass: 'git-fundamentals',
      awarded: '2025-01-18T10:00:00Z',
      expect: ['verified'],
    },
    {
      file: 'ob2/signed/code-reviewer.jwt',
      kind: 'ob2',
      ob2: 'signed',
      uuid: '9c2e5a71-3b8d-4f60-a1e4-7d5b3c9f2a01',
      badgeClass: 'code-reviewer',
      awarded: '2025-08-09T18:30:00Z',
      expect: ['verified'],
    },
    {
      file: 'ob2/assertions/pair-programming-mentor.json',
      kind: 'ob2',
      ob2: 'hosted',
      badgeClass: 'pair-programming-mentor',
      awarded: '2025-12-06T11:00:00Z',
      expect: ['verified'],
    },
    {
      file: 'ob2/baked/lightning-talk-speaker.png',
      kind: 'ob2',
      ob2: 'baked',
      uuid: '9c2e5a71-3b8d-4f60-a1e4-7d5b3c9f2a02',
      badgeClass: 'lightning-talk-speaker',
      awarded: '2026-04-18T19:00:00Z',
      expect: ['verified'],
    },

    // --- An impostor: a did:key nobody publishes, calling itself a famous university --------------
    {
      file: 'badges/impostor-university-machine-learning.jwt',
      kind: 'impostor',
      id: id(30),
      awarded: '2026-05-02T00:00:00Z',
      glyph: 'sevenStar',
      achievement: {
        id: 'https://university-of-cambridge.example/certificates/advanced-machine-learning',
        name: 'Certificate in Advanced Machine Learning',
        description: 'A postgraduate certificate in modern machine learning. Issued online, no questions asked.',
        achievementType: 'Certificate',
        criteria: `Paid the fee.`,
        tag: ['machine learning', 'python', 'data'],
      },
      expect: ['verified'],
    },
  ];
}

/** Millbrook Code Club's badge classes for the wall (OB 2.0), at `${WALL}/ob2/badges/<slug>.json`. */
const WALL_OB2_CLASSES = {
  'git-fundamentals': {
    name: 'Git Fundamentals',
    description: 'Commits, branches, merges and rebases; recovers from a mess without losing work.',
    glyph: 'code',
    criteria: `Earners of this badge, at a club evening:

- branched, committed and merged a change with a conflict, and resolved it;
- undid a bad commit with \`git revert\` and found a lost one with \`git reflog\`.`,
    tags: ['git', 'version control'],
    alignment: {
      targetName: 'Version control',
      targetUrl: 'https://millbrook-code-club.example/skills#version-control',
      targetFramework: 'Millbrook Code Club skills framework',
      targetCode: 'TOOLS-1',
    },
    evidence: {
      id: 'https://millbrook-code-club.example/portfolio/ada-lovelace/git-kata',
      name: 'The merge-conflict kata',
      narrative: 'Resolved three conflicts and explained each resolution to a mentor.',
    },
  },
  'code-reviewer': {
    name: 'Code Reviewer',
    description: 'Reviews pull requests kindly and usefully: tests first, then design, then style.',
    glyph: 'check',
    criteria: `Reviewed at least **ten** pull requests in club projects; two maintainers vouched for the reviews.`,
    tags: ['code review', 'open source', 'git'],
    alignment: {
      targetName: 'Collaborating on a shared code base',
      targetUrl: 'https://millbrook-code-club.example/skills#collaboration',
      targetFramework: 'Millbrook Code Club skills framework',
      targetCode: 'COLLAB-2',
    },
    evidence: {
      id: 'https://github.example/millbrook/club-site/pulls?q=reviewed-by%3Aada',
      name: 'Her reviews on the club website',
      narrative: 'Twelve reviewed pull requests, March to August 2025.',
    },
  },
  'pair-programming-mentor': {
    name: 'Pair Programming Mentor',
    description: 'Pairs with newer members so that they drive, learn, and come back next week.',
    glyph: 'spark',
    criteria: `Mentored at six club evenings and received positive feedback from three mentees.`,
    tags: ['mentoring', 'teamwork', 'javascript'],
    alignment: {
      targetName: 'Mentoring',
      targetUrl: 'https://millbrook-code-club.example/skills#mentoring',
      targetFramework: 'Millbrook Code Club skills framework',
      targetCode: 'PEOPLE-1',
    },
  },
  'lightning-talk-speaker': {
    name: 'Lightning Talk Speaker',
    description: 'Gave a five-minute talk at the club’s demo night.',
    glyph: 'bolt',
    criteria: `Gave a lightning talk at demo night. Ada’s was “Badges your visitors can verify”.`,
    tags: ['public speaking', 'communication', 'verifiable credentials'],
    alignment: {
      targetName: 'Sharing knowledge',
      targetUrl: 'https://millbrook-code-club.example/skills#sharing',
      targetFramework: 'Millbrook Code Club skills framework',
      targetCode: 'PEOPLE-3',
    },
  },
};

/**
 * The wall's trust list (docs/trust-list.schema.json): two of its real issuers, one by DID, one by
 * domain. demo/wall.html names them too ("Issuers we know").
 */
function wallTrustList(issuerKey) {
  return {
    $schema: 'https://openbadge-embed.dev/schemas/trust-list.schema.json',
    name: 'Harbor City Careers',
    issuers: [
      { name: 'Northwind Coding Academy', did: issuerKey.did, url: 'https://northwind.example' },
      { name: 'Lakeside Community College', domain: 'lakeside.example', url: 'https://www.lakeside.example' },
    ],
  };
}

/**
 * Every wall file (path under wall/ → text or bytes), the URL → file entries for documents.json,
 * and what issuers.json says about the wall.
 */
async function wallFixtures({ keys, issuerKey, issuerJwk, attacker, bundledContexts, lakeside }) {
  const webKeys = { 'key-1': keys['did-web-ed25519'], 'key-2': keys['did-web-multikey-ed25519'] };
  const httpsKey = keys['https-issuer-p256'];
  const pathKey = keys['did-web-path-ed25519'];
  const recordsKey = keys['did-web-path-records-ed25519'];
  const rsa = keys['ob2-issuer-rsa'];
  const issuerIds = {
    didKey: issuerKey.did,
    didJwk: issuerJwk.did,
    didWeb: DID_WEB,
    didWebPath: DID_WEB_PATH,
    didWebRecords: DID_WEB_RECORDS,
    https: HTTPS_ISSUER,
    impostor: attacker.did,
  };
  // One salt per issuer, as each issuer picks its own.
  const saltOf = (kind) => createHash('sha256').update(`wall ${kind}`).digest('hex').slice(0, 12);

  const files = {};
  const documents = {};
  const specs = wallBadgeSpecs();
  if (specs.length !== 30) throw new Error('The wall holds 30 badges');
  // Each status entry points at a bit that says what the badge expects: set only for the revoked one.
  for (const spec of specs.filter((candidate) => candidate.status)) {
    const revoked = spec.expect[1]?.[1] === 'ERR_OB_REVOKED';
    const [index, bits] =
      spec.status.webRevocation === undefined
        ? [spec.status.revocation, PATH_REVOKED_BITS]
        : [spec.status.webRevocation, WEB_REVOKED_BITS];
    if (bits.includes(index) !== revoked) throw new Error(`${spec.file}: revocation bit ${index} is wrong`);
    if (spec.status.suspension !== undefined && PATH_SUSPENDED_BITS.includes(spec.status.suspension)) {
      throw new Error(`${spec.file}: suspension bit ${spec.status.suspension} is set`);
    }
  }

  /** The unsigned OB 3.0 credential of a spec. */
  const credentialOf = (spec, n) => {
    const achievement = { ...spec.achievement, image: wallImage(spec.kind, spec.glyph, n, spec.achievement.name) };
    const badge = openBadge({
      issuerId: issuerIds[spec.kind],
      issuerKind: spec.kind === 'impostor' ? 'didKey' : spec.kind,
      credentialId: spec.id,
      subjectId: WALL_SUBJECT,
      recipientName: WALL_EARNER,
      achievement: achievementOf(spec.kind === 'impostor' ? 'didKey' : spec.kind, achievement),
      dates: { from: spec.awarded, ...(spec.until ? { until: spec.until } : {}) },
      extra: spec.evidence ? { evidence: spec.evidence } : {},
    });
    if (spec.kind === 'impostor') {
      const { image, ...stated } = WALL_IMPOSTOR;
      badge.issuer = {
        id: attacker.did,
        type: ['Profile'],
        ...stated,
        image: { id: medalPng({ ...image, size: 48 }), type: 'Image', caption: `${stated.name} logo` },
      };
    }
    badge.credentialSubject.identifier.push(hashedEmail(OB2_EARNER, saltOf(spec.kind)));
    if (spec.credits !== undefined) badge.credentialSubject.creditsEarned = spec.credits;
    if (spec.status?.webRevocation !== undefined) {
      badge.credentialStatus = statusEntry(DID_WEB_REVOCATION_LIST, 'revocation', spec.status.webRevocation);
    } else if (spec.status) {
      badge.credentialStatus = [
        statusEntry(PATH_REVOCATION_LIST, 'revocation', spec.status.revocation),
        statusEntry(PATH_SUSPENSION_LIST, 'suspension', spec.status.suspension),
      ];
    }
    if (spec.kind === 'didWebPath') badge['@context'] = [VCDM2, OB303, OB_EXTENSIONS];
    return badge;
  };

  const path = (file) => join(FIXTURES, 'wall', file);
  for (const [n, spec] of specs.entries()) {
    if (spec.kind === 'ob2') continue;
    const credential = credentialOf(spec, n);
    assertBundledContexts(spec.file, credential, bundledContexts);
    let content;
    switch (spec.kind) {
      case 'didKey':
      case 'impostor': {
        const signer = spec.kind === 'impostor' ? attacker : issuerKey;
        const token = await signVcJwt(credential, signer.key, { kid: signer.kid });
        content = spec.tamper ? withPayload(token, spec.tamper) : token;
        break;
      }
      case 'didJwk':
        content = await stableToken(
          path(spec.file),
          await signVcJwt(credential, issuerJwk.key, { kid: issuerJwk.kid }),
          issuerJwk.key.publicKey,
        );
        break;
      case 'https':
        content = await stableToken(
          path(spec.file),
          await signVcJwt(credential, httpsKey, { kid: httpsKey.thumbprint }),
          httpsKey.publicKey,
        );
        break;
      case 'didWeb':
        content = await signVcJose(credential, webKeys[spec.keyId], { kid: `${DID_WEB}#${spec.keyId}` });
        break;
      case 'didWebPath':
        content = await signDi(credential, {
          verificationMethod: `${DID_WEB_PATH}#key-1`,
          privateKey: pathKey.privateKey,
          cryptosuite: spec.cryptosuite,
        });
        break;
      case 'didWebRecords':
        content = await signDi(credential, {
          verificationMethod: `${DID_WEB_RECORDS}#key-1`,
          privateKey: recordsKey.privateKey,
        });
        break;
      default:
        throw new Error(`${spec.file}: unknown issuer kind ${spec.kind}`);
    }
    files[spec.file] = typeof content === 'string' ? `${content}\n` : `${JSON.stringify(content, null, 2)}\n`;
  }

  // Open Badges 2.0: Millbrook Code Club's badge classes, images and Ada's assertions.
  const ob2Url = (file) => `${WALL}/${file}`;
  for (const [slug, badgeClass] of Object.entries(WALL_OB2_CLASSES)) {
    const n = Object.keys(WALL_OB2_CLASSES).indexOf(slug);
    files[`ob2/images/${slug}.png`] = wallArt('ob2', badgeClass.glyph, n + 2);
    files[`ob2/badges/${slug}.json`] = `${JSON.stringify(
      {
        '@context': OB2_CONTEXT,
        type: 'BadgeClass',
        id: ob2Url(`ob2/badges/${slug}.json`),
        name: badgeClass.name,
        description: badgeClass.description,
        image: ob2Url(`ob2/images/${slug}.png`),
        criteria: { narrative: badgeClass.criteria },
        issuer: OB2_ISSUER,
        tags: badgeClass.tags,
        alignment: [badgeClass.alignment],
      },
      null,
      2,
    )}\n`;
  }
  const published = await importSPKI(spkiPem(rsa.publicJwk), 'RS256');
  for (const spec of specs.filter((candidate) => candidate.kind === 'ob2')) {
    const badgeClass = WALL_OB2_CLASSES[spec.badgeClass];
    const common = {
      badge: ob2Url(`ob2/badges/${spec.badgeClass}.json`),
      issuedOn: spec.awarded,
      // No evidence at all when the club recorded none (`undefined` is dropped from the JSON).
      evidence: badgeClass.evidence ? [{ ...badgeClass.evidence, genre: 'Project' }] : undefined,
    };
    if (spec.ob2 === 'hosted') {
      files[spec.file] = `${JSON.stringify(ob2Hosted(ob2Url(spec.file), common), null, 2)}\n`;
      continue;
    }
    const token = await signOb2(ob2Signed(spec.uuid, common), rsa);
    await compactVerify(token, published);
    files[spec.file] =
      spec.ob2 === 'baked' ? bakePng(files[`ob2/images/${spec.badgeClass}.png`], 'openbadges', token) : `${token}\n`;
  }

  // The list <ob-badge-list src> reads, and the trust list of the page that shows it.
  const list = specs.map((spec) => ob2Url(spec.file));
  files['list.json'] = `${JSON.stringify(list, null, 2)}\n`;
  files['trust-list.json'] = `${JSON.stringify(wallTrustList(issuerKey), null, 2)}\n`;
  // Lakeside Community College lives at a made-up domain no browser can reach: the demo page hands
  // its verifier these documents (URL → document) instead. Every other issuer is served by the demo.
  files['made-up-domains.json'] = `${JSON.stringify(lakeside, null, 2)}\n`;

  // Every wall URL → its file, so a closed-world verifier (tests, `ob-verify --documents`) reads them all.
  for (const file of Object.keys(files)) {
    if (['list.json', 'trust-list.json', 'made-up-domains.json'].includes(file)) continue;
    documents[ob2Url(file)] = `wall/${file}`;
  }

  const info = {
    earner: { name: WALL_EARNER, id: WALL_SUBJECT, email: OB2_EARNER },
    list: ob2Url('list.json'),
    trustList: ob2Url('trust-list.json'),
    revokedBit: { list: PATH_REVOCATION_LIST, index: WALL_REVOKED_BIT },
    badges: specs.map((spec) => ({
      url: ob2Url(spec.file),
      issuer: spec.kind === 'ob2' ? OB2_ISSUER : issuerIds[spec.kind],
      verdict: spec.expect[0],
      ...(spec.expect[1] ? { problem: spec.expect[1] } : {}),
    })),
  };
  return { files, documents, info };
}

// ---------------------------------------------------------------------------------------------
// Output

/** The context URLs the verifier bundles: the keys of `BUNDLED` in src/core/jsonld/contexts.ts. */
async function bundledContextUrls() {
  const source = await readFile(join(ROOT, 'src/core/jsonld/contexts.ts'), 'utf8');
  const urls = new Set([...source.matchAll(/'(https?:\/\/[^']+)':\s*\(\)\s*=>\s*import\(/g)].map((match) => match[1]));
  if (urls.size < 10) throw new Error('Could not read the bundled context URLs from src/core/jsonld/contexts.ts');
  return urls;
}

const changed = [];

/** Writes `content` (text, or bytes for images) to `path` unless it is already there. */
async function emit(path, content) {
  const binary = typeof content !== 'string';
  let previous;
  try {
    previous = await readFile(path, binary ? undefined : 'utf8');
  } catch {
    previous = undefined;
  }
  if (binary ? previous !== undefined && Buffer.compare(previous, content) === 0 : previous === content) return;
  changed.push(relative(ROOT, path));
  if (CHECK) return;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

function signingInput(jws) {
  return jws.split('.').slice(0, 2).join('.');
}

/**
 * ECDSA signatures differ on every run; keep the committed token when it already signs exactly
 * this header and payload with the same key, so regenerating is a no-op.
 */
async function stableToken(path, fresh, verifyKey) {
  if (!verifyKey) return fresh;
  try {
    const previous = (await readFile(path, 'utf8')).trim();
    if (signingInput(previous) === signingInput(fresh)) {
      await compactVerify(previous, verifyKey);
      return previous;
    }
  } catch {
    // No previous token, or it no longer verifies: use the fresh one.
  }
  return fresh;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const keys = await loadKeys();

  const issuerKey = { ...didKeyOf(keys['did-key-ed25519'].publicJwk), key: keys['did-key-ed25519'] };
  const issuerJwk = { ...didJwkOf(keys['did-jwk-p256'].publicJwk), key: keys['did-jwk-p256'] };
  const attacker = { ...didKeyOf(keys['attacker-ed25519'].publicJwk), key: keys['attacker-ed25519'] };
  const webKey = keys['did-web-ed25519'];
  const webMultikey = keys['did-web-multikey-ed25519'];
  const httpsKey = keys['https-issuer-p256'];
  const pathKey = keys['did-web-path-ed25519'];

  // The Data Integrity signer must reproduce the specification's own vectors before it signs anything.
  await selfTest();

  // --- documents the verifier dereferences -----------------------------------------------------
  const didWebDocument = {
    '@context': [
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/jwk/v1',
      'https://w3id.org/security/multikey/v1',
    ],
    id: DID_WEB,
    verificationMethod: [
      { id: `${DID_WEB}#key-1`, type: 'JsonWebKey', controller: DID_WEB, publicKeyJwk: webKey.publicJwk },
      {
        id: `${DID_WEB}#key-2`,
        type: 'Multikey',
        controller: DID_WEB,
        publicKeyMultibase: ed25519Multibase(webMultikey.publicJwk),
      },
    ],
    assertionMethod: [`${DID_WEB}#key-1`, `${DID_WEB}#key-2`],
    authentication: [`${DID_WEB}#key-1`],
  };
  const httpsJwk = { ...httpsKey.publicJwk, kid: httpsKey.thumbprint, alg: 'ES256', use: 'sig' };
  const httpsVerificationMethod = {
    id: `${HTTPS_ISSUER}#key-1`,
    type: 'JsonWebKey',
    controller: HTTPS_ISSUER,
    publicKeyJwk: httpsJwk,
  };
  // The issuer's profile is also its controller document (VC Controller Document / CID 1.0):
  // it lists its keys; the same key is in the JWKS at /.well-known/jwks.json.
  const httpsProfile = {
    '@context': [VCDM2, OB303, 'https://www.w3.org/ns/cid/v1'],
    ...issuerProfile(HTTPS_ISSUER, 'https'),
    verificationMethod: [httpsVerificationMethod],
    assertionMethod: [httpsVerificationMethod.id],
  };
  const httpsJwks = { keys: [httpsJwk] };
  // The did:web-with-path issuer: one Multikey, as a shared badge platform publishes per issuer.
  const didWebPathDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: DID_WEB_PATH,
    verificationMethod: [
      {
        id: `${DID_WEB_PATH}#key-1`,
        type: 'Multikey',
        controller: DID_WEB_PATH,
        publicKeyMultibase: ed25519Multibase(pathKey.publicJwk),
      },
    ],
    assertionMethod: [`${DID_WEB_PATH}#key-1`],
  };

  // Status lists, each signed by the issuer of the badges that point at it.
  const pathRevocationList = await signByPathIssuer(
    statusListCredential({
      url: PATH_REVOCATION_LIST,
      issuer: DID_WEB_PATH,
      statusPurpose: 'revocation',
      setBits: PATH_REVOKED_BITS,
    }),
    pathKey,
  );
  const pathSuspensionList = await signByPathIssuer(
    statusListCredential({
      url: PATH_SUSPENSION_LIST,
      issuer: DID_WEB_PATH,
      statusPurpose: 'suspension',
      setBits: PATH_SUSPENDED_BITS,
    }),
    pathKey,
  );
  const webRevocationList = await signVcJose(
    statusListCredential({
      url: DID_WEB_REVOCATION_LIST,
      issuer: DID_WEB,
      statusPurpose: 'revocation',
      setBits: WEB_REVOKED_BITS,
    }),
    webKey,
    { kid: `${DID_WEB}#key-1` },
  );

  const documentFiles = {
    'did-web-localhost-5173.json': didWebDocument,
    'https-issuer-profile.json': httpsProfile,
    'https-issuer-jwks.json': httpsJwks,
    'https-issuer-key-1.json': httpsVerificationMethod,
    'did-web-path.json': didWebPathDocument,
    'status-list-did-web-path-revocation.json': pathRevocationList,
    'status-list-did-web-path-suspension.json': pathSuspensionList,
  };
  for (const [name, document] of Object.entries(documentFiles)) {
    await emit(join(DOCUMENTS, name), `${JSON.stringify(document, null, 2)}\n`);
  }
  await emit(join(DOCUMENTS, 'status-list-did-web-revocation.jwt'), `${webRevocationList}\n`);
  // URL or DID → file, relative to test/fixtures/ (the format `ob-verify --documents` reads).
  const documentsMap = {
    [DID_WEB]: 'documents/did-web-localhost-5173.json',
    [DID_WEB_URL]: 'documents/did-web-localhost-5173.json',
    // A verifier without `allowHttpHosts: ['localhost']` asks for the https URL; answer both.
    [DID_WEB_URL.replace('http:', 'https:')]: 'documents/did-web-localhost-5173.json',
    [HTTPS_ISSUER]: 'documents/https-issuer-profile.json',
    [HTTPS_ISSUER_JWKS]: 'documents/https-issuer-jwks.json',
    [`${HTTPS_ISSUER}#key-1`]: 'documents/https-issuer-key-1.json',
    [DID_WEB_PATH]: 'documents/did-web-path.json',
    [DID_WEB_PATH_URL]: 'documents/did-web-path.json',
    [DID_WEB_PATH_URL.replace('http:', 'https:')]: 'documents/did-web-path.json',
    [PATH_REVOCATION_LIST]: 'documents/status-list-did-web-path-revocation.json',
    [PATH_SUSPENSION_LIST]: 'documents/status-list-did-web-path-suspension.json',
    [DID_WEB_REVOCATION_LIST]: 'documents/status-list-did-web-revocation.jwt',
    [DID_WEB_RECORDS]: 'documents/did-web-path-records.json',
    [DID_WEB_RECORDS_URL]: 'documents/did-web-path-records.json',
    [DID_WEB_RECORDS_URL.replace('http:', 'https:')]: 'documents/did-web-path-records.json',
  };
  // Written below, once the Open Badges 2.0 documents are added to it.

  // --- credentials -------------------------------------------------------------------------------
  const tokens = {};
  const put = async (name, token, verifyKey) => {
    const path = join(CREDENTIALS, name);
    tokens[name] = await stableToken(path, token, verifyKey);
  };
  const k = { kid: issuerKey.kid };

  await put('ob3-jwt-valid-did-key.jwt', await signVcJwt(didKeyBadge(issuerKey.did), issuerKey.key, k));

  await put(
    'ob3-jwt-valid-did-jwk.jwt',
    await signVcJwt(
      openBadge({
        issuerId: issuerJwk.did,
        issuerKind: 'didJwk',
        credentialId: 'https://makerspace.harborcity.example/credentials/2025-0142',
        subjectId: 'did:example:grace-hopper',
        recipientName: 'Grace Hopper',
        vcdm: '1.1',
        achievement: achievementOf('didJwk', {
          id: 'https://makerspace.harborcity.example/achievements/laser-cutter',
          name: 'Laser Cutter Operator',
          description: 'May operate the makerspace laser cutter without supervision.',
          achievementType: 'License',
          criteria: `To earn this licence you must:

1. attend the two-hour **safety induction**;
2. cut a test piece under supervision (plywood, 3 mm and 6 mm);
3. pass the [fire-safety quiz](https://makerspace.harborcity.example/quiz).

Licences are reviewed every five years.`,
          alignment: [
            {
              type: ['Alignment'],
              targetName: 'Laser safety for makerspaces',
              targetUrl: 'https://makerspace.harborcity.example/safety/laser',
              targetFramework: 'Harbor City Makerspace safety rules',
              targetCode: 'LS-1',
            },
          ],
          tag: ['safety', 'fabrication'],
        }),
        dates: { from: VALID_FROM, until: VALID_UNTIL },
        extra: {
          evidence: [
            {
              id: 'https://makerspace.harborcity.example/logbook/2025/0142',
              type: ['Evidence'],
              name: 'Supervised test cut',
              narrative: 'Signed off by the duty technician on 2 January 2025.',
              genre: 'Assessment',
            },
          ],
        },
      }),
      issuerJwk.key,
      { kid: issuerJwk.kid },
    ),
    issuerJwk.key.publicKey,
  );

  const didWebBadge = (kidSuffix, credentialId) =>
    openBadge({
      issuerId: DID_WEB,
      issuerKind: 'didWeb',
      credentialId,
      subjectId: 'did:example:alan-turing',
      recipientName: 'Alan Turing',
      achievement: achievementOf('didWeb', {
        id: 'http://localhost:5173/achievements/in-browser-verification',
        name: 'In-Browser Verification',
        description: 'Embedded a badge that any visitor can verify in their own browser, with no server in between.',
        achievementType: 'Achievement',
        criteria: `Awarded for embedding a verifiable badge:

- add one \`<script>\` tag and one \`<ob-badge>\` element;
- serve the issuer's DID document at \`/.well-known/did.json\`;
- read the [did:web method specification](https://w3c-ccg.github.io/did-method-web/).`,
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'Verifiable Credentials Data Model 2.0',
            targetUrl: 'https://www.w3.org/TR/vc-data-model-2.0/',
            targetFramework: 'W3C Recommendations',
          },
        ],
        tag: ['verifiable credentials', 'did:web'],
      }),
      dates: { from: VALID_FROM, until: VALID_UNTIL },
      extra: {
        evidence: [
          {
            id: 'http://localhost:5173/',
            type: ['Evidence'],
            name: 'The demo page',
            description: 'This very page, with the badge embedded.',
            genre: 'Web page',
          },
        ],
      },
    });
  await put(
    'ob3-jose-valid-did-web.jwt',
    await signVcJose(didWebBadge('key-1', 'http://localhost:5173/credentials/ob3-jose-valid-did-web'), webKey, {
      kid: `${DID_WEB}#key-1`,
    }),
  );
  await put(
    'ob3-jose-valid-did-web-multikey.jwt',
    await signVcJose(
      didWebBadge('key-2', 'http://localhost:5173/credentials/ob3-jose-valid-did-web-multikey'),
      webMultikey,
      {
        kid: `${DID_WEB}#key-2`,
      },
    ),
  );

  await put(
    'ob3-jwt-valid-https-jwks.jwt',
    await signVcJwt(
      openBadge({
        issuerId: HTTPS_ISSUER,
        issuerKind: 'https',
        credentialId: 'https://learn.lakeside.example/credentials/8f2c61',
        subjectId: 'did:example:katherine-johnson',
        recipientName: 'Katherine Johnson',
        achievement: achievementOf('https', {
          id: 'https://learn.lakeside.example/courses/data-101',
          name: 'Introduction to Data Analysis',
          description: 'A 30-hour course on cleaning, summarising and visualising tabular data.',
          achievementType: 'Course',
          criteria: `Completed all of:

- six weekly problem sets (spreadsheets and Python);
- a final project analysing an [open data set](https://data.lakeside.example);
- a 10-minute presentation of the findings.`,
          alignment: [
            {
              type: ['Alignment'],
              targetName: 'Data literacy',
              targetUrl: 'https://learn.lakeside.example/frameworks/digital-skills#data-literacy',
              targetFramework: 'Lakeside Digital Skills Framework',
              targetCode: 'DS-3',
            },
          ],
        }),
        dates: { from: VALID_FROM, until: VALID_UNTIL },
        extra: {
          evidence: [
            {
              id: 'https://learn.lakeside.example/projects/8f2c61',
              type: ['Evidence'],
              name: 'Final project: bus ridership 2019–2024',
              genre: 'Project',
            },
          ],
        },
      }),
      httpsKey,
      { kid: httpsKey.thumbprint },
    ),
    httpsKey.publicKey,
  );

  await put(
    'ob3-jwt-expired.jwt',
    await signVcJwt(
      didKeyBadge(issuerKey.did, {
        credentialId: 'urn:uuid:5b1c0ad4-3f0e-4a53-9d0e-6a1c2f7e9b02',
        dates: { from: '2024-01-01T00:00:00Z', until: '2025-01-01T00:00:00Z' },
      }),
      issuerKey.key,
      k,
    ),
  );
  await put(
    'ob3-jwt-not-yet-valid.jwt',
    await signVcJwt(
      didKeyBadge(issuerKey.did, {
        credentialId: 'urn:uuid:5b1c0ad4-3f0e-4a53-9d0e-6a1c2f7e9b03',
        dates: { from: '2031-01-01T00:00:00Z', until: '2036-01-01T00:00:00Z' },
      }),
      issuerKey.key,
      k,
    ),
  );

  // Signed, then the recipient name was edited: the signature no longer covers the payload.
  const original = await signVcJwt(
    didKeyBadge(issuerKey.did, { credentialId: 'urn:uuid:5b1c0ad4-3f0e-4a53-9d0e-6a1c2f7e9b04' }),
    issuerKey.key,
    k,
  );
  await put(
    'ob3-jwt-tampered.jwt',
    withPayload(original, (claims) => {
      claims.vc.credentialSubject.identifier[0].identityHash = 'Mallory Mallet';
      claims.vc.name = claims.vc.name.replace('Ada Lovelace', 'Mallory Mallet');
    }),
  );

  // The credential names the did:web issuer, but the attacker signed it with their own did:key.
  await put(
    'ob3-jwt-wrong-key.jwt',
    await signVcJwt(didWebBadge('key-1', 'http://localhost:5173/credentials/ob3-jwt-wrong-key'), attacker.key, {
      kid: attacker.kid,
    }),
  );

  // An https issuer, signed by the attacker, who put their own public key in the `jwk` header.
  const httpsForged = openBadge({
    issuerId: HTTPS_ISSUER,
    issuerKind: 'https',
    credentialId: 'https://learn.lakeside.example/credentials/forged-1',
    subjectId: 'did:example:mallory',
    recipientName: 'Mallory Mallet',
    achievement: achievementOf('https', {
      id: 'https://learn.lakeside.example/courses/data-101',
      name: 'Introduction to Data Analysis',
      description: 'A 30-hour course on cleaning, summarising and visualising tabular data.',
      achievementType: 'Course',
    }),
    dates: { from: VALID_FROM, until: VALID_UNTIL },
  });
  await put(
    'ob3-jwt-header-jwk-unbound.jwt',
    await signVcJwt(httpsForged, attacker.key, { jwk: attacker.key.publicJwk }),
  );

  // alg "none": no signature at all (RFC 7519 §6 "Unsecured JWT"; the empty third segment is the real shape).
  await put(
    'ob3-jwt-alg-none.jwt',
    unsigned(
      { alg: 'none', typ: 'JWT', kid: issuerKey.kid },
      vcJwtClaims(didKeyBadge(issuerKey.did, { credentialId: 'urn:uuid:5b1c0ad4-3f0e-4a53-9d0e-6a1c2f7e9b05' })),
    ),
  );

  // HS256 with the issuer's *public* key bytes as the HMAC secret: the classic key-confusion forgery.
  await put(
    'ob3-jwt-hs256.jwt',
    await new SignJWT(
      vcJwtClaims(didKeyBadge(issuerKey.did, { credentialId: 'urn:uuid:5b1c0ad4-3f0e-4a53-9d0e-6a1c2f7e9b06' })),
    )
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: issuerKey.kid })
      .sign(base64url.decode(issuerKey.key.publicJwk.x)),
  );

  // A correctly signed token that marks an extension we do not implement as critical.
  await put(
    'ob3-jwt-unknown-crit.jwt',
    await signVcJwt(
      didKeyBadge(issuerKey.did, { credentialId: 'urn:uuid:5b1c0ad4-3f0e-4a53-9d0e-6a1c2f7e9b07' }),
      issuerKey.key,
      {
        ...k,
        crit: ['urn:example:must-understand'],
        'urn:example:must-understand': true,
      },
      { signOptions: { crit: { 'urn:example:must-understand': true } } },
    ),
  );

  // Signed by the did:key issuer (whose key it is), but the JWT `iss` names the did:jwk issuer.
  await put(
    'ob3-jwt-iss-mismatch.jwt',
    await signVcJwt(
      didKeyBadge(issuerKey.did, { credentialId: 'urn:uuid:5b1c0ad4-3f0e-4a53-9d0e-6a1c2f7e9b08' }),
      issuerKey.key,
      k,
      {
        claims: { iss: issuerJwk.did },
      },
    ),
  );

  // A BitstringStatusListEntry: this version has no status-list method yet, and the list is not in
  // documents.json, so the honest verdict is "status unknown", never "verified".
  await put(
    'ob3-jwt-with-status.jwt',
    await signVcJwt(
      didKeyBadge(issuerKey.did, {
        credentialId: 'urn:uuid:5b1c0ad4-3f0e-4a53-9d0e-6a1c2f7e9b09',
        extra: {
          evidence: EVIDENCE_A11Y,
          credentialStatus: {
            id: 'https://northwind.example/status/2025-1#4711',
            type: 'BitstringStatusListEntry',
            statusPurpose: 'revocation',
            statusListIndex: '4711',
            statusListCredential: 'https://northwind.example/status/2025-1',
          },
        },
      }),
      issuerKey.key,
      k,
    ),
  );

  // Validly signed by the did:key issuer, and full of markup and script URLs in every text and URL field.
  const XSS = '<img src=x onerror=alert(1)>';
  const hostile = didKeyBadge(issuerKey.did, {
    credentialId: 'urn:uuid:5b1c0ad4-3f0e-4a53-9d0e-6a1c2f7e9b10',
    recipientName: `Eve ${XSS}`,
    achievement: A11Y({
      name: `Hostile ${XSS} badge`,
      description: `<script>alert("description")</script> <b onmouseover=alert(2)>bold?</b>`,
      criteria: {
        narrative: `# Criteria <img src=x onerror=alert(3)>

- a [javascript link](javascript:alert(4)) and a [data link](data:text/html,<script>alert(5)</script>)
- an ![svg image](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoNikiLz4=)
- <a href="javascript:alert(7)">raw anchor</a>

<script>alert(8)</script>
<iframe src="javascript:alert(9)"></iframe>`,
        url: 'javascript:alert(10)',
      },
      image: { id: 'javascript:alert(11)', type: 'Image', caption: `caption ${XSS}` },
      alignment: [{ type: ['Alignment'], targetName: `Alignment ${XSS}`, targetUrl: 'javascript:alert(12)' }],
      tag: [XSS, '"><svg onload=alert(13)>'],
    }),
    extra: {
      evidence: [
        {
          id: 'javascript:alert(14)',
          type: ['Evidence'],
          name: `Evidence ${XSS}`,
          narrative: '[x](vbscript:msgbox(15)) <script>alert(16)</script>',
        },
      ],
    },
  });
  hostile.issuer = {
    ...hostile.issuer,
    name: `Issuer ${XSS}`,
    url: 'javascript:alert(17)',
    image: { id: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="alert(18)"/>', type: 'Image' },
  };
  hostile.name = `</title><script>alert(19)</script>`;
  await put('ob3-jwt-hostile-content.jwt', await signVcJwt(hostile, issuerKey.key, k));

  // VC-JWT badges from the did:web demo issuer whose revocation list (a VC-JOSE credential by the
  // same issuer) is checked: one active, one revoked.
  const webStatusBadge = (credentialId, recipientName, index) => {
    const badge = didWebBadge('key-1', credentialId);
    badge.name = badge.name.replace('Alan Turing', recipientName);
    badge.credentialSubject.id = `did:example:${recipientName.toLowerCase().replace(/ /g, '-')}`;
    badge.credentialSubject.identifier[0].identityHash = recipientName;
    return { ...badge, credentialStatus: statusEntry(DID_WEB_REVOCATION_LIST, 'revocation', index) };
  };
  await put(
    'ob3-jwt-status-active.jwt',
    await signVcJwt(
      webStatusBadge('http://localhost:5173/credentials/ob3-jwt-status-active', 'Hedy Lamarr', STATUS.webActive),
      webKey,
      { kid: `${DID_WEB}#key-1` },
    ),
  );
  await put(
    'ob3-jwt-status-revoked.jwt',
    await signVcJwt(
      webStatusBadge('http://localhost:5173/credentials/ob3-jwt-status-revoked', 'Mallory Mallet', STATUS.webRevoked),
      webKey,
      { kid: `${DID_WEB}#key-1` },
    ),
  );

  for (const [name, token] of Object.entries(tokens)) {
    await emit(join(CREDENTIALS, name), `${token}\n`);
  }

  // --- Data Integrity credentials (JSON) --------------------------------------------------------
  const json = {};
  json['ob3-di-rdfc-valid-did-web-path.json'] = await signByPathIssuer(
    pathIssuerBadge({
      credentialId: 'urn:uuid:0c6f3b52-9a41-4f0e-b6d2-7e1a5c3d9f01',
      subjectId: 'did:example:zoe-angstrom',
      recipientName: 'Zoë Ångström',
      achievement: SAFE_AGILIST(),
      status: STATUS.pathValid,
    }),
    pathKey,
  );
  json['ob3-di-rdfc-revoked.json'] = await signByPathIssuer(
    pathIssuerBadge({
      credentialId: 'urn:uuid:0c6f3b52-9a41-4f0e-b6d2-7e1a5c3d9f02',
      subjectId: 'did:example:lars-aeroe',
      recipientName: 'Lars Ærøe',
      achievement: SAFE_AGILIST(),
      status: STATUS.pathRevoked,
    }),
    pathKey,
  );
  json['ob3-di-rdfc-suspended.json'] = await signByPathIssuer(
    pathIssuerBadge({
      credentialId: 'urn:uuid:0c6f3b52-9a41-4f0e-b6d2-7e1a5c3d9f03',
      subjectId: 'did:example:freja-ostergaard',
      recipientName: 'Freja Østergaard',
      achievement: SAFE_AGILIST(),
      status: STATUS.pathSuspended,
    }),
    pathKey,
  );
  json['ob3-di-jcs-valid-did-web-path.json'] = await signByPathIssuer(
    pathIssuerBadge({
      credentialId: 'urn:uuid:0c6f3b52-9a41-4f0e-b6d2-7e1a5c3d9f04',
      subjectId: 'did:example:ingrid-sondergaard',
      recipientName: 'Ingrid Søndergaard',
      achievement: FLOW_PRACTITIONER(),
    }),
    pathKey,
    'eddsa-jcs-2022',
  );
  json['ob3-di-rdfc-expired.json'] = await signByPathIssuer(
    pathIssuerBadge({
      credentialId: 'urn:uuid:0c6f3b52-9a41-4f0e-b6d2-7e1a5c3d9f05',
      subjectId: 'did:example:zoe-angstrom',
      recipientName: 'Zoë Ångström',
      achievement: SAFE_AGILIST(),
      dates: { from: '2023-01-01T00:00:00Z', until: '2025-01-01T00:00:00Z' },
    }),
    pathKey,
  );
  // Signed, then the recipient was changed: the proof no longer covers what the credential says.
  const diTampered = structuredClone(json['ob3-di-rdfc-valid-did-web-path.json']);
  diTampered.credentialSubject.identifier[0].identityHash = 'Mallory Mallet';
  diTampered.name = diTampered.name.replace('Zoë Ångström', 'Mallory Mallet');
  json['ob3-di-rdfc-tampered.json'] = diTampered;

  for (const [name, credential] of Object.entries(json)) {
    await emit(join(CREDENTIALS, name), `${JSON.stringify(credential, null, 2)}\n`);
  }

  // --- the demo serves copies of the fixtures it shows ------------------------------------------
  for (const name of Object.keys(tokens)) {
    await emit(join(DEMO_PUBLIC, 'credentials', name), `${tokens[name]}\n`);
  }
  for (const [name, credential] of Object.entries(json)) {
    await emit(join(DEMO_PUBLIC, 'credentials', name), `${JSON.stringify(credential, null, 2)}\n`);
  }
  await emit(join(DEMO_PUBLIC, '.well-known/did.json'), `${JSON.stringify(didWebDocument, null, 2)}\n`);
  // Paths mirror the URLs: /issuers/<uuid>/did.json, /issuers/<uuid>/status/*.json, /status/*.jwt.
  const demoPathOf = (url) => join(DEMO_PUBLIC, new URL(url).pathname);
  await emit(demoPathOf(DID_WEB_PATH_URL), `${JSON.stringify(didWebPathDocument, null, 2)}\n`);
  await emit(demoPathOf(PATH_REVOCATION_LIST), `${JSON.stringify(pathRevocationList, null, 2)}\n`);
  await emit(demoPathOf(PATH_SUSPENSION_LIST), `${JSON.stringify(pathSuspensionList, null, 2)}\n`);
  await emit(demoPathOf(DID_WEB_REVOCATION_LIST), `${webRevocationList}\n`);

  // --- credentials inside credentials: CLR 2.0 transcripts, endorsements, presentations ----------
  const nested = await nestedFixtures({ keys, issuerKey, attacker, bundledContexts: await bundledContextUrls() });
  for (const [name, credential] of Object.entries(nested.json)) {
    const text = `${JSON.stringify(credential, null, 2)}\n`;
    await emit(join(CREDENTIALS, name), text);
    await emit(join(DEMO_PUBLIC, 'credentials', name), text);
  }
  for (const [name, token] of Object.entries(nested.tokens)) {
    await emit(join(CREDENTIALS, name), `${token}\n`);
    await emit(join(DEMO_PUBLIC, 'credentials', name), `${token}\n`);
  }
  const recordsDocumentText = `${JSON.stringify(nested.recordsDocument, null, 2)}\n`;
  await emit(join(DOCUMENTS, 'did-web-path-records.json'), recordsDocumentText);
  await emit(demoPathOf(DID_WEB_RECORDS_URL), recordsDocumentText);

  // --- Open Badges 2.0 and baked images: test/fixtures/ob2/ and demo/public/ob2/ hold the same tree
  const ob2 = await ob2Fixtures(keys, json['ob3-di-rdfc-valid-did-web-path.json']);
  for (const [name, content] of Object.entries(ob2.files)) {
    await emit(join(FIXTURES, 'ob2', name), content);
    await emit(join(DEMO_PUBLIC, 'ob2', name), content);
  }
  // --- the portfolio wall: test/fixtures/wall/ and demo/public/wall/ hold the same tree ----------
  const wall = await wallFixtures({
    keys,
    issuerKey,
    issuerJwk,
    attacker,
    bundledContexts: await bundledContextUrls(),
    lakeside: {
      [HTTPS_ISSUER]: httpsProfile,
      [HTTPS_ISSUER_JWKS]: httpsJwks,
      [`${HTTPS_ISSUER}#key-1`]: httpsVerificationMethod,
    },
  });
  for (const [name, content] of Object.entries(wall.files)) {
    await emit(join(FIXTURES, 'wall', name), content);
    await emit(join(DEMO_PUBLIC, 'wall', name), content);
  }

  await emit(
    join(FIXTURES, 'documents.json'),
    `${JSON.stringify({ ...documentsMap, ...ob2.documents, ...wall.documents }, null, 2)}\n`,
  );

  await emit(
    join(FIXTURES, 'issuers.json'),
    `${JSON.stringify(
      {
        fixtureNow: FIXTURE_NOW,
        didKey: { did: issuerKey.did, kid: issuerKey.kid },
        didJwk: { did: issuerJwk.did, kid: issuerJwk.kid },
        didWeb: { did: DID_WEB, kids: [`${DID_WEB}#key-1`, `${DID_WEB}#key-2`], documentUrl: DID_WEB_URL },
        https: { id: HTTPS_ISSUER, jwks: HTTPS_ISSUER_JWKS, kid: httpsKey.thumbprint },
        attacker: { did: attacker.did, kid: attacker.kid },
        didWebPath: {
          did: DID_WEB_PATH,
          kid: `${DID_WEB_PATH}#key-1`,
          documentUrl: DID_WEB_PATH_URL,
          statusLists: { revocation: PATH_REVOCATION_LIST, suspension: PATH_SUSPENSION_LIST },
        },
        statusLists: {
          [PATH_REVOCATION_LIST]: { issuer: DID_WEB_PATH, statusPurpose: 'revocation', set: PATH_REVOKED_BITS },
          [PATH_SUSPENSION_LIST]: { issuer: DID_WEB_PATH, statusPurpose: 'suspension', set: PATH_SUSPENDED_BITS },
          [DID_WEB_REVOCATION_LIST]: { issuer: DID_WEB, statusPurpose: 'revocation', set: WEB_REVOKED_BITS },
        },
        ob2: ob2.info,
        ...nested.info,
        wall: wall.info,
      },
      null,
      2,
    )}\n`,
  );

  if (CHECK) {
    if (changed.length > 0) {
      console.error(`Fixtures are out of date (run npm run fixtures):\n  ${changed.join('\n  ')}`);
      process.exit(1);
    }
    console.log('Fixtures are up to date.');
  } else {
    console.log(
      changed.length ? `Wrote ${changed.length} file(s):\n  ${changed.join('\n  ')}` : 'Fixtures already up to date.',
    );
  }
}

await main();
