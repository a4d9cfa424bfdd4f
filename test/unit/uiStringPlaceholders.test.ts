// The placeholders the checker expects are the template's: the app's own English text, which `country:new` copies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UI_STRING_PLACEHOLDERS, placeholdersOfKey } from '#schemas/uiStringPlaceholders.js';

const template = JSON.parse(readFileSync('countries/_template/i18n/en.json', 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];

describe('UI_STRING_PLACEHOLDERS', () => {
  it("holds exactly the template's placeholders, key by key", () => {
    const fromTemplate = Object.fromEntries(
      Object.entries(template)
        .map(([key, text]) => [key, placeholders(text)] as const)
        .filter(([, found]) => found.length > 0),
    );
    expect(UI_STRING_PLACEHOLDERS).toEqual(fromTemplate);
  });

  it("gives a plural form the template lacks the placeholders of the 'other' form", () => {
    expect(placeholdersOfKey('stats.showing.few')).toEqual(['shown', 'count']);
    expect(placeholdersOfKey('nav.home')).toEqual([]);
  });
});
