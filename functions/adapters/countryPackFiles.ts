// Reads a country pack from countries/<code>/ and checks its shape with zod. A bad file fails with the file,
// the JSON path and the reason. Cross-references and translations are checked by core/countryPackCheck.ts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod';
import {
  type CountryPack,
  type PageId,
  PAGE_IDS,
  categorySchema,
  countrySchema,
  organizationSchema,
  routingSchema,
  uiStringsSchema,
} from '#schemas/countryPack.js';
import * as zod from 'zod';

export class PackFileError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}${path ? ` at ${path}` : ''}: ${reason}`);
    this.name = 'PackFileError';
  }
}

function readJson<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  const full = join(dir, file);
  if (!existsSync(full)) throw new PackFileError(full, '', 'file is missing');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    throw new PackFileError(full, '', `not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PackFileError(
      full,
      `$${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
      issue.message,
    );
  }
  return parsed.data;
}

/** Splits a page into its title (the first "# " line) and the rest. */
export function parsePage(file: string, text: string): { title: string; markdown: string } {
  const match = /^#\s+(.+)$/m.exec(text);
  if (!match) throw new PackFileError(file, '', 'a page must start with a "# Title" line');
  return { title: match[1]!.trim(), markdown: text.trim() };
}

export function loadCountryPack(packsDir: string, code: string): CountryPack {
  const dir = join(packsDir, code);
  if (!existsSync(dir)) throw new PackFileError(dir, '', `no country pack "${code}"`);
  const country = readJson(dir, 'country.json', countrySchema);
  const organizations = readJson(dir, 'organizations.json', zod.array(organizationSchema).min(1));
  const categories = readJson(dir, 'categories.json', zod.array(categorySchema).min(1));
  const routing = readJson(dir, 'routing.json', routingSchema).rules;
  const strings: CountryPack['strings'] = {};
  const pages: CountryPack['pages'] = {};
  for (const language of country.languages) {
    strings[language] = readJson(dir, join('i18n', `${language}.json`), uiStringsSchema);
    const pageDir = join(dir, 'pages', language);
    const found = existsSync(pageDir) ? readdirSync(pageDir) : [];
    const byId = {} as Record<PageId, { title: string; markdown: string }>;
    for (const id of PAGE_IDS) {
      const file = join(pageDir, `${id}.md`);
      if (!found.includes(`${id}.md`)) throw new PackFileError(file, '', 'page is missing');
      byId[id] = parsePage(file, readFileSync(file, 'utf8'));
    }
    pages[language] = byId;
  }
  return { country, organizations, categories, routing, strings, pages };
}
