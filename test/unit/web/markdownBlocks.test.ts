import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from '../../../web/src/shared/markdownBlocks.js';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs joined across lines, and both kinds of list', () => {
    const blocks = parseMarkdown('# Title\n\nFirst line\nsecond line.\n\n## Part\n- one\n- two\n\n1. first\n2) second\n');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, content: [{ kind: 'text', text: 'Title' }] },
      { kind: 'paragraph', content: [{ kind: 'text', text: 'First line second line.' }] },
      { kind: 'heading', level: 2, content: [{ kind: 'text', text: 'Part' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'first' }], [{ kind: 'text', text: 'second' }]] },
    ]);
  });

  it('keeps HTML in a page as text: nothing is ever markup', () => {
    const blocks = parseMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
    expect(blocks).toEqual([
      { kind: 'paragraph', content: [{ kind: 'text', text: '<script>alert(1)</script>' }] },
      { kind: 'paragraph', content: [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }] },
    ]);
  });

  it('handles Windows line ends', () => {
    expect(parseMarkdown('a\r\nb\r\n\r\nc')).toHaveLength(2);
  });
});

describe('parseInline', () => {
  it('reads bold, italic and links, nested', () => {
    expect(parseInline('**Call [1398](https://www.acrc.go.kr)** or *write*')).toEqual([
      {
        kind: 'strong',
        children: [
          { kind: 'text', text: 'Call ' },
          { kind: 'link', href: 'https://www.acrc.go.kr', children: [{ kind: 'text', text: '1398' }] },
        ],
      },
      { kind: 'text', text: ' or ' },
      { kind: 'em', children: [{ kind: 'text', text: 'write' }] },
    ]);
  });

  it('links bare web addresses, leaving the sentence full stop outside', () => {
    expect(parseInline('visit https://www.acrc.go.kr.')).toEqual([
      { kind: 'text', text: 'visit ' },
      { kind: 'link', href: 'https://www.acrc.go.kr', children: [{ kind: 'text', text: 'https://www.acrc.go.kr' }] },
      { kind: 'text', text: '.' },
    ]);
  });

  it('never makes a link of javascript: or data: addresses', () => {
    expect(parseInline('[click](javascript:alert(1))')).toEqual([
      { kind: 'text', text: 'click' },
      { kind: 'text', text: ')' },
    ]);
    expect(parseInline('[x](data:text/html,hi)')).toEqual([{ kind: 'text', text: 'x' }]);
    expect(safeHref('JavaScript:alert(1)')).toBeNull();
    expect(safeHref('mailto:a@b.org')).toBe('mailto:a@b.org');
    expect(safeHref('#/pages/rewards')).toBe('#/pages/rewards');
  });

  it('leaves snake_case words alone', () => {
    expect(parseInline('a snake_case_word here')).toEqual([{ kind: 'text', text: 'a snake_case_word here' }]);
  });
});
