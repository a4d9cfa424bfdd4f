// A pack from its files' contents, each file checked against its own schema so that one mistake does not hide the
// rest: every schema issue of every file is named, a country.json field that fails is stood in for (a bad
// currency still lets the texts and the routing be checked), and a list file that fails turns off only the checks
// that need it (references, routing). Reading the files is the adapter's part (adapters/countryPackFiles.ts).
import type * as z from 'zod';
import * as zod from 'zod';
import {
  type Country,
  type CountryPack,
  PAGE_IDS,
  type PageId,
  categorySchema,
  countrySchema,
  organizationSchema,
  routingSchema,
  uiStringsSchema,
} from '#schemas/countryPack.js';
import type { PackProblem } from './countryPackCheck.js';

export const PACK_JSON_FILES = ['country.json', 'organizations.json', 'categories.json', 'routing.json'] as const;
export type PackJsonFile = (typeof PACK_JSON_FILES)[number];

/** What the reader found: each file's parsed JSON or page text; a file absent here was missing or unreadable. */
export interface PackSources {
  code: string;
  json: Partial<Record<PackJsonFile, unknown>>;
  /** i18n/<language>.json, parsed. */
  strings: Record<string, unknown>;
  /** pages/<language>/<id>.md, as text. */
  pages: Record<string, Partial<Record<PageId, string>>>;
}

export interface AssembledPack {
  /** Every file's content, with stand-ins where a part failed its schema. */
  pack: CountryPack;
  /** Every schema issue of every file. */
  problems: PackProblem[];
  /** Whether ids and references are whole enough to check references and routing. */
  references: boolean;
  /** Whether nothing was stood in for: the pack as the portal would run it. */
  complete: boolean;
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/** `$[3].name.en`, `$["app.title"]`: a zod issue's path as the checker writes paths. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : identifier.test(String(p)) ? `.${String(p)}` : `["${String(p)}"]`)).join('')}`;
}

function issuesOf(file: string, error: z.ZodError): PackProblem[] {
  return error.issues.map((issue) => ({ file, path: jsonPath(issue.path), message: issue.message }));
}

/** The languages country.json names, when its `languages` field alone is right (the i18n files to read). */
export function packLanguages(country: unknown): string[] {
  const languages = countrySchema.shape.languages.safeParse((country as { languages?: unknown } | null)?.languages);
  return languages.success ? languages.data : [];
}

/** A page's title (its first "# " line) and text, or null when it has no title. */
export function parsePageText(text: string): { title: string; markdown: string } | null {
  const match = /^#\s+(.+)$/m.exec(text);
  return match ? { title: match[1]!.trim(), markdown: text.trim() } : null;
}

// Stand-ins for country.json fields that fail: harmless to every check, and never shown (problems at or under a
// failed field's path are dropped, the schema's own message being the one that counts).
const STAND_INS: Partial<Country> = {
  name: {},
  languageNames: {},
  locales: undefined,
  dateFormats: undefined,
  clock: '24h',
  timezone: 'UTC',
  currency: 'XXX',
  deadlines: { acknowledgeDays: 1, respondDays: 1 },
  retention: { years: 1, source: {} },
  legalReferences: [],
};
/** Fields the references and routing hang on: without them only the texts can be checked. */
const REFERENCED_FIELDS = new Set(['languages', 'defaultLanguage', 'oversightOrganizationId']);

function assembleCountry(code: string, raw: unknown, problems: PackProblem[]): { country: Country; references: boolean } {
  const parsed = countrySchema.safeParse(raw);
  if (parsed.success) return { country: parsed.data, references: true };
  problems.push(...issuesOf('country.json', parsed.error));
  const whole = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  const fields = whole ? (raw as Record<string, unknown>) : {};
  // A country.json that is no object at all (`[]`, `null`) has every field failed: each is stood in for.
  const failed = whole
    ? new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))
    : new Set([...Object.keys(STAND_INS), ...REFERENCED_FIELDS]);
  const languages = packLanguages(fields);
  const country = {
    ...fields,
    ...Object.fromEntries([...failed].filter((f) => f in STAND_INS).map((f) => [f, STAND_INS[f as keyof Country]])),
  };
  Object.assign(country, {
    code,
    languages,
    defaultLanguage: failed.has('defaultLanguage') ? (languages[0] ?? '') : fields.defaultLanguage,
    oversightOrganizationId: failed.has('oversightOrganizationId') ? '' : fields.oversightOrganizationId,
  });
  return { country: country as Country, references: ![...failed].some((f) => REFERENCED_FIELDS.has(f)) };
}

function assembleList<S extends z.ZodType>(file: PackJsonFile, raw: unknown, schema: S, problems: PackProblem[]): z.infer<S> | null {
  if (raw === undefined) return null;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  problems.push(...issuesOf(file, parsed.error));
  return null;
}

export function assembleCountryPack(sources: PackSources): AssembledPack {
  const problems: PackProblem[] = [];
  const missing = PACK_JSON_FILES.some((file) => sources.json[file] === undefined);
  const { country, references: countryReferences } =
    sources.json['country.json'] === undefined
      ? {
          country: { ...STAND_INS, code: sources.code, languages: [], defaultLanguage: '', oversightOrganizationId: '' } as Country,
          references: false,
        }
      : assembleCountry(sources.code, sources.json['country.json'], problems);
  const organizations = assembleList(
    'organizations.json',
    sources.json['organizations.json'],
    zod.array(organizationSchema).min(1),
    problems,
  );
  const categories = assembleList('categories.json', sources.json['categories.json'], zod.array(categorySchema).min(1), problems);
  const routing = assembleList('routing.json', sources.json['routing.json'], routingSchema, problems);

  const strings: CountryPack['strings'] = {};
  for (const language of country.languages) {
    const raw = sources.strings[language];
    if (raw === undefined) continue;
    const parsed = uiStringsSchema.safeParse(raw);
    if (parsed.success) strings[language] = parsed.data;
    else {
      problems.push(...issuesOf(`i18n/${language}.json`, parsed.error));
      // The texts that are texts are still checked.
      const entries = raw && typeof raw === 'object' ? Object.entries(raw) : [];
      strings[language] = Object.fromEntries(entries.filter(([, text]) => typeof text === 'string')) as Record<string, string>;
    }
  }

  const pages: CountryPack['pages'] = {};
  let pagesWhole = true;
  for (const language of country.languages) {
    const byId = {} as Record<PageId, { title: string; markdown: string }>;
    for (const id of PAGE_IDS) {
      const text = sources.pages[language]?.[id];
      if (text === undefined) {
        pagesWhole = false;
        continue;
      }
      const page = parsePageText(fillPagePlaceholders(text, country));
      if (!page) {
        problems.push({ file: `pages/${language}/${id}.md`, path: 'line 1', message: 'a page must start with a "# Title" line' });
        pagesWhole = false;
      }
      byId[id] = page ?? { title: '', markdown: text.trim() };
    }
    pages[language] = byId;
  }

  const references = countryReferences && organizations !== null && categories !== null && routing !== null;
  return {
    pack: { country, organizations: organizations ?? [], categories: categories ?? [], routing: routing?.rules ?? [], strings, pages },
    problems,
    references,
    complete:
      !missing && problems.length === 0 && pagesWhole && country.languages.every((language) => sources.strings[language] !== undefined),
  };
}

/**
 * A page quotes figures the pack sets, so they are written once (country.json) and the page cannot drift from what
 * the code does: `{retentionYears}` is the retention period in years (`retention.years`).
 */
export function fillPagePlaceholders(text: string, country: Pick<Country, 'retention'>): string {
  return text.replaceAll('{retentionYears}', String(country.retention.years));
}

/** Whether `path` is `under` or inside it (`$.deadlines.respondDays` is under `$.deadlines`); `$` alone covers nothing. */
export function isAtOrUnder(path: string, under: string): boolean {
  if (under === '$') return false;
  return path === under || path.startsWith(`${under}.`) || path.startsWith(`${under}[`);
}
