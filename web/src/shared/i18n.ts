// UI strings come from the country pack (GET /config?lang=xx returns them); this turns them into a translate
// function with {placeholders} and plural forms, picks the language to start with, and sets the page's lang and
// direction.
import { isPluralStringKey, type PluralStringKey, type UiStringKey } from '#schemas/uiStrings.js';
import { readItem, writeItem } from './storage.js';

type Vars = Record<string, string | number>;

// The plain signature comes last, so that `Parameters<Translate>` names the plain keys.
export interface Translate {
  /** A text that depends on a number: the pack's form for `count` in the page's language ("1 day", "2 days"). */
  (key: PluralStringKey, vars: Vars & { count: number }): string;
  (key: UiStringKey, vars?: Vars): string;
}

const LANGUAGE_KEY = 'cp.lang';
/** Scripts written right to left; a pack in one of these languages gets a mirrored layout. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'dv', 'yi', 'ku', 'sd', 'ug']);

/** `locale` chooses the plural forms and writes `{count}` ("1.042" in Serbian). */
export function translator(strings: Record<string, string>, locale?: string): Translate {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return (key: UiStringKey | PluralStringKey, vars?: Vars): string => {
    let text = strings[key];
    if (isPluralStringKey(key) && typeof vars?.count === 'number') {
      text = strings[`${key}.${plurals.select(vars.count)}`] ?? strings[`${key}.other`] ?? text;
      vars = { ...vars, count: numbers.format(vars.count) };
    }
    text ??= key;
    if (!vars) return text;
    const values = vars;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

export function textDirection(language: string): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

export function applyDocumentLanguage(language: string, title: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
  document.title = title;
}

/** The remembered choice, else the first browser language the pack offers, else nothing (the pack's default). */
export function initialLanguage(): string | undefined {
  const remembered = readItem('localStorage', LANGUAGE_KEY);
  if (remembered) return remembered;
  const browser = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  return browser[0]?.split('-')[0];
}

export function rememberLanguage(language: string): void {
  writeItem('localStorage', LANGUAGE_KEY, language);
}
