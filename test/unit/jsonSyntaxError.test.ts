import { describe, expect, it } from 'vitest';
import { placeJsonSyntaxError } from '#core/jsonSyntaxError.js';

const messageOf = (text: string): string => {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('parsed');
};

describe('placeJsonSyntaxError', () => {
  const text = '[\n  { "id": "a" },\n  { "id": "b" }\n  { "id": "c" }\n]\n';

  it("names the line and column of this Node's message, the reason, and shows the line with a caret", () => {
    expect(placeJsonSyntaxError(text, messageOf(text))).toEqual({
      line: 4,
      column: 3,
      reason: expect.stringMatching(/^Expected ',' or ']' after array element$/),
      excerpt: ['  { "id": "c" }', '  ^'],
    });
  });

  it('reads both forms of the message: "at position N" (Node 20) and "(line L column C)" (Node 22)', () => {
    const position = text.indexOf('{ "id": "c"');
    const node20 = `Expected ',' or ']' after array element in JSON at position ${position}`;
    const node22 = `Expected ',' or ']' after array element in JSON at position ${position} (line 4 column 3)`;
    expect(placeJsonSyntaxError(text, node20)).toMatchObject({ line: 4, column: 3, reason: "Expected ',' or ']' after array element" });
    expect(placeJsonSyntaxError(text, node22)).toMatchObject({ line: 4, column: 3, reason: "Expected ',' or ']' after array element" });
    // Only the line and column, as some engines say it.
    expect(placeJsonSyntaxError(text, 'Unexpected token (line 4 column 3)')).toMatchObject({ line: 4, column: 3 });
  });

  it('places an unfinished file at its end, in plain words', () => {
    const cut = '{\n  "a": "b",\n  "c": [1, 2';
    expect(placeJsonSyntaxError(cut, 'Unexpected end of JSON input')).toMatchObject({
      line: 3,
      column: 13,
      reason: 'the file ends too early: a closing } or ] or " is missing',
    });
  });

  it('counts Windows line ends as one line each and does not show the carriage return', () => {
    const crlf = '{\r\n  "a": 1\r\n  "b": 2\r\n}';
    const place = placeJsonSyntaxError(crlf, messageOf(crlf));
    expect(place).toMatchObject({ line: 3, column: 3 });
    expect(place.excerpt[0]).toBe('  "b": 2');
  });

  it('keeps tabs under the line so the caret lines up', () => {
    const tabbed = '{\n\t"a": 1\n\t"b": 2\n}';
    expect(placeJsonSyntaxError(tabbed, messageOf(tabbed)).excerpt).toEqual(['\t"b": 2', '\t^']);
  });

  it('cuts a very long line around the column', () => {
    const half = Array.from({ length: 100 }, (_, i) => `"k${i}": ${i}`).join(', ');
    const long = `{${half} "x": 1, ${half.replaceAll('"k', '"m')}}`;
    const place = placeJsonSyntaxError(long, messageOf(long));
    expect(place.line).toBe(1);
    expect(place.excerpt[0].length).toBeLessThanOrEqual(102);
    expect(place.excerpt[0]).toMatch(/^….*…$/);
    // The caret sits under the character the column names.
    const under = place.excerpt[1].length - 1;
    expect(place.excerpt[0][under]).toBe(long[place.column - 1]);
  });
});
