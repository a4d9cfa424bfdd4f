// GET /config and GET /pages/{id}: the pack, in one language.
import type { ConfigResponse } from '#schemas/config.js';
import { type CountryPack, PAGE_IDS, type PageId } from '#schemas/countryPack.js';
import { type PackIndex, chooseLanguage, localize } from './countryPackIndex.js';
import { notFound } from './errors.js';
import { applicationOffer } from './applications/applicationTerms.js';

export function publicConfig(index: PackIndex, asked: string | undefined): ConfigResponse {
  const { pack } = index;
  const language = chooseLanguage(pack, asked);
  const fallback = pack.country.defaultLanguage;
  const text = (t: Record<string, string>) => localize(t, language, fallback);
  return {
    country: { code: pack.country.code, name: text(pack.country.name), currency: pack.country.currency, timezone: pack.country.timezone },
    languages: pack.country.languages,
    defaultLanguage: fallback,
    language,
    languageNames: pack.country.languageNames,
    formats: formatsOf(pack, language),
    categories: pack.categories.map((c) => ({ id: c.id, name: text(c.name), description: text(c.description) })),
    organizations: pack.organizations.map((o) => {
      const name = text(o.name);
      // The same organization's names in the pack's other languages, so a search finds it in any of them.
      const otherNames = [...new Set(Object.values(o.name))].filter((n) => n !== name);
      return {
        id: o.id,
        name,
        type: o.type,
        ...(o.parentId ? { parentId: o.parentId } : {}),
        ...(otherNames.length ? { otherNames } : {}),
      };
    }),
    pages: Object.entries(pack.pages[language] ?? pack.pages[fallback] ?? {}).map(([id, page]) => ({ id, title: page.title })),
    deadlines: pack.country.deadlines,
    routing: { oversightOrganizationId: pack.country.oversightOrganizationId, rules: pack.routing },
    applications: applicationOffer(index, language),
    strings: pack.strings[language] ?? pack.strings[fallback] ?? {},
  };
}

/** How dates, times and plural forms read in one of the pack's languages. */
export function formatsOf(pack: CountryPack, language: string): ConfigResponse['formats'] {
  const dateFormat = pack.country.dateFormats?.[language];
  return { locale: pack.country.locales?.[language] ?? language, ...(dateFormat ? { dateFormat } : {}), clock: pack.country.clock };
}

export function publicPage(index: PackIndex, id: string, asked: string | undefined) {
  const { pack } = index;
  const language = chooseLanguage(pack, asked);
  if (!(PAGE_IDS as readonly string[]).includes(id)) throw notFound(`There is no page "${id}".`);
  const page = pack.pages[language]?.[id as PageId] ?? pack.pages[pack.country.defaultLanguage]?.[id as PageId];
  if (!page) throw notFound(`There is no page "${id}".`);
  return { id, title: page.title, markdown: page.markdown };
}
