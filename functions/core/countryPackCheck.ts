// Checks a loaded pack beyond its shape: cross references, every string in every language, unfinished text
// (countryPackTextCheck.ts), plural forms (countryPackPluralCheck.ts), routing totality (every category × organization × head-or-not routes somewhere, never to
// the subject of a head report) and rules that never apply or contradict each other (routingRuleCheck.ts).
import type { Country, CountryPack, Organization } from '#schemas/countryPack.js';
import { PLURAL_STRING_KEYS, UI_STRING_KEYS } from '#schemas/uiStrings.js';
import { indexPack } from './countryPackIndex.js';
import { checkCountryPackPlurals } from './countryPackPluralCheck.js';
import { shortProblemList } from './countryPackProblemText.js';
import { checkCountryPackText } from './countryPackTextCheck.js';
import { routeReport, UNSURE_ORGANIZATION_ID } from './routing.js';
import { checkRoutingRules } from './routingRuleCheck.js';

export interface PackProblem {
  file: string;
  path: string;
  message: string;
  /** Where a file is not valid JSON: its line and column (from 1), and the line with a caret under the column. */
  at?: { line: number; column: number; excerpt: [string, string] };
}

export const MISSING_TRANSLATION = 'missing translation';
export const MISSING_LANGUAGE_NAME = 'missing: how this language names itself, for the language switcher';

/**
 * A problem of text alone: a translation missing, unfinished (TODO) or not matching its placeholders, a UI string
 * key the app does not use, a plural form. The portal still works with it (local preview falls back to the
 * default language); ids, references, routing, deadlines, the time zone and every schema issue are not such.
 */
export function isTextProblem(problem: PackProblem): boolean {
  return (
    problem.at === undefined &&
    (problem.file.startsWith('i18n/') ||
      problem.file.startsWith('pages/') ||
      problem.message === MISSING_TRANSLATION ||
      problem.message === MISSING_LANGUAGE_NAME ||
      problem.message.startsWith('unfinished: '))
  );
}

/** Whether following parentId from `id` comes back to `id`. */
function parentsLoop(parentOf: ReadonlyMap<string, string | undefined>, id: string): boolean {
  const seen = new Set<string>();
  for (let current = parentOf.get(id); current !== undefined && !seen.has(current); current = parentOf.get(current)) {
    if (current === id) return true;
    seen.add(current);
  }
  return false;
}

/** The error that stops a synth or a cold start: the first problems, one a line, and how many more. */
export function describeProblems(code: string, problems: PackProblem[]): string {
  return `country pack "${code}" is invalid: ${problems.length} problem(s):\n${shortProblemList(code, problems).join('\n')}`;
}

/**
 * Everything `npm run country:check`, the synth and local start check: the structure, then unfinished text, then
 * routing totality and rules that never apply or contradict each other. Text problems do not hide the routing's;
 * a broken reference does (every report would seem unrouted). `references: false` (a list file failed its schema)
 * checks the texts alone.
 */
export function checkCountryPack(pack: CountryPack, scope: { references: boolean } = { references: true }): PackProblem[] {
  const problems = checkCountryPackStructure(pack, scope);
  problems.push(...checkCountryPackText(pack), ...checkCountryPackPlurals(pack));
  if (!scope.references || !problems.every(isTextProblem)) return problems;
  const totality = checkRoutingTotality(pack);
  problems.push(...totality);
  if (totality.length === 0) problems.push(...checkRoutingRules(pack));
  return problems;
}

/**
 * What a function checks at cold start: ids unique, references resolve, every string present in every language.
 * The authoring checks above are not repeated there: the bundle carries the very files the synth checked, and
 * they cost a cold start tens of milliseconds (the time-zone check alone loads ICU data).
 */
export function checkCountryPackStructure(pack: CountryPack, scope: { references: boolean } = { references: true }): PackProblem[] {
  const problems: PackProblem[] = [];
  const add = (file: string, path: string, message: string) => problems.push({ file, path, message });
  const { country, organizations, categories, routing } = pack;
  const languages = country.languages;
  const orgIds = new Set<string>();

  if (!languages.includes(country.defaultLanguage))
    add('country.json', '$.defaultLanguage', `"${country.defaultLanguage}" is not one of languages`);
  organizations.forEach((o, i) => {
    if (orgIds.has(o.id)) add('organizations.json', `$[${i}].id`, `duplicate organization id "${o.id}"`);
    if (o.id === UNSURE_ORGANIZATION_ID) {
      add('organizations.json', `$[${i}].id`, `"${o.id}" is reserved for a reporter who is not sure which organization it is`);
    }
    orgIds.add(o.id);
  });
  if (scope.references && !orgIds.has(country.oversightOrganizationId)) {
    add('country.json', '$.oversightOrganizationId', `no organization "${country.oversightOrganizationId}"`);
  }
  const parentOf = new Map(organizations.map((o) => [o.id, o.parentId]));
  organizations.forEach((o, i) => {
    if (o.parentId !== undefined && !orgIds.has(o.parentId))
      add('organizations.json', `$[${i}].parentId`, `no organization "${o.parentId}"`);
    if (o.parentId === o.id) add('organizations.json', `$[${i}].parentId`, 'an organization cannot be its own parent');
    else if (o.parentId !== undefined && parentsLoop(parentOf, o.id)) {
      add(
        'organizations.json',
        `$[${i}].parentId`,
        'its parents lead back to it: the hierarchy must not loop (who is under a reported head would be undefined)',
      );
    }
    for (const lang of languages) if (!o.name[lang]) add('organizations.json', `$[${i}].name.${lang}`, MISSING_TRANSLATION);
  });
  const categoryIds = new Set<string>();
  categories.forEach((c, i) => {
    if (categoryIds.has(c.id)) add('categories.json', `$[${i}].id`, `duplicate category id "${c.id}"`);
    categoryIds.add(c.id);
    for (const lang of languages) {
      if (!c.name[lang]) add('categories.json', `$[${i}].name.${lang}`, MISSING_TRANSLATION);
      if (!c.description[lang]) add('categories.json', `$[${i}].description.${lang}`, MISSING_TRANSLATION);
    }
  });
  for (const lang of languages) if (!country.name[lang]) add('country.json', `$.name.${lang}`, MISSING_TRANSLATION);
  for (const lang of languages) if (!country.retention.source[lang]) add('country.json', `$.retention.source.${lang}`, MISSING_TRANSLATION);
  for (const category of Object.keys(country.retention.byCategory ?? {}))
    if (scope.references && !categoryIds.has(category))
      add('country.json', `$.retention.byCategory.${category}`, `no category "${category}"`);
  checkApplications(country, organizations, languages, scope.references, add);
  for (const lang of languages) if (!country.languageNames[lang]) add('country.json', `$.languageNames.${lang}`, MISSING_LANGUAGE_NAME);
  for (const field of ['languageNames', 'locales', 'dateFormats'] as const) {
    for (const lang of Object.keys(country[field] ?? {}))
      if (!languages.includes(lang)) add('country.json', `$.${field}.${lang}`, `"${lang}" is not one of languages`);
  }
  const types = new Set(organizations.map((o) => o.type));
  // Without every list file whole, each rule's references would seem dangling.
  if (scope.references)
    routing.forEach((rule, i) => {
      const at = `$.rules[${i}]`;
      if (rule.match.category !== undefined && !categoryIds.has(rule.match.category))
        add('routing.json', `${at}.match.category`, `no category "${rule.match.category}"`);
      if (rule.match.organizationId !== undefined && !orgIds.has(rule.match.organizationId)) {
        add('routing.json', `${at}.match.organizationId`, `no organization "${rule.match.organizationId}"`);
      }
      if (rule.match.organizationType !== undefined && !types.has(rule.match.organizationType)) {
        add('routing.json', `${at}.match.organizationType`, `no organization has type "${rule.match.organizationType}"`);
      }
      if (!rule.routeTo.startsWith('@') && !orgIds.has(rule.routeTo))
        add('routing.json', `${at}.routeTo`, `no organization "${rule.routeTo}"`);
    });
  // A plural text needs its `other` form to be shown at all; the language's other forms are an authoring check.
  const required = [...UI_STRING_KEYS, ...PLURAL_STRING_KEYS.map((key) => `${key}.other`)];
  for (const lang of languages) {
    const strings = pack.strings[lang] ?? {};
    for (const key of required) {
      if (!strings[key]?.trim()) add(`i18n/${lang}.json`, `$["${key}"]`, MISSING_TRANSLATION);
    }
  }
  return problems;
}

/** Every category × organization, about the head or not, must route to an existing organization. */
export function checkRoutingTotality(pack: CountryPack): PackProblem[] {
  const index = indexPack(pack);
  const problems: PackProblem[] = [];
  for (const category of pack.categories) {
    for (const organization of pack.organizations) {
      for (const subjectIsHead of [false, true]) {
        const decision = routeReport({ category: category.id, organizationId: organization.id, subjectIsHead }, index.routing);
        if (!decision) {
          problems.push({
            file: 'routing.json',
            path: '$.rules',
            message: `no rule routes a "${category.id}" report about ${organization.id}${subjectIsHead ? "'s head" : ''}`,
          });
          if (problems.length >= 20) return problems;
        }
      }
    }
  }
  return problems;
}

/** The applications section (docs/applications.md): a deciding body that is an oversight organization, the name among
 * the required identity fields, at least one kind, and each kind's legal basis in every language. */
function checkApplications(
  country: Country,
  organizations: Organization[],
  languages: string[],
  references: boolean,
  add: (file: string, path: string, message: string) => void,
): void {
  const applications = country.applications;
  if (!applications) return;
  const body = organizations.find((o) => o.id === applications.decidedBy);
  if (references && !body) add('country.json', '$.applications.decidedBy', `no organization "${applications.decidedBy}"`);
  if (body && body.type !== 'oversight') {
    add('country.json', '$.applications.decidedBy', `"${body.id}" is not an oversight organization: applications are decided by one`);
  }
  if (!applications.identityFields.includes('name')) {
    add('country.json', '$.applications.identityFields', 'must include "name": an application is made by a named person');
  }
  if (new Set(applications.identityFields).size !== applications.identityFields.length) {
    add('country.json', '$.applications.identityFields', 'names a field twice');
  }
  const kinds = Object.entries(applications.kinds).filter(([, terms]) => terms !== undefined);
  if (kinds.length === 0)
    add('country.json', '$.applications.kinds', 'name at least one kind ("protection" or "reward"), or leave applications out');
  for (const [kind, terms] of kinds) {
    for (const lang of languages) {
      if (!terms!.legalBasis[lang]) add('country.json', `$.applications.kinds.${kind}.legalBasis.${lang}`, MISSING_TRANSLATION);
    }
  }
}
