import { expect } from '@open-wc/testing';
import { displayId, KEY_DID_DISPLAY_LENGTH } from './display-id.js';

const DID_KEY = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

describe('displayId', () => {
  it('shows http(s) URLs as serialized, with ASCII (punycode) hosts', () => {
    // "vіctim" with a Cyrillic і (U+0456).
    expect(displayId('https://v\u0456ctim.example/')).to.equal('https://xn--vctim-n2e.example/');
    expect(displayId('HTTPS://Victim.Example')).to.equal('https://victim.example/');
    expect(displayId('https://a.example/\u202eevil')).to.equal('https://a.example/%E2%80%AEevil');
  });

  it('never cuts the host of a long URL without a limit', () => {
    const id = `https://victim.example.attacker.tld/${'p'.repeat(500)}`;
    expect(displayId(id)).to.equal(id);
  });

  it('shortens only after the host when a limit is given, or gives nothing', () => {
    const id = `https://victim.example.attacker.tld/${'p'.repeat(100)}/end`;
    const shown = displayId(id, 60)!;
    expect(shown.length).to.equal(60);
    expect(shown.startsWith('https://victim.example.attacker.tld/')).to.equal(true);
    expect(shown.endsWith('/end')).to.equal(true);
    expect(shown).to.contain('…');
    // The authority alone does not fit: nothing, rather than a cut host.
    expect(displayId(id, 20)).to.equal(undefined);
  });

  it('shows did:web in full, its domain in punycode', () => {
    const id = `did:web:example.edu:issuers:${'x'.repeat(200)}`;
    expect(displayId(id)).to.equal(id);
    expect(displayId('did:web:v\u0456ctim.example')).to.equal('did:web:xn--vctim-n2e.example');
    expect(displayId('did:web:v\u0456ctim.example%3A8443:a')).to.equal('did:web:xn--vctim-n2e.example%3A8443:a');
    expect(displayId(id, 30)!.startsWith('did:web:example.edu:')).to.equal(true);
  });

  it('shortens did:key and did:jwk in the middle, keeping both ends', () => {
    const shown = displayId(DID_KEY)!;
    expect(shown.length).to.equal(KEY_DID_DISPLAY_LENGTH);
    expect(shown.startsWith('did:key:z6Mkha')).to.equal(true);
    expect(shown.endsWith('2doK')).to.equal(true);
    expect(displayId('did:key:z6Mkshort')).to.equal('did:key:z6Mkshort');
    const jwk = `did:jwk:${'e'.repeat(120)}Q`;
    expect(displayId(jwk)!.endsWith('eQ')).to.equal(true);
    expect(displayId(jwk, 200)).to.equal(jwk);
  });

  it('shows invisible and direction-changing characters as escapes', () => {
    expect(displayId('urn:example:\u202egpj.exe')).to.equal('urn:example:\\u{202E}gpj.exe');
    expect(displayId('did:example:a\u200bb\u0000')).to.equal('did:example:a\\u{200B}b\\u{0000}');
    // A did:web whose domain is no host at all: every non-ASCII character escaped.
    expect(displayId('did:web:v\u0456ctim^.example')).to.equal('did:web:v\\u{0456}ctim^.example');
  });

  it('never splits a character when shortening', () => {
    // The limit counts code points here: 10 before the "…", 10 after.
    expect(displayId(`urn:${'😀'.repeat(50)}`, 21)).to.equal(`urn:${'😀'.repeat(6)}…${'😀'.repeat(10)}`);
  });
});
