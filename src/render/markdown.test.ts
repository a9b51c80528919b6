import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { decodeEntities } from './markdown-walker.js';
import { HOSTILE_MARKDOWN } from '../../test/helpers/hostile-markdown.js';
import {
  isMarkdownReady,
  loadMarkdown,
  MAX_MARKDOWN_LENGTH,
  MAX_MARKDOWN_NODES,
  MAX_TABLE_CELLS,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
  mayBeMarkdown,
  renderMarkdown,
  renderPlainText,
} from './markdown.js';

function draw(source: string, headingLevel?: number): HTMLElement {
  const container = document.createElement('div');
  render(renderMarkdown(source, headingLevel === undefined ? {} : { headingLevel }), container);
  return container;
}

describe('renderMarkdown', () => {
  it('shows the source as plain text before the lexer has loaded', () => {
    // This must be the first test in the file: nothing has called loadMarkdown() yet.
    if (isMarkdownReady()) return;
    const el = draw('**bold** <script>alert(1)</script>');
    expect(el.querySelector('strong')).to.equal(null);
    expect(el.querySelector('script')).to.equal(null);
    expect(el.textContent).to.contain('**bold** <script>alert(1)</script>');
  });

  describe('once loaded', () => {
    before(() => loadMarkdown());

    it('renders paragraphs, emphasis, strong, code, lists, quotes and breaks', () => {
      const el = draw(
        'Hello *em* and **strong** and `a<b>`.\nline  \nbreak\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted\n\n```\n<code> & more\n```\n\n~~gone~~',
      );
      expect(el.querySelector('p em')!.textContent).to.equal('em');
      expect(el.querySelector('p strong')!.textContent).to.equal('strong');
      expect(el.querySelector('p code')!.textContent).to.equal('a<b>');
      expect(el.querySelector('p br')).to.not.equal(null);
      expect([...el.querySelectorAll('ul > li')].map((li) => li.textContent!.trim())).to.deep.equal(['one', 'two']);
      expect(el.querySelector('ol')!.getAttribute('start')).to.equal('3');
      expect(el.querySelector('blockquote p')!.textContent).to.equal('quoted');
      expect(el.querySelector('pre code')!.textContent).to.equal('<code> & more');
      expect(el.querySelector('del')!.textContent).to.equal('gone');
    });

    it('shows raw HTML as text, never as elements', () => {
      const el = draw(
        '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nInline <b onclick="alert(1)">bold</b> <iframe src="https://evil.example"></iframe>\n\n<div onclick=x>block</div>',
      );
      // Compare booleans, not elements: chai serialising a DOM node in a failure is unhelpful.
      for (const tag of ['script', 'img', 'b', 'iframe', '.md div'])
        expect(el.querySelector(tag) === null, tag).to.equal(true);
      expect(el.textContent).to.contain('<script>alert(1)</script>');
      expect(el.textContent).to.contain('<img src=x onerror=alert(1)>');
      expect(el.textContent).to.contain('<b onclick="alert(1)">bold</b>');
      expect(el.textContent).to.contain('<div onclick=x>block</div>');
      expect(el.querySelectorAll('[onclick], [onerror], [src]').length).to.equal(0);
      expect(el.querySelectorAll('.md__raw').length).to.equal(3);
    });

    it('renders safe links with rel and target, and refuses unsafe ones', () => {
      const el = draw(
        '[ok](https://example.edu/a?x=1&amp;y=2 "Title") [bad](javascript:alert(1)) [enc](javascript&#58;alert(1)) [rel](/relative) <https://auto.example/x&y> [data](data:text/html,<b>x</b>)',
      );
      const links = [...el.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
        'https://example.edu/a?x=1&y=2',
        'https://auto.example/x&y',
      ]);
      expect(links[0]!.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
      expect(links[0]!.getAttribute('target')).to.equal('_blank');
      expect(links[0]!.getAttribute('title')).to.equal('Title');
      expect(el.textContent).to.contain('bad');
      expect(el.textContent).to.contain('enc');
    });

    it('never loads images: a link to the image, or its alt text', () => {
      const el = draw(
        '![tracking pixel](https://tracker.example/p.gif) ![evil](javascript:alert(1)) ![](https://x.example/i.png)',
      );
      expect(el.querySelector('img')).to.equal(null);
      const links = [...el.querySelectorAll('a')];
      expect(links.map((a) => [a.getAttribute('href'), a.textContent])).to.deep.equal([
        ['https://tracker.example/p.gif', 'tracking pixel'],
        ['https://x.example/i.png', 'https://x.example/i.png'],
      ]);
      expect(el.textContent).to.contain('evil');
    });

    it('demotes headings below the given level and caps them at 6', () => {
      const el = draw('# One\n\n## Two\n\n###### Six', 4);
      const headings = [...el.querySelectorAll('[role="heading"]')];
      expect(headings.map((h) => [h.getAttribute('aria-level'), h.textContent!.trim()])).to.deep.equal([
        ['4', 'One'],
        ['5', 'Two'],
        ['6', 'Six'],
      ]);
      expect(el.querySelector('h1, h2, h3, h4, h5, h6')).to.equal(null);
    });

    it('decodes character references in text but keeps code literal', () => {
      const el = draw('Tom &amp; Jerry &copy; &#169; &#x263A; &lt;b&gt; &unknown; `&amp;`');
      expect(el.querySelector('p')!.textContent).to.equal('Tom & Jerry © © ☺ <b> &unknown; &amp;');
      expect(el.querySelector('b')).to.equal(null);
    });

    it('caps the input length', () => {
      const text = draw('a'.repeat(MAX_MARKDOWN_LENGTH + 500)).textContent!.trim();
      // Compare lengths, not strings: a failing 20 000-character diff would swamp the reporter.
      expect(text.length).to.equal(MAX_MARKDOWN_LENGTH + 1);
      expect(text.endsWith('a…')).to.equal(true);
    });

    it('caps nesting depth and still shows the text', () => {
      const deep = `${'> '.repeat(40)}deep *text*`;
      const el = draw(deep);
      expect(el.querySelectorAll('blockquote').length).to.be.at.most(8);
      expect(el.textContent).to.contain('deep');
    });

    it('renders tables up to the limits', () => {
      const columns = MAX_TABLE_COLUMNS;
      const rows = MAX_TABLE_CELLS / columns - 1;
      // Header and body cells: exactly MAX_TABLE_CELLS.
      const el = draw(
        `|${'h|'.repeat(columns)}\n|${'-|'.repeat(columns)}\n${`|${'c|'.repeat(columns)}\n`.repeat(rows)}`,
      );
      expect(el.querySelectorAll('th').length).to.equal(columns);
      expect(el.querySelectorAll('tbody tr').length).to.equal(rows);
      expect(el.querySelectorAll('td').length).to.equal(columns * rows);
      expect(el.querySelector('.md__table-source')).to.equal(null);
    });

    it('shows a table padded to millions of cells as its source, without building it', () => {
      // 20 KB: a 2,500-column header over 5,000 one-cell rows, which padding would make 12.5M cells.
      const source = `|${'a|'.repeat(2500)}\n|${'-|'.repeat(2500)}\n${'a\n'.repeat(5000)}`;
      // Unbounded, this takes tens of seconds or runs out of memory: the test would time out.
      const el = draw(source);
      expect(el.querySelectorAll('table, td, th').length).to.equal(0);
      const shown = el.querySelector('.md__table-source')!.textContent!;
      expect(shown.startsWith('|a|a|a|')).to.equal(true);
      expect(shown.length).to.be.at.most(source.length);
    });

    for (const [what, source] of [
      ['too many columns', `|${'h|'.repeat(MAX_TABLE_COLUMNS + 1)}\n|${'-|'.repeat(MAX_TABLE_COLUMNS + 1)}\n|c|\n`],
      ['too many rows', `|h|\n|-|\n${'|c|\n'.repeat(MAX_TABLE_ROWS + 1)}`],
      ['too many cells', `|${'h|'.repeat(20)}\n|${'-|'.repeat(20)}\n${'|c|\n'.repeat(MAX_TABLE_CELLS / 20)}`],
    ] as const) {
      it(`shows a table with ${what} as its source, and what follows it as Markdown`, () => {
        const el = draw(`${source}\n**after**`);
        expect(el.querySelectorAll('table').length).to.equal(0);
        expect(el.querySelector('.md__table-source')!.textContent!.startsWith('|h|')).to.equal(true);
        expect(el.querySelector('strong')!.textContent).to.equal('after');
      });
    }

    it('stops making elements after MAX_MARKDOWN_NODES tokens and shows the rest as text', () => {
      const count = 2500;
      const source = Array.from({ length: count }, (_, i) => `- i${i}`).join('\n');
      const el = draw(source);
      const items = el.querySelectorAll('li');
      expect(items.length).to.be.below(MAX_MARKDOWN_NODES / 2);
      expect(items.length).to.be.above(100);
      // Nothing is lost: the last item is there, as text.
      const last = items[items.length - 1]!;
      expect(last.classList.contains('md__raw')).to.equal(true);
      expect(last.textContent!.trim().endsWith(`- i${count - 1}`)).to.equal(true);
    });

    it('returns the cached result for a source it has rendered', () => {
      const source = '# Cached\n\n*text*';
      expect(renderMarkdown(source, { headingLevel: 4 })).to.equal(renderMarkdown(source, { headingLevel: 4 }));
      expect(renderMarkdown(source, { headingLevel: 5 })).to.not.equal(renderMarkdown(source, { headingLevel: 4 }));
    });

    it('renders plain text on request, whether or not Markdown has loaded', () => {
      const container = document.createElement('div');
      render(renderPlainText('**not bold**'), container);
      expect(container.querySelector('strong')).to.equal(null);
      expect(container.textContent!.trim()).to.equal('**not bold**');
    });

    it('shows text nested deeper than the lexer can recurse', () => {
      const el = draw(`${'> '.repeat(9000)}deep`);
      expect(el.textContent).to.contain('deep');
    });

    it('renders the subset: nested and loose lists, setext headings, rules, fences, tables, autolinks', () => {
      const el = draw(
        'Title\n=====\n\n- a\n  - b\n    1. c\n- d\n\n***\n\n1. loose\n\n2. list\n\n~~~\n*not em*\n~~~\n\n| h1 | h2 |\n|:--|--:|\n| `x` | **z** |\n\nSee https://example.edu/a_b. and www.example.org or <mail@example.edu>.',
        4,
      );
      expect(el.querySelector('[role="heading"]')!.textContent!.trim()).to.equal('Title');
      expect(el.querySelector('ul > li > ul > li > ol > li')!.textContent!.trim()).to.equal('c');
      expect(el.querySelectorAll('.md > ul > li').length).to.equal(2);
      expect(el.querySelector('hr')).to.not.equal(null);
      expect([...el.querySelectorAll('ol')].at(-1)!.querySelectorAll('li > p').length).to.equal(2);
      expect(el.querySelector('pre code')!.textContent).to.equal('*not em*');
      expect([...el.querySelectorAll('th')].map((th) => th.textContent!.trim())).to.deep.equal(['h1', 'h2']);
      expect(el.querySelector('td code')).to.not.equal(null);
      expect(el.querySelector('td strong')!.textContent).to.equal('z');
      expect([...el.querySelectorAll('p a')].map((a) => a.getAttribute('href'))).to.deep.equal([
        'https://example.edu/a_b',
        'http://www.example.org',
      ]);
    });

    it('matches emphasis as CommonMark does for ordinary text', () => {
      const el = draw('***both*** *a **b** c* snake_case_name _x_ **unclosed *em* \\*escaped\\* ~~del~~');
      expect(el.querySelector('em strong, strong em')!.textContent).to.equal('both');
      expect([...el.querySelectorAll('em > strong')].map((e) => e.textContent)).to.include('b');
      expect(el.textContent).to.contain('snake_case_name');
      expect([...el.querySelectorAll('em')].map((e) => e.textContent)).to.include.members(['x', 'em']);
      expect(el.textContent).to.contain('**unclosed');
      expect(el.querySelector('del')!.textContent).to.equal('del');
    });

    for (const [what, source] of HOSTILE_MARKDOWN) {
      // How long these take is measured by `npm run bench -- --only hostile`, not asserted here.
      it(`lexes hostile input within its limits: ${what}`, () => {
        const el = draw(source.slice(0, MAX_MARKDOWN_LENGTH));
        expect(el.textContent!.length).to.be.above(0);
        expect(el.querySelectorAll('*').length).to.be.at.most(MAX_MARKDOWN_NODES);
      });
    }

    it('shows task list checkboxes as text, not form controls', () => {
      const el = draw('- [x] done\n- [ ] todo');
      expect(el.querySelector('input')).to.equal(null);
      expect(el.textContent).to.contain('☑ done');
      expect(el.textContent).to.contain('☐ todo');
    });
  });
});

describe('mayBeMarkdown', () => {
  it('is false for plain prose, so it never loads the renderer', () => {
    for (const text of [
      'Completed the course and passed the final exam.',
      'Attended 3 sessions, 2 hours each; earned 6 credits.\nSecond line, no markup.',
      "Learners don't need to do anything else (really).",
    ])
      expect(mayBeMarkdown(text), text).to.equal(false);
    expect(mayBeMarkdown(undefined)).to.equal(false);
  });

  it('is true for anything Markdown would draw differently', () => {
    for (const text of [
      'Some *emphasis*',
      'snake_case',
      'A `code` span',
      'A [link](https://example.edu)',
      'An autolink <https://example.edu>',
      'A bare https://example.edu link',
      'www.example.edu',
      '# Heading',
      '> quote',
      '- item',
      '+ item',
      '1. first',
      '2) second',
      'Title\n=====',
      '    indented code',
      '\tindented code',
      'hard  \nbreak',
      'a | table',
      '~~gone~~',
      'Tom &amp; Jerry',
      'an \\* escape',
      '<b>raw html</b>',
    ])
      expect(mayBeMarkdown(text), text).to.equal(true);
  });
});

describe('decodeEntities', () => {
  it('replaces invalid code points with U+FFFD', () => {
    expect(decodeEntities('&#0;&#xD800;&#1114112;')).to.equal('\ufffd\ufffd\ufffd');
  });
  it('does not resolve inherited object keys', () => {
    expect(decodeEntities('&constructor;&toString;')).to.equal('&constructor;&toString;');
  });
});
