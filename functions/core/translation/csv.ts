// RFC 4180 CSV, as spreadsheets read and write it: fields quoted where they hold a separator, a quote or a line
// break (quotes doubled), records ended by CRLF, UTF-8 with a byte order mark so that Excel opens it as UTF-8.
// Reading also takes LF line ends and a `;` separator (Excel saves that where the decimal mark is a comma).
import { TranslationFileError } from './fileError.js';

export interface CsvRecord {
  /** The line the record starts on, from 1 (a quoted field may span lines). */
  line: number;
  fields: string[];
}

const BOM = '\uFEFF';

// Either separator is quoted, so that a reader telling `,` from `;` by the first one outside quotes is never misled.
function quoted(field: string): string {
  return /[",;\r\n]/.test(field) || field !== field.trim() ? `"${field.replaceAll('"', '""')}"` : field;
}

export function writeCsv(records: string[][], separator = ','): string {
  return `${BOM}${records.map((fields) => `${fields.map(quoted).join(separator)}\r\n`).join('')}`;
}

/** The separator a file uses: the first `,` or `;` outside quotes in its first record (`,` when there is none). */
function separatorOf(text: string): string {
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';')) return c;
    else if (!quoted && c === '\n') break;
  }
  return ',';
}

export function readCsv(input: string): CsvRecord[] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const separator = separatorOf(text);
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const opened = line;
        i++;
        for (;;) {
          if (i >= text.length) throw new TranslationFileError(opened, 'a quoted field is never closed (a " is missing)');
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n')
          throw new TranslationFileError(line, 'text after a closing quote: write "" for a quote inside a quoted field');
      } else {
        while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"')
            throw new TranslationFileError(line, 'a quote inside an unquoted field: quote the whole field and write "" for the quote');
          field += text[i++];
        }
      }
      fields.push(field);
      if (text[i] === separator) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') {
      i++;
      line++;
    }
    // A blank line (a spreadsheet's trailing one) is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return records;
}
