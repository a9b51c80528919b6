import { expect } from '@open-wc/testing';
import { displayText, withoutBidiControls } from './lib/text.js';
import { toBadgeView } from './view.js';
import { toOb2BadgeView } from './view-ob2.js';
import { toPresentationView } from './view-presentation.js';

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:1',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: {
    id: 'did:web:example.edu',
    type: ['Profile'],
    name: 'Example University',
    url: 'https://example.edu',
    image: { id: 'https://example.edu/logo.png', type: 'Image' },
  },
  validFrom: '2025-01-01T00:00:00Z',
  validUntil: '2030-01-01T00:00:00Z',
  name: 'Credential name',
  credentialSubject: {
    id: 'did:example:learner',
    type: ['AchievementSubject'],
    identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Ada Lovelace' }],
    achievement: {
      id: 'https://example.edu/achievements/1',
      type: ['Achievement'],
      achievementType: 'ext:MicroCredential',
      name: 'Teamwork',
      description: 'Works well with others.',
      image: { id: 'https://example.edu/badge.png', type: 'Image', caption: 'A blue hexagon' },
      criteria: { id: 'https://example.edu/criteria', narrative: '# Do\n- this' },
      alignment: [
        {
          type: ['Alignment'],
          targetName: 'Collaboration',
          targetUrl: 'https://skills.example/collab',
          targetFramework: 'Skills',
        },
        { targetUrl: 'https://nameless.example' },
      ],
      tag: ['soft skills', 42],
    },
  },
  evidence: [
    { id: 'https://example.edu/evidence/1', type: ['Evidence'], name: 'Project', narrative: 'Built *it*' },
    'https://example.edu/evidence/2',
  ],
};

describe('toBadgeView', () => {
  it('maps an Open Badges 3.0 credential to the render model', () => {
    const view = toBadgeView(credential);
    expect(view.spec).to.equal('ob3');
    expect(view.name).to.equal('Teamwork');
    expect(view.description).to.equal('Works well with others.');
    expect(view.image).to.deep.equal({ url: 'https://example.edu/badge.png', alt: 'A blue hexagon' });
    expect(view.achievementType).to.equal('Micro Credential');
    expect(view.criteria).to.deep.equal({ narrative: '# Do\n- this', url: 'https://example.edu/criteria' });
    expect(view.issuer).to.deep.equal({
      id: 'did:web:example.edu',
      name: 'Example University',
      url: 'https://example.edu',
      image: { url: 'https://example.edu/logo.png', alt: 'Example University logo' },
    });
    expect(view.recipient).to.deep.equal({ name: 'Ada Lovelace', id: 'did:example:learner' });
    expect(view.issuedOn).to.equal('2025-01-01T00:00:00.000Z');
    expect(view.validUntil).to.equal('2030-01-01T00:00:00.000Z');
    expect(view.evidence).to.deep.equal([
      { id: 'https://example.edu/evidence/1', name: 'Project', narrative: 'Built *it*' },
      { id: 'https://example.edu/evidence/2' },
    ]);
    expect(view.alignments).to.deep.equal([
      { name: 'Collaboration', url: 'https://skills.example/collab', framework: 'Skills' },
    ]);
    expect(view.tags).to.deep.equal(['soft skills']);
  });

  it('never throws on wrong types and leaves them out', () => {
    const hostile = {
      type: 'VerifiableCredential',
      issuer: ['not', 'an', 'issuer'],
      name: { '<b>': 1 },
      validFrom: 'yesterday',
      credentialSubject: { achievement: { name: 7, image: 12, criteria: 'x', alignment: 'nope', tag: { a: 1 } } },
      evidence: 5,
    };
    const view = toBadgeView(hostile, 'did:key:z6Mk');
    expect(view.name).to.equal('Untitled credential');
    expect(view.spec).to.equal('vc');
    expect(view.image).to.equal(undefined);
    expect(view.issuer).to.deep.equal({ id: 'did:key:z6Mk' });
    expect(view.issuedOn).to.equal(undefined);
    expect(view.evidence).to.deep.equal([]);
    expect(view.alignments).to.deep.equal([]);
    expect(view.tags).to.deep.equal([]);
  });

  it('cuts very long text so a hostile badge cannot flood the page', () => {
    const view = toBadgeView({
      name: 'x'.repeat(100_000),
      credentialSubject: { achievement: { description: 'y'.repeat(100_000) } },
    });
    expect(view.name.length).to.equal(300);
    expect(view.name.endsWith('…')).to.equal(true);
    expect(view.description!.length).to.equal(20_000);
  });

  it('leaves out URLs and identifiers too long to keep whole, never cutting them', () => {
    const long = `https://example.edu/${'a'.repeat(9_000)}`;
    const view = toBadgeView({
      id: `urn:uuid:${'1'.repeat(9_000)}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: long, name: 'Issuer', url: long, image: long },
      credentialSubject: {
        id: long,
        name: 'Ada',
        achievement: {
          name: 'Long URLs',
          image: { id: long },
          criteria: { id: long, narrative: 'Do it' },
          alignment: [{ targetName: 'Skill', targetUrl: long }],
        },
      },
      evidence: [long, { id: long, name: 'Project' }],
    });
    expect(view.credentialId).to.equal(undefined);
    expect(view.image).to.equal(undefined);
    expect(view.issuer).to.deep.equal({ name: 'Issuer' });
    expect(view.recipient).to.deep.equal({ name: 'Ada' });
    expect(view.criteria).to.deep.equal({ narrative: 'Do it' });
    expect(view.alignments).to.deep.equal([{ name: 'Skill' }]);
    expect(view.evidence).to.deep.equal([{ name: 'Project' }]);
    // Nothing anywhere ends in the "…" that text gets when it is cut.
    expect(JSON.stringify(view)).to.not.contain('…');
  });

  it('keeps URLs up to 8 KB whole', () => {
    const url = `https://example.edu/${'a'.repeat(8 * 1024 - 'https://example.edu/'.length)}`;
    const view = toBadgeView({
      issuer: { id: url, url },
      credentialSubject: { achievement: { criteria: { id: url } } },
    });
    expect(view.issuer.url).to.equal(url);
    expect(view.issuer.id).to.equal(url);
    expect(view.criteria!.url).to.equal(url);
  });

  it('keeps data:image URLs up to 2 MiB whole and leaves out larger ones', () => {
    const prefix = 'data:image/png;base64,';
    const big = prefix + 'A'.repeat(2 * 1024 * 1024 - prefix.length);
    const tooBig = `${big}A`;
    expect(toBadgeView({ image: big, credentialSubject: {} }).image!.url).to.equal(big);
    expect(toBadgeView({ image: { id: big }, credentialSubject: {} }).image!.url.length).to.equal(2 * 1024 * 1024);
    expect(toBadgeView({ image: tooBig, credentialSubject: {} }).image).to.equal(undefined);
    expect(toBadgeView({ issuer: { image: big }, credentialSubject: {} }).issuer.image!.url).to.equal(big);
    // Only images: a 30 KB data: URL is not a link.
    const data = prefix + 'A'.repeat(30_000);
    expect(toBadgeView({ issuer: { url: data }, credentialSubject: {} }).issuer.url).to.equal(undefined);
  });

  it('keeps hostile markup as plain text for the components to escape', () => {
    const view = toBadgeView({ name: '<img src=x onerror=alert(1)>', credentialSubject: {} });
    expect(view.name).to.equal('<img src=x onerror=alert(1)>');
  });
});

describe('badge text: bidi formatting characters', () => {
  // U+202E RIGHT-TO-LEFT OVERRIDE turns "deifireV ✓" into "✓ Verified" on screen.
  const RLO = '\u202E';
  const ALL = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
  const MARKS = ['\u200E', '\u200F', '\u061C'];
  const CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

  it('are stripped, every one of them, and nothing else', () => {
    expect(withoutBidiControls(`Evil ${RLO}deifireV ✓`)).to.equal('Evil deifireV ✓');
    expect(withoutBidiControls([...ALL, ...MARKS].join('x'))).to.equal('x'.repeat(ALL.length + MARKS.length - 1));
    // Right-to-left text itself, joiners and emoji stay as written.
    expect(withoutBidiControls('جامعة 👩‍🎓 שלום')).to.equal('جامعة 👩‍🎓 שלום');
    expect(displayText(` ${RLO}\u2066 `)).to.equal(undefined);
    expect(displayText(42)).to.equal(undefined);
  });

  it('leave no trace in any string of the render model: names, descriptions, criteria, evidence, recipient', () => {
    const bidi = (value: string) => `${RLO}\u2067${value}\u2069\u202C\u200F`;
    const view = toBadgeView({
      ...credential,
      name: bidi('Credential'),
      issuer: { ...credential.issuer, name: `Evil ${RLO}deifireV ✓`, description: bidi('About'), email: bidi('e') },
      credentialSubject: {
        ...credential.credentialSubject,
        name: bidi('Ada'),
        achievement: {
          ...credential.credentialSubject.achievement,
          name: bidi('Verified'),
          description: bidi('Works'),
          achievementType: bidi('Certificate'),
          criteria: { narrative: bidi('Do it') },
          alignment: [{ targetName: bidi('Skill'), targetFramework: bidi('F'), targetDescription: bidi('D') }],
          tag: [bidi('tag')],
          image: { id: 'https://example.edu/badge.png', caption: bidi('caption') },
        },
      },
      evidence: [{ name: bidi('Project'), description: bidi('d'), narrative: bidi('n'), genre: bidi('g') }],
    });
    expect(view.issuer.name).to.equal('Evil deifireV ✓');
    expect(view.name).to.equal('Verified');
    expect(view.recipient?.name).to.equal('Ada');
    expect(view.evidence[0]).to.deep.equal({ name: 'Project', description: 'd', narrative: 'n', genre: 'g' });
    expect(JSON.stringify(view)).to.not.match(CONTROL);

    const ob2 = toOb2BadgeView(
      { id: 'https://issuer.example/a/1', revoked: true, revocationReason: bidi('reason'), narrative: bidi('n') },
      { name: bidi('Badge'), description: bidi('d'), criteria: { narrative: bidi('c') }, tags: [bidi('t')] },
      { id: 'https://issuer.example/i', name: bidi('Issuer') },
    );
    expect(ob2.name).to.equal('Badge');
    expect(ob2.issuer.name).to.equal('Issuer');
    expect(JSON.stringify(ob2)).to.not.match(CONTROL);
  });

  it('an identifier holding one is left out, never shown as another (RFC 3987: no IRI holds them)', () => {
    const view = toBadgeView({
      ...credential,
      issuer: { id: `did:web:${RLO}ude.elpmaxe`, name: 'Example', url: `https://${RLO}example.edu` },
    });
    expect(view.issuer.id).to.equal(undefined);
    expect(view.issuer.url).to.equal(undefined);
    const presentation = toPresentationView({ name: `\u2066Degree\u2069` }, `did:example:${RLO}olleh`);
    expect(presentation.holder).to.equal(undefined);
    // A presentation is never shown under the name its holder wrote (ADR 0008).
    expect(presentation.name).to.equal('Presentation');
    expect(JSON.stringify(presentation)).to.not.match(CONTROL);
  });
});
