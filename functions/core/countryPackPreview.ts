// Local start on an unfinished pack: when its only problems are texts (missing, unfinished, with a placeholder
// wrong), it starts as a preview, each missing text shown in the pack's default language, so a trainer sees the
// portal long before every translation is in. Anything else (a schema issue, a reference, routing, a deadline, the
// time zone) still refuses. Deployed packs never get here: the synth and cold start refuse every problem.
import type { CountryPack, LocalizedText } from '#schemas/countryPack.js';
import { PLURAL_STRING_KEYS, UI_STRING_KEYS } from '#schemas/uiStrings.js';
import { type PackProblem, checkCountryPackStructure, isTextProblem } from './countryPackCheck.js';
import { placeholderProblem } from './countryPackTextCheck.js';

/** The texts one language lacks, shown in the default language instead. */
export interface MissingTexts {
  language: string;
  file: string;
  keys: string[];
}

export type PackStart =
  | { kind: 'ready'; pack: CountryPack }
  | { kind: 'preview'; pack: CountryPack; missing: MissingTexts[]; otherTextProblems: number }
  | { kind: 'refused'; problems: PackProblem[] };

/** The UI string keys every language must have for a screen to show (a plural text needs its `other` form). */
const REQUIRED_KEYS = [...UI_STRING_KEYS, ...PLURAL_STRING_KEYS.map((key) => `${key}.other`)];

/** A usable text of `key` in `strings`: present, not blank, keeping the placeholders the portal fills in. */
function usable(strings: Record<string, string> | undefined, key: string): string | undefined {
  const text = strings?.[key];
  return text?.trim() && !placeholderProblem(key, text) ? text : undefined;
}

function fillLocalized(text: LocalizedText, languages: string[], order: string[]): LocalizedText {
  const filled = { ...text };
  for (const language of languages) {
    if (filled[language]?.trim()) continue;
    const from = order.find((other) => text[other]?.trim());
    if (from) filled[language] = text[from]!;
  }
  return filled;
}

/**
 * The pack with every missing or unusable text taken from the default language (failing that, from the first
 * language that has it), and which texts those were, per language.
 */
export function withFallbackTexts(pack: CountryPack): { pack: CountryPack; missing: MissingTexts[] } {
  const { languages, defaultLanguage } = pack.country;
  const order = [defaultLanguage, ...languages.filter((l) => l !== defaultLanguage)];
  const strings: CountryPack['strings'] = {};
  const missing: MissingTexts[] = [];
  for (const language of languages) {
    const own = { ...(pack.strings[language] ?? {}) };
    const keys: string[] = [];
    for (const key of REQUIRED_KEYS) {
      if (usable(own, key)) continue;
      const from = order.find((other) => other !== language && usable(pack.strings[other], key));
      keys.push(key);
      if (from) own[key] = pack.strings[from]![key]!;
    }
    strings[language] = own;
    if (keys.length > 0) missing.push({ language, file: `i18n/${language}.json`, keys });
  }
  const localized = (text: LocalizedText) => fillLocalized(text, languages, order);
  return {
    pack: {
      ...pack,
      country: {
        ...pack.country,
        name: localized(pack.country.name),
        // A language with no name of its own is offered by its code.
        languageNames: Object.fromEntries(languages.map((l) => [l, pack.country.languageNames[l]?.trim() || l])),
      },
      organizations: pack.organizations.map((o) => ({ ...o, name: localized(o.name) })),
      categories: pack.categories.map((c) => ({ ...c, name: localized(c.name), description: localized(c.description) })),
      strings,
    },
    missing,
  };
}

/** Whether local mode starts the pack as it is, as a preview with fallback texts, or not at all (and why). */
export function decidePackStart(pack: CountryPack, problems: PackProblem[]): PackStart {
  if (problems.length === 0) return { kind: 'ready', pack };
  const blocking = problems.filter((p) => !isTextProblem(p));
  if (blocking.length > 0) return { kind: 'refused', problems: blocking };
  const preview = withFallbackTexts(pack);
  // What no language has cannot be shown at all: the preview is refused with those texts named.
  const left = checkCountryPackStructure(preview.pack);
  if (left.length > 0) return { kind: 'refused', problems: left };
  const filledIn = (p: PackProblem) => preview.missing.some((m) => m.file === p.file && m.keys.some((key) => p.path === `$["${key}"]`));
  const otherTextProblems = problems.filter((p) => !filledIn(p)).length;
  return { kind: 'preview', pack: preview.pack, missing: preview.missing, otherTextProblems };
}

/** The preview notice: a line per language with missing texts (a few keys, then a count), and where the full list is. */
export function describePreview(code: string, start: Extract<PackStart, { kind: 'preview' }>, shownKeys = 3): string[] {
  const { defaultLanguage } = start.pack.country;
  const lines = start.missing.map(({ language, file, keys }) => {
    const shown = keys.slice(0, shownKeys).join(', ');
    const more = keys.length > shownKeys ? `, …and ${keys.length - shownKeys} more` : '';
    const instead = language === defaultLanguage ? 'shown from another language' : `shown in ${defaultLanguage}`;
    return `preview: ${keys.length} text${keys.length === 1 ? '' : 's'} missing in ${language} (${file}), ${instead}: ${shown}${more}`;
  });
  if (start.otherTextProblems > 0)
    lines.push(`preview: ${start.otherTextProblems} other text problem(s): unfinished (TODO) texts, pages or placeholders`);
  lines.push(`preview: run npm run country:check -- ${code} for the list; a deployment refuses the pack until it passes`);
  return lines;
}
