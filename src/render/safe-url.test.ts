import { expect } from '@open-wc/testing';
import { safeImageUrl, safeLinkUrl } from './safe-url.js';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('safeLinkUrl', () => {
  it('returns absolute http(s) URLs unchanged', () => {
    expect(safeLinkUrl('https://example.edu/criteria?id=1#x')).to.equal('https://example.edu/criteria?id=1#x');
    expect(safeLinkUrl('http://example.edu')).to.equal('http://example.edu');
    expect(safeLinkUrl('HTTPS://Example.edu/A')).to.equal('HTTPS://Example.edu/A');
    expect(safeLinkUrl('HTTP://ok.example/')).to.equal('HTTP://ok.example/');
  });

  // These parse (without a base) with a host, but an href/src is resolved against the page, and on
  // a page of the same scheme they are paths on the page's own origin.
  for (const url of ['http:/x', 'https:/a', 'https:/account/delete', 'https:example.com', 'HTTP:x']) {
    it(`rejects ${JSON.stringify(url)}, a same-origin path once resolved against the page`, () => {
      const parsed = new URL(url);
      expect(parsed.hostname).to.not.equal('');
      expect(new URL(url, `${parsed.protocol}//page.example/dir/`).host).to.equal('page.example');
      expect(safeLinkUrl(url)).to.equal(undefined);
      expect(safeImageUrl(url)).to.equal(undefined);
    });
  }

  it('rejects backslash spellings of http(s)://', () => {
    for (const url of ['https:\\\\example.edu/', 'https:/\\example.edu/', 'http:\\\\example.edu/']) {
      expect(safeLinkUrl(url), url).to.equal(undefined);
      expect(safeImageUrl(url), url).to.equal(undefined);
    }
  });

  for (const url of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript\u0000:alert(1)',
    '\u00a0javascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    PNG,
    'file:///etc/passwd',
    'ftp://example.edu/x',
    'blob:https://example.edu/uuid',
    'mailto:someone@example.edu',
    '/relative/path',
    '//example.edu/protocol-relative',
    'example.edu',
    '#fragment',
    '',
    ' https://example.edu',
    'https://example.edu ',
    'https://example.edu/\u2028',
    'https://bank.example@evil.example/',
    'https://user:pass@example.edu/',
    'https://',
  ]) {
    it(`rejects ${JSON.stringify(url)}`, () => {
      expect(safeLinkUrl(url)).to.equal(undefined);
    });
  }

  it('rejects non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.edu'], new URL('https://example.edu')]) {
      expect(safeLinkUrl(value)).to.equal(undefined);
    }
  });
});

describe('safeImageUrl', () => {
  it('accepts http(s) and raster data: URLs', () => {
    expect(safeImageUrl('https://example.edu/badge.png')).to.equal('https://example.edu/badge.png');
    expect(safeImageUrl('http://example.edu/badge.png')).to.equal('http://example.edu/badge.png');
    expect(safeImageUrl(PNG)).to.equal(PNG);
    for (const type of ['jpeg', 'gif', 'webp', 'avif', 'PNG']) {
      expect(safeImageUrl(`data:image/${type};base64,AAAA`), type).to.equal(`data:image/${type};base64,AAAA`);
    }
  });

  for (const url of [
    'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'DATA:IMAGE/SVG+XML,<svg onload=alert(1)>',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png<script>,x',
    'data:,hello',
    'data:image/pngx;base64,AAAA',
    'data:image/png;base64,AA AA',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'vbscript:msgbox(1)',
    'badge.png',
    '/images/badge.png',
    'blob:https://example.edu/uuid',
  ]) {
    it(`rejects ${JSON.stringify(url.slice(0, 60))}`, () => {
      expect(safeImageUrl(url)).to.equal(undefined);
    });
  }
});
