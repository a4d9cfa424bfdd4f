// GET /config and GET /pages/{id}: the public description of the deployment, in one language.
import * as z from 'zod';
import { CLOCKS, languageCode } from './countryPack.js';
import { applicationOffer } from './application.js';

export const languageQuery = z.strictObject({ lang: languageCode.optional() });

export const configResponse = z.object({
  country: z.object({ code: z.string(), name: z.string(), currency: z.string(), timezone: z.string() }),
  languages: z.array(z.string()),
  defaultLanguage: z.string(),
  language: z.string(),
  /** Each language named in itself, for the language switcher. */
  languageNames: z.record(z.string(), z.string()),
  /** How dates, times and plural forms read in `language`. */
  formats: z.object({
    /** The locale for Intl: the language, or the pack's locale for it ("sr-Latn"). */
    locale: z.string(),
    /** The pack's date pattern for the language, where it gives one ("YYYY.MM.DD"). */
    dateFormat: z.string().optional(),
    clock: z.enum(CLOCKS),
  }),
  categories: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
  organizations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      parentId: z.string().optional(),
      otherNames: z.array(z.string()).optional(),
    }),
  ),
  pages: z.array(z.object({ id: z.string(), title: z.string() })),
  deadlines: z.object({ acknowledgeDays: z.number(), respondDays: z.number() }),
  /** The pack's routing rules, so the review step can say where a report will go, and why, before it is sent. */
  routing: z.object({
    oversightOrganizationId: z.string(),
    rules: z.array(
      z.object({
        id: z.string(),
        match: z.object({
          category: z.string().optional(),
          organizationId: z.string().optional(),
          organizationType: z.string().optional(),
          subjectIsHead: z.boolean().optional(),
          amountOver: z.number().optional(),
        }),
        routeTo: z.string(),
      }),
    ),
  }),
  /** Applications for protection or a reward the portal takes (docs/applications.md); null: none online. */
  applications: applicationOffer.nullable(),
  strings: z.record(z.string(), z.string()),
});
export type ConfigResponse = z.infer<typeof configResponse>;

export const pageParams = z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'a page id such as "how-it-works"') });
export const pageResponse = z.object({ id: z.string(), title: z.string(), markdown: z.string() });
