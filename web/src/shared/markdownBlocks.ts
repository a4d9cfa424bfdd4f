// The small Markdown the country packs' pages use (headings, paragraphs, lists, bold, italic, links), parsed
// into plain data that is rendered as elements and text: no HTML in a page is ever interpreted.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  /** level: the number of "#" marks, 1 to 6. */
  | { kind: 'heading'; level: number; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

/** Only web and mail links; anything else (javascript:, data:) stays as its text. */
export function safeHref(href: string): string | null {
  return /^(https?:\/\/|mailto:|#\/)/i.test(href.trim()) ? href.trim() : null;
}

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const strong = /^\*\*(.+?)\*\*/.exec(rest) ?? /^__(.+?)__/.exec(rest);
    const em = strong ? null : (/^\*([^*\s][^*]*?)\*/.exec(rest) ?? /^_([^_\s][^_]*?)_(?![\p{L}\p{N}])/u.exec(rest));
    const link = strong || em ? null : /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    const bare = strong || em || link ? null : /^https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/.exec(rest);
    if (strong) {
      const m = strong;
      flush();
      out.push({ kind: 'strong', children: parseInline(m[1]!) });
      i += m[0].length;
    } else if (em) {
      const m = em;
      flush();
      out.push({ kind: 'em', children: parseInline(m[1]!) });
      i += m[0].length;
    } else if (link) {
      const m = link;
      flush();
      const href = safeHref(m[2]!);
      if (href) out.push({ kind: 'link', href, children: parseInline(m[1]!) });
      else out.push(...parseInline(m[1]!));
      i += m[0].length;
    } else if (bare && !/[\p{L}\p{N}]$/u.test(text)) {
      const m = bare;
      flush();
      out.push({ kind: 'link', href: m[0], children: [{ kind: 'text', text: m[0] }] });
      i += m[0].length;
    } else if (source[i] === '`') {
      i += 1; // code marks carry no meaning on these pages
    } else {
      text += source[i];
      i += 1;
    }
  }
  flush();
  return out;
}

export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ kind: 'list', ...list });
    list = null;
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = heading ? null : /^([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (!line) {
      flushParagraph();
      flushList();
    } else if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ kind: 'heading', level: heading[1]!.length, content: parseInline(heading[2]!) });
    } else if (item) {
      flushParagraph();
      const ordered = /\d/.test(item[1]!);
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(parseInline(item[2]!));
    } else if (list && /^\s{2,}/.test(raw)) {
      // An indented continuation of the last list item.
      const items = list.items;
      items[items.length - 1] = [...items[items.length - 1]!, { kind: 'text', text: ' ' }, ...parseInline(line)];
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}
