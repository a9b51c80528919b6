// Property: whatever is done to a real baked image, `unbake` settles quickly with a credential or
// one of the image error codes, never another exception, never a hang, never a side effect.
// Seeded: a failure prints fast-check's `seed` and `path`; put both in RUN (e.g. `{ ...RUN, path: '12:3' }`)
// to replay exactly that case.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { crc32, iTXtData, pngChunk } from '../scripts/bake.js';
import { BadgeError } from '../src/core/errors.js';
import { unbake, type BakedCredential } from '../src/core/baked/unbake.js';

const SEED = 0x0b_ba4ed;
const RUN = { seed: SEED, numRuns: 500, includeErrorInReport: true } as const;
/** Generous for a 2-core CI machine; a real hang (or exponential work) blows through it. */
const SETTLE_MS = 2000;

const PNGS = [
  '1edtech-dcpv-ob20-simple-badge.png',
  'concentricsky-bakery-baked_heart.png',
  'validator-core-baked_heart.png',
  '1edtech-dcpv-ob30-simple-jwt.png',
];
const SVGS = [
  '1edtech-dcpv-ob30-simple-json.svg',
  '1edtech-dcpv-ob30-simple-jwt.svg',
  'concentricsky-bakery-baked_example.svg',
  'mozilla-bakery-bad-json.svg',
  'mozilla-bakery-no-json.svg',
];
const ALLOWED = new Set([
  'ERR_OB_IMAGE_NOT_BAKED',
  'ERR_OB_IMAGE_CORRUPT',
  'ERR_OB_IMAGE_AMBIGUOUS',
  'ERR_OB_TOO_LARGE',
  'ERR_OB_UNSUPPORTED',
]);
const LOCATION =
  /^(?:(?:iTXt|tEXt) (?:openbadges|openbadgecredential)|openbadges:(?:assertion|credential) (?:content|verify attribute))$/;

type Outcome = { ok: BakedCredential } | { error: unknown } | { timeout: true };

async function settle(bytes: Uint8Array, type: string): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ timeout: true }), SETTLE_MS);
  });
  const run = unbake(bytes, type).then(
    (ok): Outcome => ({ ok }),
    (error: unknown): Outcome => ({ error }),
  );
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Asserts the outcome is allowed and returns a label for the tally. */
function judge(outcome: Outcome, container: 'png' | 'svg'): string {
  if ('timeout' in outcome) throw new Error(`unbake did not settle within ${SETTLE_MS} ms`);
  if ('ok' in outcome) {
    const { ok } = outcome;
    expect(ok.container).to.equal(container);
    expect(['ob2', 'ob3']).to.include(ok.generation);
    expect(ok.payload).to.be.a('string').and.not.equal('');
    expect(ok.payload).to.equal(ok.payload.trim());
    expect(ok.location).to.match(LOCATION);
    return 'credential';
  }
  const { error } = outcome;
  if (!(error instanceof BadgeError)) throw new Error(`unbake threw a non-BadgeError: ${String(error)}`);
  expect([...ALLOWED], error.message).to.include(error.code);
  // 'unexpected' marks the safety net in unbake(): reaching it means a parser bug this test should expose.
  expect(error.details?.['reason'], error.message).not.to.equal('unexpected');
  return error.code;
}

// ── PNG mutations ───────────────────────────────────────────────────────────────────────────────
interface Chunk {
  start: number;
  end: number;
}
/** The chunk ranges as far as they fit in the file: the test's view, deliberately forgiving. */
function chunksOf(bytes: Uint8Array): Chunk[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunk[] = [];
  for (let at = 8; at + 12 <= bytes.length && chunks.length < 20_000;) {
    const end = at + 12 + view.getUint32(at);
    if (end > bytes.length) break;
    chunks.push({ start: at, end });
    at = end;
  }
  return chunks;
}
const splice = (bytes: Uint8Array, start: number, remove: number, insert: Uint8Array = new Uint8Array()) => {
  const at = Math.min(start, bytes.length);
  remove = Math.min(remove, bytes.length - at);
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
};
/** Recomputes every reachable chunk's CRC, so mutations get past the CRC check into the chunk parsers. */
function fixCrcs(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (const c of chunksOf(out)) view.setUint32(c.end - 4, crc32(out.subarray(c.start + 4, c.end - 4)));
  return out;
}

const position = fc.nat(); // taken modulo the current length
const textChunk = fc.record({
  type: fc.constantFrom('iTXt', 'tEXt', 'zTXt'),
  keyword: fc.constantFrom('openbadges', 'openbadgecredential', 'openbadge', 'Openbadges', 'Software'),
  text: fc.oneof(fc.string(), fc.constantFrom('{}', 'https://example.org/a', 'a.b.c', ' ')),
  /** Raw: keyword NUL, then these bytes (flags, tags, NULs or none) and the text: malformed layouts. */
  raw: fc.option(fc.uint8Array({ maxLength: 6 })),
});
const byteOps = [
  fc.record({ op: fc.constant('flip'), at: position, xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('truncate'), at: position }),
  fc.record({ op: fc.constant('delete'), at: position, count: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('copy'), from: position, to: position, count: fc.integer({ min: 1, max: 400 }) }),
] as const;
/** Mutations are data, so a failing case prints readably and replays exactly. */
const pngMutation = fc.oneof(
  ...byteOps,
  fc.record({ op: fc.constant('insert'), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  // Duplicate a chunk somewhere else: two credentials, two IHDRs, IEND early…
  fc.record({ op: fc.constant('duplicate-chunk'), chunk: position, before: position }),
  fc.record({
    op: fc.constant('chunk-length'),
    chunk: position,
    length: fc.oneof(fc.constantFrom(0, 1, 13, 0x7fffffff, 0x80000000, 0xffffffff), fc.nat({ max: 0xffff }), fc.nat()),
  }),
  fc.record({
    op: fc.constant('chunk-type'),
    chunk: position,
    type: fc.constantFrom('iTXt', 'tEXt', 'zTXt', 'IEND', 'IHDR', 'IDAT', 'a\0b1', 'ITXT'),
  }),
  fc.record({ op: fc.constant('insert-chunk'), before: position, chunk: textChunk }),
);
type PngMutation = typeof pngMutation extends fc.Arbitrary<infer T> ? T : never;

const encode = (s: string) => new TextEncoder().encode(s);

function mutateBytes(b: Uint8Array, m: PngMutation | SvgMutation): Uint8Array {
  const at = 'at' in m ? m.at % (b.length + 1) : 0;
  switch (m.op) {
    case 'flip': {
      if (b.length === 0) return b;
      const out = b.slice();
      out[m.at % b.length] = out[m.at % b.length]! ^ m.xor;
      return out;
    }
    case 'truncate':
      return b.subarray(0, at);
    case 'delete':
      return splice(b, at, Math.min(m.count, b.length - at));
    case 'copy': {
      const from = m.from % (b.length + 1);
      return splice(b, m.to % (b.length + 1), 0, b.slice(from, from + m.count));
    }
    case 'insert':
      return splice(b, at, 0, m.bytes);
    default:
      return b;
  }
}

function mutatePng(b: Uint8Array, m: PngMutation): Uint8Array {
  const chunks = chunksOf(b);
  const pick = (n: number) => chunks[n % chunks.length]!;
  switch (m.op) {
    case 'duplicate-chunk': {
      if (chunks.length === 0) return b;
      const c = pick(m.chunk);
      return splice(b, pick(m.before).start, 0, b.slice(c.start, c.end));
    }
    case 'chunk-length': {
      if (chunks.length === 0) return b;
      const out = b.slice();
      new DataView(out.buffer).setUint32(pick(m.chunk).start, m.length >>> 0);
      return out;
    }
    case 'chunk-type': {
      if (chunks.length === 0) return b;
      const out = b.slice();
      out.set(
        Array.from(m.type, (c) => c.charCodeAt(0)),
        pick(m.chunk).start + 4,
      );
      return out;
    }
    case 'insert-chunk': {
      const { type, keyword, text, raw } = m.chunk;
      const data =
        raw === null && type === 'iTXt'
          ? iTXtData(keyword, text)
          : new Uint8Array([...encode(`${keyword}\0`), ...(raw ?? []), ...encode(text)]);
      return splice(b, chunks.length === 0 ? 8 : pick(m.before).start, 0, pngChunk(type, data));
    }
    default:
      return mutateBytes(b, m);
  }
}

// ── SVG mutations ───────────────────────────────────────────────────────────────────────────────
const FRAGMENTS = [
  '<openbadges:assertion verify="https://example.org/a">',
  '</openbadges:assertion>',
  '<openbadges:assertion verify="https://example.org/a"/>',
  '<openbadges:credential>',
  '</openbadges:credential>',
  '<openbadges:credential verify="a.b.c"/>',
  '<openbadges:credential><![CDATA[ {"a":1} ]]></openbadges:credential>',
  '<ob:credential xmlns:ob="https://purl.imsglobal.org/ob/v3p0"/>',
  '<ob:assertion xmlns:ob="urn:other">x</ob:assertion>',
  'xmlns:openbadges="http://openbadges.org"',
  ' verify=""',
  '<![CDATA[',
  ']]>',
  '<![CDATA[ ]]>',
  '<!DOCTYPE svg [<!ENTITY a "aaaa">]>',
  '<!DOCTYPE svg [<!ENTITY a "&b;&b;"><!ENTITY b "bb">]>',
  '<!DOCTYPE svg [<!ENTITY x SYSTEM "/baked-fuzz-probe">]>',
  '<!DOCTYPE svg SYSTEM "/baked-fuzz-probe.dtd">',
  '<!ENTITY x SYSTEM "/baked-fuzz-probe">',
  '&a;',
  '&x;',
  '&#0;',
  '&#x10FFFF;',
  '<!--',
  '-->',
  '<!-- c -->',
  '<?xml version="1.0"?>',
  '<?pi ?>',
  '<script>globalThis.__obFuzzPwned = 1</script>',
  '<image href="/baked-fuzz-probe.png" onerror="globalThis.__obFuzzPwned = 2"/>',
  '<parsererror/>',
  '{',
  '}',
  '"',
  "'",
  '<',
  '>',
  '&',
  '\uFEFF',
  '\0',
  'é',
  '\uD800',
];
/** Renames that keep the XML well-formed but change what is found: a different element, namespace, attribute. */
const RENAMES: readonly (readonly [string, string])[] = [
  ['openbadges:assertion', 'openbadges:credential'],
  ['openbadges:credential', 'openbadges:assertion'],
  ['openbadges:', 'x:'],
  ['xmlns:openbadges', 'xmlns:x'],
  ['http://openbadges.org', 'urn:other'],
  ['https://purl.imsglobal.org/ob/v3p0', 'urn:other'],
  ['verify=', 'verified='],
  ['openbadges', 'other'],
  ['purl.imsglobal.org', 'example.org'],
  ['<![CDATA[', '<![CDATA[ x'],
];
const svgMutation = fc.oneof(
  ...byteOps,
  fc.record({ op: fc.constant('fragment'), at: position, text: fc.constantFrom(...FRAGMENTS) }),
  // At a tag boundary (just after some '>'), where a fragment keeps the XML well-formed more often.
  fc.record({ op: fc.constant('fragment-after-tag'), tag: position, text: fc.constantFrom(...FRAGMENTS) }),
  fc.record({ op: fc.constant('rename'), rename: fc.constantFrom(...RENAMES) }),
  fc.record({ op: fc.constant('prepend'), text: fc.constantFrom(...FRAGMENTS) }),
);
type SvgMutation = typeof svgMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateSvg(b: Uint8Array, m: SvgMutation): Uint8Array {
  switch (m.op) {
    case 'fragment':
      return splice(b, m.at % (b.length + 1), 0, encode(m.text));
    case 'fragment-after-tag': {
      const ends = b.reduce<number[]>((acc, byte, i) => (byte === 0x3e ? [...acc, i + 1] : acc), []);
      return ends.length === 0 ? b : splice(b, ends[m.tag % ends.length]!, 0, encode(m.text));
    }
    case 'prepend':
      return splice(b, 0, 0, encode(m.text));
    case 'rename':
      return encode(new TextDecoder().decode(b).replaceAll(m.rename[0], m.rename[1]));
    default:
      return mutateBytes(b, m);
  }
}

/** Runs `check`, rethrowing a failure with its message in front, since the runner does not print causes. */
async function described<T>(label: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

describe('unbake on mutated real baked images (property-based)', function () {
  this.timeout(180_000);
  const seeds = new Map<string, Uint8Array>();
  const globals = globalThis as { __obFuzzPwned?: unknown };

  before(async () => {
    for (const file of [...PNGS, ...SVGS]) {
      seeds.set(file, new Uint8Array(await (await fetch(`/test/conformance/baked/${file}`)).arrayBuffer()));
    }
  });

  it('PNG: flips, truncations, splices, duplicated chunks, bad lengths and types, with and without fixed CRCs', async () => {
    const tally = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PNGS),
        fc.array(pngMutation, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (file, mutations, fix) => {
          let bytes = seeds.get(file)!;
          for (const m of mutations) bytes = mutatePng(bytes, m);
          if (fix) bytes = fixCrcs(bytes);
          const outcome = await settle(bytes, 'image/png');
          const label = await described(file, async () => judge(outcome, 'png'));
          tally.set(label, (tally.get(label) ?? 0) + 1);
        },
      ),
      RUN,
    );
    // The mutations reach past the signature and CRC checks: some still read, some find two credentials.
    expect([...tally.keys()]).to.include.members(['credential', 'ERR_OB_IMAGE_CORRUPT', 'ERR_OB_IMAGE_AMBIGUOUS']);
  });

  it('SVG: markup fragments, entities, scripts, deletions, duplications, byte flips, truncations', async () => {
    const tally = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SVGS),
        fc.array(svgMutation, { minLength: 1, maxLength: 3 }),
        async (file, mutations) => {
          let bytes = seeds.get(file)!;
          for (const m of mutations) bytes = mutateSvg(bytes, m);
          const outcome = await settle(bytes, 'image/svg+xml');
          const label = await described(file, async () => judge(outcome, 'svg'));
          tally.set(label, (tally.get(label) ?? 0) + 1);
        },
      ),
      RUN,
    );
    expect([...tally.keys()]).to.include.members(['credential', 'ERR_OB_IMAGE_CORRUPT', 'ERR_OB_IMAGE_NOT_BAKED']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(globals.__obFuzzPwned).to.equal(undefined);
    expect(performance.getEntriesByType('resource').filter((e) => e.name.includes('baked-fuzz-probe'))).to.deep.equal(
      [],
    );
  });
});
