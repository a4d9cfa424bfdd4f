// UI strings come from the country pack (GET /config?lang=xx returns them); this turns them into a translate
// function with {placeholders}, picks the language to start with, and sets the page's lang and direction.
import type { UiStringKey } from '#schemas/uiStrings.js';
import { readItem, writeItem } from './storage.js';

export type Translate = (key: UiStringKey, vars?: Record<string, string | number>) => string;

const LANGUAGE_KEY = 'cp.lang';
/** Scripts written right to left; a pack in one of these languages gets a mirrored layout. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'dv', 'yi', 'ku', 'sd', 'ug']);

export function translator(strings: Record<string, string>): Translate {
  return (key, vars) => {
    const text = strings[key] ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
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
