// XLIFF, the file translation tools (memoQ, Trados, Phrase, Poedit, OmegaT…) exchange: 1.2 (`<trans-unit>`) and
// 2.0 (`<unit><segment>`), one unit per text, its id the text's key. Read back with a small reader made for these
// files: units, their source and target as plain text (entities and CDATA decoded); markup inside a target is
// refused, since a text here is plain text with {placeholders}.
import { TranslationFileError } from './fileError.js';

export type XliffVersion = '1.2' | '2.0';

export interface XliffUnit {
  key: string;
  source: string;
  target: string;
}

export interface XliffDocument {
  sourceLanguage: string;
  targetLanguage: string;
  units: XliffUnit[];
}

export interface ReadUnit extends XliffUnit {
  /** The line the unit starts on, from 1. */
  line: number;
}

// A carriage return is written as a reference: XML readers turn a literal one into a line feed.
const escapeText = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll('\r', '&#13;');

export function writeXliff(document: XliffDocument, version: XliffVersion = '1.2'): string {
  const { sourceLanguage: from, targetLanguage: to } = document;
  const target = (unit: XliffUnit) => (unit.target ? `<target>${escapeText(unit.target)}</target>` : '<target/>');
  if (version === '1.2') {
    const units = document.units.map(
      (u) =>
        `      <trans-unit id="${escapeText(u.key)}" xml:space="preserve">\n        <source>${escapeText(u.source)}</source>\n        ${target(u)}\n      </trans-unit>\n`,
    );
    return `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file original="i18n/${escapeText(to)}.json" source-language="${escapeText(from)}" target-language="${escapeText(to)}" datatype="plaintext">\n    <body>\n${units.join('')}    </body>\n  </file>\n</xliff>\n`;
  }
  const units = document.units.map(
    (u) =>
      `    <unit id="${escapeText(u.key)}">\n      <segment>\n        <source xml:space="preserve">${escapeText(u.source)}</source>\n        ${u.target ? `<target xml:space="preserve">${escapeText(u.target)}</target>` : '<target/>'}\n      </segment>\n    </unit>\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="${escapeText(from)}" trgLang="${escapeText(to)}">\n  <file id="i18n/${escapeText(to)}.json">\n${units.join('')}  </file>\n</xliff>\n`;
}

function decode(raw: string, line: number): string {
  return raw.replace(
    /<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);|&|</g,
    (whole, cdata: string | undefined, entity: string | undefined) => {
      if (cdata !== undefined) return cdata;
      if (entity === undefined)
        throw new TranslationFileError(
          line,
          whole === '<' ? 'markup inside a text: write the text plainly' : 'a lone & in a text: write &amp;',
        );
      if (entity.startsWith('#')) {
        const codePoint = entity.startsWith('#x') ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
        if (codePoint > 0x10ffff) throw new TranslationFileError(line, `&${entity}; names no character (the last is &#x10FFFF;)`);
        return String.fromCodePoint(codePoint);
      }
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity]!;
    },
  );
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);

/** The text of the first `<name>` element in `body`, or undefined; an empty element is "". */
function element(body: string, name: string, line: number): string | undefined {
  const match = new RegExp(`<${name}(\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${name}\\s*>)`).exec(body);
  if (!match) return undefined;
  return decode(match[2] ?? '', line + lineAt(body, match.index) - 1);
}

export function readXliff(input: string): { version: XliffVersion; sourceLanguage: string; targetLanguage: string; units: ReadUnit[] } {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const root = /<xliff\b[^>]*>/.exec(text);
  if (!root) throw new TranslationFileError(1, 'not an XLIFF file: no <xliff> element');
  const version = attribute(root[0], 'version')?.slice(1).find(Boolean);
  if (version !== '1.2' && version !== '2.0')
    throw new TranslationFileError(lineAt(text, root.index), `XLIFF version ${version ?? '(none)'}: 1.2 or 2.0 are read`);
  const file = /<file\b[^>]*>/.exec(text)?.[0] ?? '';
  const language = (tag: string, name: string) => attribute(tag, name)?.slice(1).find(Boolean) ?? '';
  const sourceLanguage = version === '1.2' ? language(file, 'source-language') : language(root[0], 'srcLang');
  const targetLanguage = version === '1.2' ? language(file, 'target-language') : language(root[0], 'trgLang');
  const unitTag = version === '1.2' ? 'trans-unit' : 'unit';
  const units: ReadUnit[] = [];
  for (const match of text.matchAll(new RegExp(`<${unitTag}\\b([^>]*)>([\\s\\S]*?)</${unitTag}\\s*>`, 'g'))) {
    const line = lineAt(text, match.index);
    const id = attribute(`<${match[1]}`, 'id')
      ?.slice(1)
      .find((v) => v !== undefined);
    if (id === undefined) throw new TranslationFileError(line, `a <${unitTag}> without an id`);
    const key = decode(id, line);
    const bodyLine = line + lineAt(match[0], match[0].indexOf('>') + 1) - 1;
    units.push({ line, key, source: element(match[2]!, 'source', bodyLine) ?? '', target: element(match[2]!, 'target', bodyLine) ?? '' });
  }
  return { version, sourceLanguage, targetLanguage, units };
}
