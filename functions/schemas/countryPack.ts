// The shape of a country pack (countries/<code>/). Loaded by local mode, the CDK app and the pack checker.
import * as z from 'zod';
import { LIMITS } from '#contract/limits.js';
import { IDENTITY_FIELDS } from '#contract/applicationLife.js';

export const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language code such as "en" or "uz-Latn"');
export const organizationId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case letters, digits and dashes');
export const categoryId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case letters, digits and dashes');
export const pageId = z.enum(['how-it-works', 'protection', 'rewards', 'policies']);
export const PAGE_IDS = pageId.options;

/** Text in several languages: `{ "en": "...", "ko": "..." }`. */
export const localizedText = z.record(languageCode, z.string().trim().min(1));

/** A BCP 47 locale such as "sr-Latn": the conventions (script, dates, plural forms) a language's text follows. */
export const localeTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a locale such as "sr-Latn" or "uz-Latn"');

/**
 * How a date reads where the browser has no names for a language's months (Chromium shows "2026 M12 17" for some):
 * YYYY, MM (or M) and DD (or D) once each, with dots, slashes, dashes or spaces between them.
 */
export const datePattern = z
  .string()
  .regex(
    /^(?=[^Y]*YYYY[^Y]*$)(?=[^M]*MM?[^M]*$)(?=[^D]*DD?[^D]*$)[YMD./ -]+$/,
    'a date pattern such as "DD.MM.YYYY" or "YYYY.MM.DD": YYYY, MM (or M) and DD (or D) once each, with . / - or spaces between them',
  );

const retentionYears = z.int().min(1).max(LIMITS.retentionYearsMaximum);

/** One kind of application the portal takes: the law it rests on (in every language) and the days to decide it. */
const applicationKindTerms = z.strictObject({
  legalBasis: localizedText,
  decideDays: z.int().min(1).max(LIMITS.decideDaysMaximum),
});

export const CLOCKS = ['24h', '12h'] as const;

export const countrySchema = z.strictObject({
  code: z.string().regex(/^[a-z]{2}$/, 'a two-letter country code'),
  name: localizedText,
  languages: z.array(languageCode).min(1),
  defaultLanguage: languageCode,
  /** How each language names itself, for the language switcher: `{ "sq": "shqip", "sr": "srpski" }`. */
  languageNames: z.record(languageCode, z.string().trim().min(1)),
  /** The locale a language follows where it is not the language code alone: `{ "sr": "sr-Latn" }`. */
  locales: z.record(languageCode, localeTag).optional(),
  /** A language's date pattern, used instead of the browser's own dates: `{ "mn": "YYYY.MM.DD" }`. */
  dateFormats: z.record(languageCode, datePattern).optional(),
  /** How the country reads times: "24h" (13:05) or "12h" (1:05 PM). */
  clock: z.enum(CLOCKS),
  timezone: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "KRW"'),
  oversightOrganizationId: organizationId,
  deadlines: z.strictObject({
    acknowledgeDays: z.int().min(1).max(LIMITS.acknowledgeDaysMaximum),
    respondDays: z.int().min(1).max(LIMITS.respondDaysMaximum),
  }),
  /**
   * How long a closed case is kept before it is deleted, counted from its closure: `years` for every category unless
   * `byCategory` names another period, and the legal source of the figure (or the portal's own rule) in every language.
   */
  retention: z.strictObject({
    years: retentionYears,
    byCategory: z.record(categoryId, retentionYears).optional(),
    source: localizedText,
  }),
  /**
   * Applications for protection or a reward linked to a case (docs/applications.md): the body that decides them (an
   * oversight organization, which alone opens the applicant's identity), what the law requires the applicant to give,
   * and each kind the portal takes. Absent: the portal takes no applications online.
   */
  applications: z
    .strictObject({
      decidedBy: organizationId,
      identityFields: z.array(z.enum(IDENTITY_FIELDS)).min(1),
      kinds: z.strictObject({ protection: applicationKindTerms.optional(), reward: applicationKindTerms.optional() }),
    })
    .optional(),
  legalReferences: z.array(z.strictObject({ title: z.string().min(1), url: z.url().optional(), note: z.string().optional() })).min(1),
});

export const organizationSchema = z.strictObject({
  id: organizationId,
  name: localizedText,
  type: z.string().regex(/^[a-z][a-z-]*$/, 'a lower-case type such as "ministry"'),
  parentId: organizationId.optional(),
  region: z.string().optional(),
});

export const categorySchema = z.strictObject({
  id: categoryId,
  name: localizedText,
  description: localizedText,
});

/**
 * `routeTo` is an organization id or one of the keywords:
 * `@reported` (the organization the report names), `@parent` (its parent), `@oversight` (the pack's oversight body).
 */
export const routeTarget = z.union([z.enum(['@reported', '@parent', '@oversight']), organizationId]);

export const routingRuleSchema = z.strictObject({
  id: z.string().min(1),
  match: z.strictObject({
    category: categoryId.optional(),
    organizationId: organizationId.optional(),
    organizationType: z.string().optional(),
    subjectIsHead: z.boolean().optional(),
    amountOver: z.number().nonnegative().optional(),
  }),
  routeTo: routeTarget,
});

export const routingSchema = z.strictObject({ rules: z.array(routingRuleSchema).min(1) });

export const uiStringsSchema = z.record(z.string().regex(/^[a-zA-Z0-9_.-]+$/), z.string());

export type Country = z.infer<typeof countrySchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type Category = z.infer<typeof categorySchema>;
export type RoutingRule = z.infer<typeof routingRuleSchema>;
export type RouteTarget = z.infer<typeof routeTarget>;
export type LocalizedText = z.infer<typeof localizedText>;
export type PageId = z.infer<typeof pageId>;

/** A pack as the handlers use it, after loading and checking. */
export interface CountryPack {
  country: Country;
  organizations: Organization[];
  categories: Category[];
  routing: RoutingRule[];
  strings: Record<string, Record<string, string>>;
  pages: Record<string, Record<PageId, { title: string; markdown: string }>>;
}
