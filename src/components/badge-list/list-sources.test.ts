import { expect } from '@open-wc/testing';
import { MAX_LIST_ENTRIES, readList, toBadgeInput } from './list-sources.js';

const BASE = 'https://lists.example/people/ada/badges.json';

describe('list sources', () => {
  describe('readList', () => {
    it('reads an array, { credentials }, a backpack collection and groups', () => {
      expect(readList(['a', 'b'])).to.deep.equal({ ok: true, shape: 'array', entries: ['a', 'b'], total: 2 });
      expect(readList({ credentials: ['a'] })).to.deep.equal({
        ok: true,
        shape: 'credentials',
        entries: ['a'],
        total: 1,
      });
      // Badgr / Canvas Credentials shared collection (Open Badges 2.0 "Collection").
      const badgr = {
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'Collection',
        id: 'https://api.badgr.example/public/collections/abc',
        name: 'Data skills',
        badges: [{ type: 'Assertion', id: 'https://badgr.example/a/1' }],
      };
      expect(readList(badgr)).to.include({ ok: true, shape: 'collection', total: 1 });
      // Mozilla Backpack Displayer API: /displayer/<user>/group/<group>.json
      const displayer = { userId: 1, groupId: 2, badges: [{ hostedUrl: 'https://i.example/a.json' }] };
      expect(readList(displayer)).to.include({ ok: true, shape: 'collection', total: 1 });
      const groups = { groups: [{ name: 'One', badges: ['a', 'b'] }, { name: 'Two', badges: ['c'] }, 'junk'] };
      expect(readList(groups)).to.deep.equal({ ok: true, shape: 'groups', entries: ['a', 'b', 'c'], total: 3 });
    });

    it('refuses a Displayer groups.json (counts, not badges) and any other shape with a code', () => {
      expect(readList({ userId: 1, groups: [{ groupId: 2, name: 'Mine', badges: 12 }] })).to.deep.equal({
        ok: false,
        code: 'ERR_OB_LIST_GROUPS_ONLY',
      });
      for (const json of [null, 42, 'a', { type: 'VerifiableCredential' }, { badges: 'nope' }, { error: 'x' }]) {
        expect(readList(json), JSON.stringify(json)).to.deep.equal({ ok: false, code: 'ERR_OB_LIST_SHAPE' });
      }
    });

    it('copies at most the cap from groups but counts them all', () => {
      const many = Array.from({ length: 700 }, (_, i) => `https://b.example/${i}`);
      const read = readList({ groups: [{ badges: many }, { badges: many }] });
      expect(read.ok && read.entries.length).to.equal(MAX_LIST_ENTRIES);
      expect(read.ok && read.total).to.equal(1400);
    });
  });

  describe('toBadgeInput', () => {
    it('turns URLs into src (relative ones against the base) and refuses other schemes', () => {
      expect(toBadgeInput('https://i.example/a.json', BASE)).to.deep.equal({ src: 'https://i.example/a.json' });
      expect(toBadgeInput(' ../b/1.json ', BASE)).to.deep.equal({ src: 'https://lists.example/people/b/1.json' });
      expect(toBadgeInput(new URL('http://i.example/x'), BASE)).to.deep.equal({ src: 'http://i.example/x' });
      for (const bad of ['javascript:alert(1)', 'data:application/json,{}', '', '   ', 'ftp://x.example/a']) {
        expect(toBadgeInput(bad, BASE), bad).to.equal(undefined);
      }
    });

    it('gives JWTs, JSON text, credential objects and files as the credential', () => {
      const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6d2ViOmV4YW1wbGUuZWR1In0.c2ln';
      expect(toBadgeInput(jwt, BASE)).to.deep.equal({ credential: jwt });
      expect(toBadgeInput('{"type":"Assertion"}', BASE)).to.deep.equal({ credential: '{"type":"Assertion"}' });
      const credential = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] };
      expect(toBadgeInput(credential, BASE)).to.deep.equal({ credential });
      const file = new Blob(['x'], { type: 'image/png' });
      expect(toBadgeInput(file, BASE)).to.deep.equal({ credential: file });
      const bytes = toBadgeInput(new Uint8Array([1, 2]), BASE);
      expect(bytes?.credential).to.be.instanceOf(Blob);
    });

    it('unwraps backpack entries: the hosted URL first, else the assertion', () => {
      const assertion = { id: 'https://i.example/a.json', type: 'Assertion' };
      expect(toBadgeInput({ hostedUrl: 'https://i.example/a.json', assertion }, BASE)).to.deep.equal({
        src: 'https://i.example/a.json',
      });
      expect(toBadgeInput({ assertionType: 'signed', assertion: 'aaa.bbb.ccc' }, BASE)).to.deep.equal({
        credential: 'aaa.bbb.ccc',
      });
      expect(toBadgeInput({ hostedUrl: 'javascript:x', assertion }, BASE)).to.deep.equal({ credential: assertion });
      expect(toBadgeInput({ url: 'badge.json' }, BASE)).to.deep.equal({
        src: 'https://lists.example/people/ada/badge.json',
      });
      expect(toBadgeInput({ url: 'javascript:x' }, BASE)).to.equal(undefined);
    });

    it('leaves out what is not a badge', () => {
      for (const bad of [null, undefined, 42, true, [], ['https://i.example/a.json']]) {
        expect(toBadgeInput(bad, BASE), JSON.stringify(bad)).to.equal(undefined);
      }
    });
  });
});
