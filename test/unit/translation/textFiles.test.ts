// The translator's files: CSV as spreadsheets write it and XLIFF as translation tools do, each read back as written;
// and a language's texts out and back in, refused whole, by line, when a key or a placeholder is wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '#core/translation/csv.js';
import { mergeTranslations, readTextFile, textsToTranslate, writeTextFile } from '#core/translation/textExchange.js';
import { readXliff, writeXliff } from '#core/translation/xliff.js';
import { resolve } from 'node:path';
import { loadCountryPack } from '#adapters/countryPackFiles.js';
import { loadKrPack } from '../support/fixtures.js';

// Text as translators write it: any script, quotes, separators, line breaks of every kind, entities' characters.
// (XML cannot hold most control characters at all, so they are left out.)
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(',', ';', '"', "'", '\r', '\n', '\r\n', '\t', ' ', '&', '<', '>', '{', '}', ']]>', '&amp;', 'ё', '한', '🙂'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
});

describe('CSV', () => {
  it('reads back every record it writes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 2, maxLength: 4 })), (records) => {
        expect(readCsv(writeCsv(records)).map((r) => r.fields)).toEqual(records);
      }),
    );
  });

  it('writes RFC 4180: a byte order mark, CRLF, quotes doubled inside quoted fields', () => {
    expect(writeCsv([['key', 'say "hi", twice']])).toBe('\uFEFFkey,"say ""hi"", twice"\r\n');
  });

  it("reads LF line ends, a `;` separator as Excel writes it in some countries, and names a record's line", () => {
    const records = readCsv('key;source;translation\nnav.home;"two\nlines";x\nnav.track;a;b\n\n');
    expect(records).toEqual([
      { line: 1, fields: ['key', 'source', 'translation'] },
      { line: 2, fields: ['nav.home', 'two\nlines', 'x'] },
      { line: 4, fields: ['nav.track', 'a', 'b'] },
    ]);
  });

  it('names the line of a quote never closed, and of a stray quote', () => {
    expect(() => readCsv('a,b\nc,"d\ne')).toThrow('line 2: a quoted field is never closed');
    expect(() => readCsv('a,b\nc,d"e')).toThrow('line 2: a quote inside an unquoted field');
  });

  it('names the line of text after a closing quote', () => {
    expect(() => readCsv('a,b\r\n"c"d,e')).toThrow('line 2: text after a closing quote: write "" for a quote inside a quoted field');
  });

  it('takes the separator from the first record alone, skipping quoted separators and line breaks', () => {
    // A first record of one field: `,`, so a later `;` is text. The last record needs no line end.
    expect(readCsv('a,b\r\nc,d')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
    expect(readCsv('key\r\na;b\r\n').map((r) => r.fields)).toEqual([['key'], ['a;b']]);
    // A quoted `,` and line break come before the first separator, a `;`.
    expect(readCsv('"a,\nb";c\r\nd,e;f\r\n').map((r) => r.fields)).toEqual([
      ['a,\nb', 'c'],
      ['d,e', 'f'],
    ]);
  });
});

describe('XLIFF', () => {
  const units = fc.array(fc.record({ key: fc.stringMatching(/^[a-z][a-z.]{0,20}$/), source: text, target: text }));

  it.each(['1.2', '2.0'] as const)('reads back every unit it writes (%s)', (version) => {
    fc.assert(
      fc.property(units, (written) => {
        const read = readXliff(writeXliff({ sourceLanguage: 'mn', targetLanguage: 'en', units: written }, version));
        expect(read).toMatchObject({ version, sourceLanguage: 'mn', targetLanguage: 'en' });
        expect(read.units.map(({ key, source, target }) => ({ key, source, target }))).toEqual(written);
      }),
    );
  });

  it("reads what a translation tool writes back: CDATA, entities, attributes in any order, a unit's line", () => {
    const file = `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file target-language="en" source-language="mn" original="x" datatype="plaintext"><body>
  <trans-unit resname="n" id="nav.home">
   <source>Нүүр</source>
   <target state="translated"><![CDATA[Home & <back>]]></target>
  </trans-unit>
  <trans-unit id='nav.track'><source>a</source><target>Check &#x2019;n&apos; &#233;</target></trans-unit>
 </body></file>
</xliff>`;
    expect(readXliff(file).units).toEqual([
      { line: 4, key: 'nav.home', source: 'Нүүр', target: 'Home & <back>' },
      { line: 8, key: 'nav.track', source: 'a', target: "Check ’n' é" },
    ]);
  });

  it('refuses markup inside a text, naming its line', () => {
    const file = writeXliff({ sourceLanguage: 'mn', targetLanguage: 'en', units: [{ key: 'a', source: 's', target: 't' }] }).replace(
      '<target>t</target>',
      '<target>t <g id="1">bold</g></target>',
    );
    expect(() => readXliff(file)).toThrow(/^line 7: markup inside a text/);
  });

  it('refuses a file that is not XLIFF 1.2 or 2.0, a unit without an id and a lone &, naming the line', () => {
    const unit = (body: string) => `<xliff version="1.2">\n<file><body>\n<trans-unit id="a">${body}</trans-unit>\n</body></file></xliff>`;
    expect(() => readXliff('<html><body/></html>')).toThrow('line 1: not an XLIFF file: no <xliff> element');
    expect(() => readXliff('<?xml version="1.0"?>\n<xliff version="1.1">')).toThrow('line 2: XLIFF version 1.1: 1.2 or 2.0 are read');
    expect(() => readXliff('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2">')).toThrow(
      'line 1: XLIFF version (none): 1.2 or 2.0 are read',
    );
    expect(() => readXliff(unit('<source>s</source>').replace(' id="a"', ' resname="a"'))).toThrow('line 3: a <trans-unit> without an id');
    expect(() => readXliff(unit('<source>s</source><target>Q&A</target>'))).toThrow('line 3: a lone & in a text: write &amp;');
  });

  it('reads a file without languages, and units without a source or target, as empty', () => {
    for (const file of [
      '<xliff version="1.2"><trans-unit id="nav.home"></trans-unit></xliff>',
      '<xliff version="2.0"><unit id="nav.home"><segment/></unit></xliff>',
    ])
      expect(readXliff(file)).toMatchObject({
        sourceLanguage: '',
        targetLanguage: '',
        units: [{ line: 1, key: 'nav.home', source: '', target: '' }],
      });
    // No target language named: the file is taken as the language asked for.
    expect(readTextFile('<xliff version="2.0"><unit id="nav.home"><segment><target>Start</target></segment></unit></xliff>', 'en')).toEqual(
      {
        rows: [{ line: 1, key: 'nav.home', translation: 'Start' }],
      },
    );
  });

  it('refuses a character reference past the last character, naming its line, rather than failing', () => {
    const file = (target: string) =>
      writeXliff({ sourceLanguage: 'ko', targetLanguage: 'en', units: [{ key: 'nav.home', source: 's', target: 't' }] }).replace(
        '<target>t</target>',
        `<target>${target}</target>`,
      );
    expect(readXliff(file('&#x10FFFF; &#1114111;')).units[0]!.target).toBe('\u{10FFFF} \u{10FFFF}');
    expect(() => readXliff(file('&#x110000;'))).toThrow('line 7: &#x110000; names no character (the last is &#x10FFFF;)');
    expect(readTextFile(file('Home &#99999999999;'), 'en')).toEqual({
      problems: ['line 7: &#99999999999; names no character (the last is &#x10FFFF;)'],
    });
  });
});

describe('a language out to a file and back', () => {
  it('gives every text the language needs, the source beside it, an unfinished one empty', () => {
    const pack = loadKrPack();
    pack.strings.en!['nav.home'] = 'TODO translate: 홈';
    delete pack.strings.en!['nav.track'];
    const rows = textsToTranslate(pack, 'en');
    expect(rows.find((r) => r.key === 'nav.home')).toEqual({ key: 'nav.home', source: pack.strings.ko!['nav.home'], translation: '' });
    expect(rows.find((r) => r.key === 'nav.track')?.translation).toBe('');
    // English counts in one and other; Korean, the source, in other alone: its other text is the source of both.
    expect(rows.find((r) => r.key === 'common.days.one')?.source).toBe(pack.strings.ko!['common.days.other']);
  });

  it.each(['csv', 'xliff', 'xliff2'] as const)(
    'merges a %s file back, in the default language order, empty cells leaving a text as it was',
    (format) => {
      const pack = loadKrPack();
      const before = pack.strings.en!;
      const rows = textsToTranslate(pack, 'en').map((r) =>
        r.key === 'nav.home' ? { ...r, translation: 'Start' } : r.key === 'nav.track' ? { ...r, translation: '' } : r,
      );
      const read = readTextFile(writeTextFile(rows, 'ko', 'en', format), 'en');
      if (!('rows' in read)) throw new Error(read.problems.join('\n'));
      const merged = mergeTranslations(pack, 'en', read.rows);
      if (!('strings' in merged)) throw new Error(merged.problems.join('\n'));
      expect(merged.strings).toEqual({ ...before, 'nav.home': 'Start' });
      expect(Object.keys(merged.strings)).toEqual(Object.keys(before));
    },
  );

  it('refuses a file with an unknown key, a key twice or a broken placeholder, naming each by line', () => {
    const pack = loadKrPack();
    const csv =
      '\uFEFFkey,source (ko),translation (en)\r\nnav.hom,x,Home\r\nwizard.step,x,Step {step}\r\nnav.home,x,Home\r\nnav.home,x,Home\r\n';
    const read = readTextFile(csv, 'en');
    if (!('rows' in read)) throw new Error('not read');
    expect(mergeTranslations(pack, 'en', read.rows)).toEqual({
      problems: [
        'line 2: "nav.hom" is not a text of this portal in en',
        'line 3: "wizard.step": placeholders differ: {total} is missing',
        'line 5: "nav.home" is given twice (first on line 4)',
      ],
    });
  });

  it('gives a new language every text with its source and no translation, its plural forms those of its own locale', () => {
    const pack = loadKrPack();
    delete pack.strings.en;
    const rows = textsToTranslate(pack, 'en');
    expect(rows.every((r) => r.translation === '')).toBe(true);
    expect(rows.find((r) => r.key === 'nav.home')).toEqual({ key: 'nav.home', source: pack.strings.ko!['nav.home'], translation: '' });
    expect(rows.filter((r) => r.key.startsWith('common.days.')).map((r) => r.key)).toEqual(['common.days.one', 'common.days.other']);
    // A locale of another language is not taken (the checker names it): English still counts in one and other.
    pack.country.locales = { en: 'ko-KR' };
    expect(rows.map((r) => r.key)).toEqual(textsToTranslate(pack, 'en').map((r) => r.key));
  });

  it("counts a language's texts in its locale's plural forms (Serbian in Latin script: one, few, other)", () => {
    const pack = loadCountryPack(resolve('countries'), 'xk');
    expect(pack.country.locales).toEqual({ sr: 'sr-Latn' });
    const days = textsToTranslate(pack, 'sr').filter((r) => r.key.startsWith('common.days.'));
    expect(days.map((r) => r.key).sort()).toEqual(['common.days.few', 'common.days.one', 'common.days.other']);
    expect(days.find((r) => r.key === 'common.days.few')).toEqual({
      key: 'common.days.few',
      source: pack.strings.sq!['common.days.other'],
      translation: pack.strings.sr!['common.days.few'],
    });
  });

  it('gives an empty source where the default language has no text yet', () => {
    const pack = loadKrPack();
    delete pack.strings.ko!['nav.home'];
    delete pack.strings.ko!['common.days.other'];
    const rows = textsToTranslate(pack, 'en');
    expect(rows.find((r) => r.key === 'nav.home')?.source).toBe('');
    expect(rows.filter((r) => r.key.startsWith('common.days.')).map((r) => r.source)).toEqual(['', '']);
    delete pack.strings.ko;
    expect(textsToTranslate(pack, 'en').map((r) => r.source)).toEqual(rows.map(() => ''));
  });

  it('merges a file into a language that has no texts yet: only what the file translates, in the portal order', () => {
    const pack = loadKrPack();
    delete pack.strings.en;
    const merged = mergeTranslations(pack, 'en', [
      { line: 2, key: 'nav.track', translation: 'Track' },
      { line: 3, key: 'nav.home', translation: 'Home' },
      { line: 4, key: 'wizard.next', translation: ' ' },
    ]);
    const order = Object.keys(pack.strings.ko!);
    expect(merged).toEqual({ strings: { 'nav.home': 'Home', 'nav.track': 'Track' } });
    if (!('strings' in merged)) throw new Error('not merged');
    expect(Object.keys(merged.strings)).toEqual(['nav.home', 'nav.track'].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });

  it('keeps keys the pack already had that the portal does not use, last, for country:check to name', () => {
    const pack = loadKrPack();
    pack.strings.en!['nav.old'] = 'Old';
    delete pack.strings.ko;
    const merged = mergeTranslations(pack, 'en', [{ line: 2, key: 'nav.home', translation: 'Start' }]);
    if (!('strings' in merged)) throw new Error(merged.problems.join('\n'));
    expect(merged.strings['nav.home']).toBe('Start');
    expect(Object.keys(merged.strings).at(-1)).toBe('nav.old');
  });

  it('refuses a CSV file without the header, and reads a short record as an empty translation', () => {
    const header = ['line 1: the first line must be the header: key, source (…), translation (…)'];
    expect(readTextFile('', 'en')).toEqual({ problems: header });
    expect(readTextFile('nav.home,홈,Home\r\n', 'en')).toEqual({ problems: header });
    expect(readTextFile('key,source (ko)\r\n', 'en')).toEqual({ problems: header });
    expect(readTextFile('key,source (ko),translation (en)\r\nnav.home\r\n,x,y\r\n', 'en')).toEqual({
      rows: [
        { line: 2, key: 'nav.home', translation: '' },
        { line: 3, key: '', translation: 'y' },
      ],
    });
    expect(readTextFile('key,source (ko),translation (en)\r\nnav.home,"홈\r\n', 'en')).toEqual({
      problems: ['line 2: a quoted field is never closed (a " is missing)'],
    });
  });

  it("refuses a file whose translations are another language's", () => {
    expect(readTextFile('key,source (ko),translation (ru)\r\n', 'en')).toEqual({
      problems: ['line 1: the third column is "translation (ru)", not "translation (en)"'],
    });
    const xliff = writeXliff({ sourceLanguage: 'ko', targetLanguage: 'ru', units: [] });
    expect(readTextFile(xliff, 'en')).toEqual({ problems: ['line 1: the file\'s translations are in "ru", not "en"'] });
  });
});
