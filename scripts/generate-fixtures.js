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
// This file is the driver: it loads the keys and writes, in order, what the modules in scripts/fixtures/
// make (one per format or family: documents, OB 3.0 VC-JWT, Data Integrity, CLR and presentations,
// OB 2.0 and baked images, the wall).
import { join } from 'node:path';
import { selfTest } from './data-integrity-signer.js';
import { dataIntegrityCredentials } from './fixtures/data-integrity.js';
import {
  DID_WEB,
  DID_WEB_PATH,
  DID_WEB_PATH_URL,
  DID_WEB_RECORDS_URL,
  DID_WEB_REVOCATION_LIST,
  DID_WEB_URL,
  didJwkOf,
  didKeyOf,
  HTTPS_ISSUER,
  HTTPS_ISSUER_JWKS,
  PATH_REVOCATION_LIST,
  PATH_SUSPENSION_LIST,
} from './fixtures/dids.js';
import { issuerDocuments } from './fixtures/documents.js';
import { loadKeys } from './fixtures/keys.js';
import { nestedFixtures } from './fixtures/nested.js';
import { ob2Fixtures } from './fixtures/ob2.js';
import { ob3JwtCredentials } from './fixtures/ob3-jwt.js';
import { bundledContextUrls, changed, emit, options } from './fixtures/output.js';
import { CREDENTIALS, DEMO_PUBLIC, DOCUMENTS, FIXTURE_NOW, FIXTURES } from './fixtures/paths.js';
import { PATH_REVOKED_BITS, PATH_SUSPENDED_BITS, WEB_REVOKED_BITS } from './fixtures/status-lists.js';
import { wallFixtures } from './fixtures/wall.js';

const args = new Set(process.argv.slice(2));
const CHECK = args.has('--check');
const NEW_KEYS = args.has('--new-keys');
for (const arg of args) {
  if (!['--check', '--new-keys'].includes(arg)) {
    console.error(`Unknown option ${arg}\nUsage: node scripts/generate-fixtures.js [--new-keys] [--check]`);
    process.exit(2);
  }
}

async function main() {
  options.check = CHECK;
  const keys = await loadKeys({ newKeys: NEW_KEYS });

  const issuerKey = { ...didKeyOf(keys['did-key-ed25519'].publicJwk), key: keys['did-key-ed25519'] };
  const issuerJwk = { ...didJwkOf(keys['did-jwk-p256'].publicJwk), key: keys['did-jwk-p256'] };
  const attacker = { ...didKeyOf(keys['attacker-ed25519'].publicJwk), key: keys['attacker-ed25519'] };
  const webKey = keys['did-web-ed25519'];
  const webMultikey = keys['did-web-multikey-ed25519'];
  const httpsKey = keys['https-issuer-p256'];
  const pathKey = keys['did-web-path-ed25519'];

  // The Data Integrity signer must reproduce the specification's own vectors before it signs anything.
  await selfTest();

  const {
    didWebDocument,
    httpsVerificationMethod,
    httpsProfile,
    httpsJwks,
    didWebPathDocument,
    pathRevocationList,
    pathSuspensionList,
    webRevocationList,
    documentsMap, // written last, with the Open Badges 2.0 and wall documents added
  } = await issuerDocuments({ webKey, webMultikey, httpsKey, pathKey });
  const tokens = await ob3JwtCredentials({ issuerKey, issuerJwk, attacker, webKey, webMultikey, httpsKey });
  const json = await dataIntegrityCredentials(pathKey);

  // --- the demo serves copies of the fixtures it shows ------------------------------------------
  for (const name of Object.keys(tokens)) {
    await emit(join(DEMO_PUBLIC, 'credentials', name), `${tokens[name]}\n`);
  }
  for (const [name, credential] of Object.entries(json)) {
    await emit(join(DEMO_PUBLIC, 'credentials', name), `${JSON.stringify(credential, null, 2)}\n`);
  }
  await emit(join(DEMO_PUBLIC, '.well-known/did.json'), `${JSON.stringify(didWebDocument, null, 2)}\n`);
  // Paths mirror the URLs: /issuers/<uuid>/did.json, /issuers/<uuid>/status/*.json, /status/*.jwt.
  /** @param {string} url */
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
  const bakedCredential = json['ob3-di-rdfc-valid-did-web-path.json'];
  if (!bakedCredential) throw new Error('No ob3-di-rdfc-valid-did-web-path.json to bake into the OB 2.0 set');
  const ob2 = await ob2Fixtures(keys, bakedCredential);
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
