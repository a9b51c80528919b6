import { expect } from '@open-wc/testing';
import { bakeSvg } from '../../../scripts/bake.js';
import { rejected } from '../../../test/helpers/errors.js';
import { MAX_SVG_DEPTH, MAX_SVG_ELEMENTS, unbakeSvg } from './svg.js';

const MAX = 2 * 1024 * 1024;
const utf8 = (s: string) => new TextEncoder().encode(s);
const unbake = (svg: string | Uint8Array, max = MAX) => unbakeSvg(typeof svg === 'string' ? utf8(svg) : svg, max);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>';
const JWS = 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJkaWQ6a2V5OnoifQ.c2ln';
const OB2 = 'xmlns:openbadges="http://openbadges.org"';
const OB3 = 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"';
const svgWith = (ns: string, inner: string, prolog = '') =>
  `${prolog}<svg xmlns="http://www.w3.org/2000/svg" ${ns}>${inner}<circle r="4"/></svg>`;

/** Resource Timing entries whose URL contains `marker`: what the page actually requested. */
const requested = (marker: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes(marker));
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function code(svg: string | Uint8Array, max = MAX) {
  const error = await rejected(unbake(svg, max));
  return { code: error.code, ...(error.details as Record<string, unknown>) };
}

describe('unbakeSvg', () => {
  describe('round trips through scripts/bake.js', () => {
    it('reads OB 3.0 JSON from the CDATA body, `]]>` and non-ASCII intact', async () => {
      const json = '{"name":"Ünïcödé 🎓 ]]> <b>&amp;</b>","type":["VerifiableCredential","OpenBadgeCredential"]}';
      expect(await unbake(bakeSvg(SVG, 'ob3', { json }))).to.deep.equal({
        container: 'svg',
        generation: 'ob3',
        payload: json,
        location: 'openbadges:credential content',
      });
    });

    it('reads an OB 3.0 VC-JWT from the verify attribute of an empty element', async () => {
      expect(await unbake(bakeSvg(SVG, 'ob3', { verify: JWS }))).to.deep.equal({
        container: 'svg',
        generation: 'ob3',
        payload: JWS,
        location: 'openbadges:credential verify attribute',
      });
    });

    it('reads an OB 2.0 assertion: JSON body beside a verify URL, the body wins', async () => {
      const json = '{"id":"https://example.org/a/1","type":"Assertion"}';
      expect(await unbake(bakeSvg(SVG, 'ob2', { json, verify: 'https://example.org/a/1' }))).to.deep.equal({
        container: 'svg',
        generation: 'ob2',
        payload: json,
        location: 'openbadges:assertion content',
      });
    });

    it('bakes into a self-closing root and after a prolog with a DOCTYPE, and accepts a UTF-8 BOM', async () => {
      const baked = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', 'ob2', {
        verify: 'https://example.org/"x"&y',
      });
      expect((await unbake(baked)).payload).to.equal('https://example.org/"x"&y');
      const prolog =
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- <svg> in a comment -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd">\n';
      const bom = Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(bakeSvg(prolog + SVG, 'ob3', { verify: JWS })));
      expect((await unbake(bom)).payload).to.equal(JWS);
    });
  });

  describe('choosing between body and verify', () => {
    it('falls back to verify when the body looks like JSON but does not parse', async () => {
      const svg = svgWith(
        OB2,
        '<openbadges:assertion verify="https://example.org/v"><![CDATA[ {verify: 1} ]]></openbadges:assertion>',
      );
      expect(await unbake(svg)).to.include({
        payload: 'https://example.org/v',
        location: 'openbadges:assertion verify attribute',
      });
    });

    it('passes a broken JSON body on when there is no verify to fall back on (the format check reports it)', async () => {
      const svg = svgWith(OB3, '<openbadges:credential><![CDATA[ {"a": ]]></openbadges:credential>');
      expect(await unbake(svg)).to.include({ payload: '{"a":', location: 'openbadges:credential content' });
    });

    it('takes a non-JSON body (a JWS written as text) over verify, and plain text content as well as CDATA', async () => {
      const svg = svgWith(OB3, `<openbadges:credential verify="other">\n  ${JWS}\n</openbadges:credential>`);
      expect(await unbake(svg)).to.include({ payload: JWS, location: 'openbadges:credential content' });
    });

    it('uses verify when the body is only whitespace or an empty CDATA', async () => {
      const svg = svgWith(
        OB2,
        '<openbadges:assertion verify=" https://example.org/v "> <![CDATA[]]>\n</openbadges:assertion>',
      );
      expect(await unbake(svg)).to.include({ payload: 'https://example.org/v' });
    });

    it('rejects an element with neither body nor verify as corrupt', async () => {
      expect(
        await code(svgWith(OB3, '<openbadges:credential verify="  "><![CDATA[ ]]></openbadges:credential>')),
      ).to.deep.equal({
        code: 'ERR_OB_IMAGE_CORRUPT',
        container: 'svg',
        reason: 'empty',
        element: 'openbadges:credential',
      });
    });
  });

  describe('namespaces', () => {
    it('finds the elements by namespace, whatever the prefix', async () => {
      const svg = svgWith('xmlns:ob="https://purl.imsglobal.org/ob/v3p0"', `<ob:credential verify="${JWS}"/>`);
      expect(await unbake(svg)).to.include({ generation: 'ob3', location: 'openbadges:credential verify attribute' });
    });

    it('accepts the namespace variants bakers write (/spec/ path, trailing slash, https for 2.0)', async () => {
      for (const ns of ['https://purl.imsglobal.org/spec/ob/v3p0', 'https://purl.imsglobal.org/ob/v3p0/']) {
        const svg = svgWith(`xmlns:x="${ns}"`, `<x:credential verify="${JWS}"/>`);
        expect(await unbake(svg), ns).to.include({ generation: 'ob3' });
      }
      const svg = svgWith('xmlns:x="https://openbadges.org"', '<x:assertion verify="https://example.org/a"/>');
      expect(await unbake(svg)).to.include({ generation: 'ob2' });
    });

    it('accepts the openbadges prefix bound to any namespace; the element name decides the generation', async () => {
      const svg = svgWith('xmlns:openbadges="urn:example:badges"', `<openbadges:credential verify="${JWS}"/>`);
      expect(await unbake(svg)).to.include({ generation: 'ob3' });
      const swapped = svgWith(OB2, `<openbadges:credential verify="${JWS}"/>`);
      expect(await unbake(swapped)).to.include({ generation: 'ob3' });
    });

    it('ignores same-named elements in other namespaces', async () => {
      const svg = svgWith('xmlns:x="urn:example:other"', `<x:credential verify="${JWS}"/><assertion verify="u"/>`);
      expect(await code(svg)).to.deep.equal({ code: 'ERR_OB_IMAGE_NOT_BAKED', container: 'svg' });
    });

    it('rejects an openbadges prefix that is never declared as not well-formed', async () => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential verify="${JWS}"/></svg>`;
      expect(await code(svg)).to.include({ code: 'ERR_OB_IMAGE_CORRUPT', reason: 'xml' });
    });
  });

  describe('more than one credential', () => {
    it('rejects two assertion elements, or an assertion beside a credential', async () => {
      const two = svgWith(OB2, '<openbadges:assertion verify="a"/><g><openbadges:assertion verify="b"/></g>');
      expect(await code(two)).to.deep.equal({
        code: 'ERR_OB_IMAGE_AMBIGUOUS',
        container: 'svg',
        elements: [
          { element: 'openbadges:assertion', namespace: 'http://openbadges.org' },
          { element: 'openbadges:assertion', namespace: 'http://openbadges.org' },
        ],
      });
      const both = svgWith(
        `${OB2} xmlns:ob3="https://purl.imsglobal.org/ob/v3p0"`,
        `<openbadges:assertion verify="a"/><ob3:credential verify="${JWS}"/>`,
      );
      expect(await code(both)).to.include({ code: 'ERR_OB_IMAGE_AMBIGUOUS' });
    });
  });

  describe('broken files', () => {
    it('rejects XML that does not parse', async () => {
      for (const svg of ['', 'not xml', '<svg><g></svg>', `${SVG}<svg/>`, '<svg a="1" a="2"/>', '<svg>&nbsp;</svg>']) {
        expect(await code(svg), svg).to.include({ code: 'ERR_OB_IMAGE_CORRUPT', reason: 'xml' });
      }
    });

    it('rejects text that is not valid UTF-8', async () => {
      const bytes = Uint8Array.of(...utf8(bakeSvg(SVG, 'ob3', { json: '{"a":"' })), 0xff, ...utf8('"}'));
      expect(await code(bytes)).to.deep.equal({ code: 'ERR_OB_IMAGE_CORRUPT', container: 'svg', reason: 'utf-8' });
    });
  });

  describe('hostile files: parsed as data, nothing runs, nothing loads', () => {
    const globals = globalThis as { __obBakedPwned?: unknown };
    afterEach(() => delete globals.__obBakedPwned);

    it('extracts from an SVG full of scripts, handlers and external references without running or fetching any', async () => {
      const marker = `ob-baked-probe-${Math.random().toString(36).slice(2)}`;
      const svg = svgWith(
        `${OB3} xmlns:xlink="http://www.w3.org/1999/xlink" onload="globalThis.__obBakedPwned = 'onload'"`,
        `<openbadges:credential verify="${JWS}"/>
         <script>globalThis.__obBakedPwned = 'script'</script>
         <script href="/${marker}/a.js"/>
         <image href="/${marker}/b.png" onerror="globalThis.__obBakedPwned = 'onerror'"/>
         <image xlink:href="/${marker}/c.png"/>
         <use href="/${marker}/d.svg#x"/>
         <style>@import url("/${marker}/e.css"); svg { background: url("/${marker}/f.png") }</style>
         <foreignObject><img xmlns="http://www.w3.org/1999/xhtml" src="/${marker}/g.png" onerror="globalThis.__obBakedPwned = 'img'"/></foreignObject>`,
        `<?xml version="1.0"?>\n<?xml-stylesheet type="text/css" href="/${marker}/h.css"?>\n`,
      );
      expect(await unbake(svg)).to.include({ payload: JWS });
      await settle();
      expect(globals.__obBakedPwned).to.equal(undefined);
      expect(requested(marker)).to.deep.equal([]);
    });

    it('does not load an external DTD', async () => {
      const marker = `ob-baked-dtd-${Math.random().toString(36).slice(2)}`;
      const svg = bakeSvg(`<!DOCTYPE svg SYSTEM "/${marker}/svg11.dtd">${SVG}`, 'ob3', { verify: JWS });
      expect(await unbake(svg)).to.include({ payload: JWS });
      await settle();
      expect(requested(marker)).to.deep.equal([]);
    });

    it('refuses external and parameter entities before parsing (no XXE)', async () => {
      const marker = `ob-baked-xxe-${Math.random().toString(36).slice(2)}`;
      for (const decl of [
        `<!ENTITY xxe SYSTEM "/${marker}/secret">`,
        `<!ENTITY xxe PUBLIC "-//x//EN" "/${marker}/secret">`,
        `<!ENTITY % pe SYSTEM "/${marker}/pe.dtd"> %pe;`,
        `<!ENTITY xxe "ok"><!ATTLIST svg onload CDATA "globalThis.__obBakedPwned = 1">`,
      ]) {
        const svg = svgWith(OB3, `<openbadges:credential verify="&xxe;"/>`, `<!DOCTYPE svg [${decl}]>`);
        expect(await code(svg), decl).to.include({ code: 'ERR_OB_UNSUPPORTED', reason: 'dtd' });
      }
      await settle();
      expect(requested(marker)).to.deep.equal([]);
    });

    it('refuses a billion-laughs entity bomb unexpanded: an entity value may not reference another', async () => {
      const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
      const svg = svgWith(
        OB2,
        '<openbadges:assertion verify="&lol9;"/>',
        `<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY lol0 "lol">${lol}]>`,
      );
      expect(await code(svg)).to.include({ code: 'ERR_OB_UNSUPPORTED', reason: 'dtd' });
    });

    it('bounds what plain entities may add (the quadratic blowup) by the size limit', async () => {
      const big = 'A'.repeat(100_000);
      const svg = svgWith(
        OB2,
        `<openbadges:assertion verify="u">${'&a;'.repeat(1000)}</openbadges:assertion>`,
        `<!DOCTYPE svg [<!ENTITY a "${big}">]>`,
      );
      expect(await code(svg)).to.deep.equal({
        code: 'ERR_OB_TOO_LARGE',
        container: 'svg',
        reason: 'entity-expansion',
        maxBytes: MAX,
      });
    });

    it('reads files that declare a few plain entities, as Illustrator exports do', async () => {
      const prolog =
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd" [\n' +
        '  <!ENTITY ns_svg "http://www.w3.org/2000/svg">\n  <!-- a comment ]> -->\n  <!ENTITY ns_ob \'http://openbadges.org\'>\n]>\n';
      const svg = `${prolog}<svg xmlns="&ns_svg;" xmlns:openbadges="&ns_ob;"><openbadges:assertion verify="https://example.org/&ns_ob;"/></svg>`;
      expect(await unbake(svg)).to.deep.equal({
        container: 'svg',
        generation: 'ob2',
        payload: 'https://example.org/http://openbadges.org',
        location: 'openbadges:assertion verify attribute',
      });
    });
  });
});

describe('unbakeSvg: bounded before parsing', () => {
  const deep = (depth: number) =>
    `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(depth)}${'</g>'.repeat(depth)}</svg>`;

  it('refuses a 200,000-deep SVG before parsing it: ERR_OB_TOO_LARGE (depth)', async () => {
    expect(await code(deep(200_000))).to.deep.equal({
      code: 'ERR_OB_TOO_LARGE',
      container: 'svg',
      reason: 'depth',
      max: MAX_SVG_DEPTH,
    });
  });

  it('refuses a 300,000-element flat SVG before parsing it: ERR_OB_TOO_LARGE (elements)', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(300_000)}</svg>`;
    expect(await code(svg)).to.deep.equal({
      code: 'ERR_OB_TOO_LARGE',
      container: 'svg',
      reason: 'elements',
      max: MAX_SVG_ELEMENTS,
    });
  });

  it('reads a baked SVG at the limits, counting tags by markup: comments, CDATA, quoted `>` skipped', async () => {
    // MAX_SVG_DEPTH levels including <svg> itself, and markup-looking text that is not markup.
    const noise =
      '<!-- <g><g><g> --><![CDATA[ <g><g> ]]><?pi <g> ?><text title="a > b" alt=\'/>\'>x</text>' + '<g/>'.repeat(1000);
    const inner = `${'<g>'.repeat(MAX_SVG_DEPTH - 2)}<circle r="1"/>${'</g>'.repeat(MAX_SVG_DEPTH - 2)}`;
    const svg = svgWith(OB2, `${noise}${inner}<openbadges:assertion verify="https://example.org/a/1"/>`);
    expect((await unbake(svg)).payload).to.equal('https://example.org/a/1');
    const tooDeep = svgWith(OB2, `${'<g>'.repeat(MAX_SVG_DEPTH)}${'</g>'.repeat(MAX_SVG_DEPTH)}`);
    expect((await code(tooDeep)) as Record<string, unknown>).to.include({ reason: 'depth' });
  });
});
