// Renders a pack page's Markdown as elements and text nodes (see markdownBlocks.ts); never as HTML.
import type { JSX } from 'preact';
import { type Block, type Inline, parseMarkdown } from './markdownBlocks.js';

function InlineNodes({ nodes }: { nodes: Inline[] }): JSX.Element {
  return (
    <>
      {nodes.map((node, i) => {
        switch (node.kind) {
          case 'text':
            return node.text;
          case 'strong':
            return (
              <strong key={i}>
                <InlineNodes nodes={node.children} />
              </strong>
            );
          case 'em':
            return (
              <em key={i}>
                <InlineNodes nodes={node.children} />
              </em>
            );
          case 'link':
            return node.href.startsWith('#/') ? (
              <a key={i} href={node.href}>
                <InlineNodes nodes={node.children} />
              </a>
            ) : (
              <a key={i} href={node.href} rel="noopener noreferrer" target="_blank">
                <InlineNodes nodes={node.children} />
              </a>
            );
          default:
            return null;
        }
      })}
    </>
  );
}

function BlockNode({ block }: { block: Block }): JSX.Element {
  switch (block.kind) {
    case 'heading': {
      // The screen's title is the only h1: "#" and "##" become h2, deeper levels follow, down to h4.
      const Tag = `h${Math.min(Math.max(block.level, 2), 4)}` as 'h2' | 'h3' | 'h4';
      return (
        <Tag>
          <InlineNodes nodes={block.content} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p>
          <InlineNodes nodes={block.content} />
        </p>
      );
    case 'list': {
      const Tag = block.ordered ? 'ol' : 'ul';
      return (
        <Tag>
          {block.items.map((item, i) => (
            <li key={i}>
              <InlineNodes nodes={item} />
            </li>
          ))}
        </Tag>
      );
    }
  }
}

/** The page's own "# Title" line is dropped when it repeats the title the screen already shows. */
export function Markdown({ source, title }: { source: string; title?: string }): JSX.Element {
  let blocks = parseMarkdown(source);
  const first = blocks[0];
  if (
    title &&
    first?.kind === 'heading' &&
    first.level === 1 &&
    first.content.map((n) => (n.kind === 'text' ? n.text : '')).join('') === title
  ) {
    blocks = blocks.slice(1);
  }
  return (
    <>
      {blocks.map((block, i) => (
        <BlockNode key={i} block={block} />
      ))}
    </>
  );
}
