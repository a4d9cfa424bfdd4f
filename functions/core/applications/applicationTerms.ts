// What the country pack says about applications: who decides, what an applicant must give, each kind's legal basis
// and deadline (docs/applications.md).
import type { ApplicationKind, IdentityField } from '#contract/applicationLife.js';
import type { ApplicationOffer } from '#schemas/application.js';
import { type PackIndex, localize } from '../countryPackIndex.js';

export interface KindTerms {
  decidedBy: string;
  identityFields: IdentityField[];
  legalBasis: Record<string, string>;
  decideDays: number;
}

/** The terms of one kind, or null when the portal does not take it. */
export function termsOf(index: PackIndex, kind: ApplicationKind): KindTerms | null {
  const applications = index.pack.country.applications;
  const terms = applications?.kinds[kind];
  if (!applications || !terms) return null;
  return { decidedBy: applications.decidedBy, identityFields: applications.identityFields, ...terms };
}

/** What /config tells the web app: null when the portal takes no applications. */
export function applicationOffer(index: PackIndex, language: string): ApplicationOffer | null {
  const applications = index.pack.country.applications;
  if (!applications) return null;
  const fallback = index.pack.country.defaultLanguage;
  const body = index.organizations.get(applications.decidedBy);
  return {
    decidingBody: { id: applications.decidedBy, name: body ? localize(body.name, language, fallback) : applications.decidedBy },
    identityFields: applications.identityFields,
    kinds: (['protection', 'reward'] as const).flatMap((kind) => {
      const terms = applications.kinds[kind];
      return terms ? [{ kind, legalBasis: localize(terms.legalBasis, language, fallback), decideDays: terms.decideDays }] : [];
    }),
  };
}
