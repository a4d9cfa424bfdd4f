// Look-ups over a loaded country pack, built once per cold start.
import type { Category, CountryPack, LocalizedText, Organization } from '#schemas/countryPack.js';
import type { RoutingContext } from './routing.js';

export interface PackIndex {
  pack: CountryPack;
  organizations: ReadonlyMap<string, Organization>;
  categories: ReadonlyMap<string, Category>;
  routing: RoutingContext;
}

export function indexPack(pack: CountryPack): PackIndex {
  const organizations = new Map(pack.organizations.map((o) => [o.id, o]));
  return {
    pack,
    organizations,
    categories: new Map(pack.categories.map((c) => [c.id, c])),
    routing: { rules: pack.routing, organizations, oversightOrganizationId: pack.country.oversightOrganizationId },
  };
}

/** Picks a language the pack has: the asked one, else the pack's default. */
export function chooseLanguage(pack: CountryPack, asked: string | undefined | null): string {
  return asked && pack.country.languages.includes(asked) ? asked : pack.country.defaultLanguage;
}

export function localize(text: LocalizedText, language: string, fallback: string): string {
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
