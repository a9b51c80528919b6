#!/usr/bin/env node
// Generates the test fixtures in test/fixtures/ (and the copies the demo serves from demo/public/)
// from the committed TEST-ONLY keys in test/fixtures/keys/.
//
//   node scripts/generate-fixtures.js             regenerate every fixture from the committed keys
//   node scripts/generate-fixtures.js --new-keys  first make fresh keys (changes every fixture)
//   node scripts/generate-fixtures.js --check     exit 1 if any generated file would change
//
// Output is stable: Ed25519 signatures are deterministic, and for ECDSA (randomized) a file is
// rewritten only when its header or payload changes, so a re-run leaves git clean.
// Signing is real (jose SignJWT / CompactSign for JWTs, scripts/data-integrity-signer.js for Data
// Integrity proofs, checked first against the W3C specification's vectors); nothing here is mocked.
import { Buffer } from 'node:buffer';
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
} from 'jose';
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

/** name → { alg, crv } of the committed keys. */
const KEY_SPECS = {
  'did-key-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
  'did-jwk-p256': { alg: 'ES256', crv: 'P-256' },
  'did-web-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
  'did-web-multikey-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
  'https-issuer-p256': { alg: 'ES256', crv: 'P-256' },
  'attacker-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
  'did-web-path-ed25519': { alg: 'EdDSA', crv: 'Ed25519' },
};

const WARNING =
  'TEST ONLY. This private key is public in the openbadge-embed repository. Never trust it, never use it for real badges.';

async function newKeyFile(name, { alg, crv }) {
  const { privateKey } = await generateKeyPair(alg, { crv, extractable: true });
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
    const { d: _d, ...publicJwk } = file.jwk;
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

function achievementOf(which, { id, name, description, achievementType, criteria = CRITERIA, alignment, tag, image }) {
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
// Output

const changed = [];

async function emit(path, content) {
  let previous;
  try {
    previous = await readFile(path, 'utf8');
  } catch {
    previous = undefined;
  }
  if (previous === content) return;
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
  };
  await emit(join(FIXTURES, 'documents.json'), `${JSON.stringify(documentsMap, null, 2)}\n`);

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
