// Where a JSON text goes wrong, as a person finds it in an editor: line and column (from 1), the reason without
// Node's "in JSON at position 240", and the line itself with a caret under the column. Node 20 says "at position
// N"; Node 22 adds "(line L column C)"; "Unexpected end of JSON input" has no place at all and means the end.

export interface JsonSyntaxPlace {
  line: number;
  column: number;
  reason: string;
  /** The offending line and a caret under the column, as two lines to print under the message. */
  excerpt: [string, string];
}

/** The widest stretch of a line shown: a one-line (minified) file would otherwise print all of itself. */
const SHOWN = 100;

function positionOf(text: string, message: string): number {
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn) {
    const lines = text.split('\n');
    const before = lines.slice(0, Number(lineColumn[1]) - 1).reduce((n, l) => n + l.length + 1, 0);
    return before + Number(lineColumn[2]) - 1;
  }
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  return text.length;
}

function reasonOf(message: string): string {
  const reason = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+/, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .trim();
  return reason === 'Unexpected end of JSON input' ? 'the file ends too early: a closing } or ] or " is missing' : reason;
}

export function placeJsonSyntaxError(text: string, message: string): JsonSyntaxPlace {
  const position = Math.min(Math.max(positionOf(text, message), 0), text.length);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  const whole = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  const column = position - lineStart + 1;
  // A long line is cut around the column, so the caret still points at the mistake.
  const from = whole.length > SHOWN ? Math.max(0, Math.min(column - 1 - SHOWN / 2, whole.length - SHOWN)) : 0;
  const shown = `${from > 0 ? '…' : ''}${whole.slice(from, from + SHOWN)}${from + SHOWN < whole.length ? '…' : ''}`;
  // Tabs stay tabs under the line, so the caret lines up however the terminal shows them.
  const pad = [...`${from > 0 ? ' ' : ''}${whole.slice(from, column - 1)}`].map((c) => (c === '\t' ? '\t' : ' ')).join('');
  return { line, column, reason: reasonOf(message), excerpt: [shown, `${pad}^`] };
}
