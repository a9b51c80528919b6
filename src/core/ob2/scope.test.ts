import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { BadgeError } from '../errors.js';
import { checkHostedScope, isInHostedScope, type HostingPolicy } from './scope.js';

/**
 * The hosting decision against a reference written from first principles. URLs are generated as
 * structures whose meaning is known (which server a host spelling names, which path a spelling
 * resolves to), rendered to text in many spellings, and the decision on the text must equal the
 * decision on the meaning.
 */

/** Spellings of one host: all name the same server. */
const FAMILIES: readonly (readonly string[])[] = [
  ['school.example', 'SCHOOL.EXAMPLE', 'School.Example', 'school.example.', '%73chool.example', 'SCHOOL.example.'],
  ['bücher.example', 'xn--bcher-kva.example', 'BÜCHER.example', 'xn--BCHER-KVA.example.', 'b%C3%BCcher.example'],
  ['192.168.0.1', '0xc0.0xa8.0.1', '3232235521', '0300.0250.0.1', '192.168.1', '0xC0A80001'],
];

/** Other servers, each its own: look-alikes of the families above. */
const OTHERS: readonly string[] = [
  'school.example.evil.test',
  'evil.test',
  'sub.school.example',
  'school.exampl\u0435', // Cyrillic e
  'school-example.test',
  'schoolexample',
  'school.example..',
  'xn--bcher-kva.example.evil.test',
  'bucher.example',
  '192.168.0.10',
  '192.168.0.1.evil.test',
];

interface Host {
  /** `f<n>` for a family, `o<n>` for another host: equal ids are the same server. */
  readonly id: string;
  readonly text: string;
}

const host: fc.Arbitrary<Host> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .nat(FAMILIES.length - 1)
      .chain((f) => fc.constantFrom(...FAMILIES[f]!).map((text) => ({ id: `f${f}`, text }))),
  },
  fc.nat(OTHERS.length - 1).map((o) => ({ id: `o${o}`, text: OTHERS[o]! })),
);

/** A spelling of a host in the same family as `id` (for the issuer's side of a comparison). */
function hostIn(id: string): fc.Arbitrary<Host> {
  const family = FAMILIES[Number(id.slice(1))]!;
  return fc.constantFrom(...family).map((text) => ({ id, text }));
}

type Scheme = 'https' | 'http';
const DEFAULT_PORT: Readonly<Record<Scheme, number>> = { https: 443, http: 80 };

/** The port as a server sees it: none when it is the scheme's default. */
function explicitPort(scheme: Scheme, port: number | undefined): number | undefined {
  return port === undefined || port === DEFAULT_PORT[scheme] ? undefined : port;
}

const scheme = fc.constantFrom<Scheme>('https', 'https', 'http');
const port = fc.constantFrom<number | undefined>(undefined, undefined, undefined, 443, 80, 8443);
const userinfo = fc.constantFrom<string | undefined>(
  undefined,
  undefined,
  undefined,
  'school.example',
  'user:pw',
  'a:443',
);

/** Path spellings and what each resolves to; `ambiguous` when a server may read an encoded slash. */
const PATHS: readonly { readonly text: string; readonly path: string }[] = [
  { text: '/badges/1.json', path: '/badges/1.json' },
  { text: '/badges', path: '/badges' },
  { text: '/badges/', path: '/badges/' },
  { text: '/badges-evil/1.json', path: '/badges-evil/1.json' },
  { text: '/badgesevil/1.json', path: '/badgesevil/1.json' },
  { text: '/other/1.json', path: '/other/1.json' },
  { text: '/badges/../other/1.json', path: '/other/1.json' },
  { text: '/badges/%2e%2E/other/1.json', path: '/other/1.json' },
  { text: '/badges/.%2e/other/1.json', path: '/other/1.json' },
  { text: '/badges/./1.json', path: '/badges/1.json' },
  { text: '/badges\\1.json', path: '/badges/1.json' },
  { text: '/b%61dges/1.json', path: '/badges/1.json' },
  { text: '/BADGES/1.json', path: '/BADGES/1.json' },
  { text: '/badges%2F..%2Fother/1.json', path: 'ambiguous' },
  { text: '/badges/..%2fother/1.json', path: 'ambiguous' },
  { text: '/badges/a%5C..%5C..%5Cother', path: 'ambiguous' },
  { text: '/issuer-badges/1.json', path: '/issuer-badges/1.json' },
  { text: '/issuer/1.json', path: '/issuer/1.json' },
  { text: '/', path: '/' },
  { text: '/badges/1.json?x=1', path: '/badges/1.json' },
];

/** Prefix paths an issuer may write: none, the root, a directory with or without its slash, a name prefix. */
const PREFIX_PATHS = ['', '/', '/badges', '/badges/', '/issuer-', '/b%61dges/'] as const;

interface Place {
  readonly scheme: Scheme;
  readonly userinfo: string | undefined;
  readonly host: Host;
  readonly port: number | undefined;
}

interface Target extends Place {
  readonly path: (typeof PATHS)[number];
}

function authority(place: Place): string {
  return `${place.userinfo !== undefined ? `${place.userinfo}@` : ''}${place.host.text}${place.port !== undefined ? `:${place.port}` : ''}`;
}

function render(target: Target): string {
  return `${target.scheme}://${authority(target)}${target.path.text}`;
}

function place(hostArbitrary: fc.Arbitrary<Host>): fc.Arbitrary<Place> {
  return fc.record({ scheme, userinfo, host: hostArbitrary, port });
}

function target(hostArbitrary: fc.Arbitrary<Host>): fc.Arbitrary<Target> {
  return fc.record({ scheme, userinfo, host: hostArbitrary, port, path: fc.constantFrom(...PATHS) });
}

/** The same server: the same host, and the same port once a scheme's default is written out or not. */
function sameServer(a: Place, b: Place): boolean {
  return a.host.id === b.host.id && explicitPort(a.scheme, a.port) === explicitPort(b.scheme, b.port);
}

/** What the prefix path means: `/b%61dges/` is `/badges/`, no path is the root. */
function meaningOfPrefixPath(path: (typeof PREFIX_PATHS)[number]): string {
  return path === '' ? '/' : path.replace('%61', 'a');
}

function pathWithin(path: string, prefix: string): boolean {
  if (prefix === '/') return true;
  if (path === 'ambiguous' || !path.startsWith(prefix)) return false;
  // A prefix ending in a letter or digit names a whole segment; one ending in `/` or punctuation names a prefix of names.
  return !/[A-Za-z0-9]$/.test(prefix) || path.length === prefix.length || path[prefix.length] === '/';
}

interface Prefix extends Place {
  readonly path: (typeof PREFIX_PATHS)[number];
}

/** `allowedOrigins` entries: a host name, with or without a port, an origin, or junk that is no host name. */
interface Entry {
  readonly kind: 'host' | 'origin' | 'junk';
  readonly place: Place;
  readonly text: string;
}

interface Policy {
  readonly startsWith: readonly Prefix[];
  readonly allowedOrigins: readonly Entry[];
  readonly issuer: Place;
}

/** The reference decision for one URL, from what the generated parts mean. */
function reference(url: Target, policy: Policy): boolean {
  if (url.userinfo !== undefined) return false;
  if (policy.startsWith.length > 0) {
    const within = policy.startsWith.some(
      (prefix) =>
        prefix.userinfo === undefined &&
        prefix.scheme === url.scheme &&
        sameServer(prefix, url) &&
        pathWithin(url.path.path, meaningOfPrefixPath(prefix.path)),
    );
    if (!within) return false;
  }
  if (policy.allowedOrigins.length > 0) {
    const on = policy.allowedOrigins.some((entry) => {
      if (entry.kind === 'junk') return false;
      if (entry.kind === 'origin') return entry.place.scheme === url.scheme && sameServer(entry.place, url);
      // A bare host name's port is read in the URL's own scheme.
      return (
        entry.place.host.id === url.host.id &&
        explicitPort(url.scheme, entry.place.port) === explicitPort(url.scheme, url.port)
      );
    });
    if (!on) return false;
  }
  if (policy.startsWith.length > 0 || policy.allowedOrigins.length > 0) return true;
  return policy.issuer.userinfo === undefined && sameServer(policy.issuer, url);
}

function policyText(policy: Policy): HostingPolicy {
  const issuer = policy.issuer;
  return {
    startsWith: policy.startsWith.map((prefix) => `${prefix.scheme}://${authority(prefix)}${prefix.path}`),
    allowedOrigins: policy.allowedOrigins.map((entry) => entry.text),
    origin: `${issuer.scheme}://${authority(issuer)}/issuer.json`,
  };
}

/** A policy around one family (the legitimate issuer), sometimes naming another host too. */
const policy: fc.Arbitrary<Policy> = fc.nat(FAMILIES.length - 1).chain((f) => {
  const id = `f${f}`;
  const nearHost = fc.oneof({ weight: 4, arbitrary: hostIn(id) }, host);
  const prefix = fc.record({
    scheme,
    userinfo: fc.constantFrom<string | undefined>(undefined, undefined, undefined, 'user'),
    host: nearHost,
    port: fc.constantFrom<number | undefined>(undefined, undefined, 443, 8443),
    path: fc.constantFrom(...PREFIX_PATHS),
  });
  const entry: fc.Arbitrary<Entry> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .record({ host: nearHost, port: fc.constantFrom<number | undefined>(undefined, undefined, 443, 8443) })
        .map(({ host: h, port: p }): Entry => ({
          kind: 'host',
          place: { scheme: 'https', userinfo: undefined, host: h, port: p },
          text: `${h.text}${p !== undefined ? `:${p}` : ''}`,
        })),
    },
    place(nearHost).map((p): Entry =>
      p.userinfo !== undefined
        ? { kind: 'junk', place: p, text: `${p.userinfo}@${p.host.text}` }
        : { kind: 'origin', place: p, text: `${p.scheme}://${authority(p)}` },
    ),
    nearHost.map((h): Entry => ({
      kind: 'junk',
      place: { scheme: 'https', userinfo: undefined, host: h, port: undefined },
      text: `${h.text}/badges`,
    })),
  );
  return fc.record({
    startsWith: fc.oneof(fc.constant([]), fc.array(prefix, { minLength: 1, maxLength: 2 })),
    allowedOrigins: fc.oneof(fc.constant([]), fc.constant([]), fc.array(entry, { minLength: 1, maxLength: 2 })),
    issuer: fc.record({
      scheme,
      userinfo: fc.constantFrom<string | undefined>(undefined, undefined, undefined, undefined, 'user'),
      host: hostIn(id),
      port: fc.constantFrom<number | undefined>(undefined, undefined, 8443),
    }),
  });
});

/** An assertion URL that is usually near the issuer: a family spelling, or a look-alike. */
function nearTarget(p: Policy): fc.Arbitrary<Target> {
  return target(fc.oneof({ weight: 3, arbitrary: hostIn(p.issuer.host.id) }, host));
}

describe('OB 2.0 hosting scope (property-based, against a reference from first principles)', function () {
  this.timeout(60_000);

  it('decides every spelling of every URL as its meaning decides', () => {
    let inScope = 0;
    fc.assert(
      fc.property(
        policy.chain((p) => fc.tuple(fc.constant(p), nearTarget(p))),
        ([p, url]) => {
          const expected = reference(url, p);
          const text = render(url);
          expect(isInHostedScope(text, policyText(p)), `${text} under ${JSON.stringify(policyText(p))}`).to.equal(
            expected,
          );
          if (expected) inScope++;
        },
      ),
      { numRuns: 3000, seed: 20261203 },
    );
    // The generator reaches both sides of the decision.
    expect(inScope).to.be.greaterThan(300);
  });

  it('requires the id, the URL it was fetched from and the URL a redirect ended at all to be in scope', () => {
    fc.assert(
      fc.property(
        policy.chain((p) => fc.tuple(fc.constant(p), nearTarget(p), nearTarget(p))),
        ([p, id, final]) => {
          const text = policyText(p);
          const profile = {
            verification: { startsWith: text.startsWith, allowedOrigins: text.allowedOrigins },
          };
          const expected = reference(id, p) && reference(final, p);
          let passed: boolean;
          try {
            checkHostedScope(
              { id: render(id), fetchedFrom: render(id), finalUrl: render(final) },
              profile,
              text.origin!,
            );
            passed = true;
          } catch (error) {
            expect(error).to.be.instanceOf(BadgeError);
            expect((error as BadgeError).code).to.equal('ERR_OB_OUTSIDE_ISSUER_SCOPE');
            passed = false;
          }
          expect(passed, `${render(id)} → ${render(final)} under ${JSON.stringify(text)}`).to.equal(expected);
        },
      ),
      { numRuns: 1500, seed: 20261204 },
    );
  });
});

describe('OB 2.0 hosting scope: the cases by name', () => {
  const school = (startsWith: string[] = [], allowedOrigins: string[] = []): HostingPolicy => ({
    startsWith,
    allowedOrigins,
    origin: 'https://school.example/issuer.json',
  });

  function codeOf(run: () => unknown): string | undefined {
    try {
      run();
      return undefined;
    } catch (error) {
      return error instanceof BadgeError ? error.code : String(error);
    }
  }

  it('refuses a look-alike host under a prefix with no trailing slash (d-ob2-lookalike-host)', () => {
    const policy = school(['https://school.example']);
    expect(isInHostedScope('https://school.example/badges/1.json', policy)).to.equal(true);
    expect(isInHostedScope('https://school.example.evil.test/badges/1.json', policy)).to.equal(false);
    expect(isInHostedScope('https://school.example:8443/badges/1.json', policy)).to.equal(false);
    expect(isInHostedScope('http://school.example/badges/1.json', policy)).to.equal(false);
  });

  it('refuses userinfo anywhere (d-ob2-userinfo-host)', () => {
    expect(isInHostedScope('https://school.example@evil.test/1.json', school(['https://school.example']))).to.equal(
      false,
    );
    expect(isInHostedScope('https://user@school.example/1.json', school())).to.equal(false);
    expect(isInHostedScope('https://school.example/1.json', school(['https://user@school.example/']))).to.equal(false);
    expect(isInHostedScope('https://school.example/1.json', school([], ['user@school.example']))).to.equal(false);
    expect(
      isInHostedScope('https://school.example/1.json', {
        startsWith: [],
        allowedOrigins: [],
        origin: 'https://u@school.example/',
      }),
    ).to.equal(false);
  });

  it('accepts the same host in any spelling, and never a suffix or a subdomain', () => {
    for (const url of [
      'https://SCHOOL.example/1.json',
      'https://school.example./1.json',
      'https://%73chool.example/1.json',
      'https://school.example:443/1.json',
      'http://school.example/1.json',
    ]) {
      expect(isInHostedScope(url, school()), url).to.equal(true);
    }
    for (const url of [
      'https://sub.school.example/1.json',
      'https://evilschool.example/1.json',
      'https://school.example.evil.test/1.json',
      'https://school.example:8443/1.json',
    ]) {
      expect(isInHostedScope(url, school()), url).to.equal(false);
      expect(isInHostedScope(url, school([], ['school.example'])), url).to.equal(false);
    }
    expect(isInHostedScope('https://xn--bcher-kva.example/1', school([], ['BÜCHER.example.']))).to.equal(true);
  });

  it('reads a path prefix by segments when it ends in a name, and as written when it ends in / or punctuation', () => {
    expect(isInHostedScope('https://school.example/badges/1.json', school(['https://school.example/badges']))).to.equal(
      true,
    );
    expect(
      isInHostedScope('https://school.example/badges-evil/1.json', school(['https://school.example/badges'])),
    ).to.equal(false);
    expect(
      isInHostedScope('https://school.example/badges/../x.json', school(['https://school.example/badges/'])),
    ).to.equal(false);
    expect(
      isInHostedScope('https://school.example/badges/..%2Fx.json', school(['https://school.example/badges/'])),
    ).to.equal(false);
    expect(
      isInHostedScope('https://school.example/issuer-1.json', school(['https://school.example/issuer-'])),
    ).to.equal(true);
    expect(isInHostedScope('https://school.example/a.php?id=7', school(['https://school.example/a.php?id=']))).to.equal(
      true,
    );
    expect(isInHostedScope('https://school.example/b.php?id=7', school(['https://school.example/a.php?id=']))).to.equal(
      false,
    );
  });

  it('fails with ERR_OB_OUTSIDE_ISSUER_SCOPE when a redirect ends outside the scope, naming where', () => {
    const profile = { verification: { startsWith: 'https://school.example/badges/' } };
    expect(
      codeOf(() =>
        checkHostedScope(
          { id: 'https://school.example/badges/1.json', finalUrl: 'https://school.example.evil.test/badges/1.json' },
          profile,
          'https://school.example/issuer.json',
        ),
      ),
    ).to.equal('ERR_OB_OUTSIDE_ISSUER_SCOPE');
    try {
      checkHostedScope(
        { id: 'https://school.example/badges/1.json', finalUrl: 'https://school.example/uploads/1.json' },
        profile,
        'https://school.example/issuer.json',
      );
    } catch (error) {
      expect((error as BadgeError).details).to.include({ servedFrom: 'https://school.example/uploads/1.json' });
    }
  });
});
