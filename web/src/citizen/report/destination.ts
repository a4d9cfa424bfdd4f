// Where a report will go, and why, said on the review step before it is sent: the pack's rules from GET /config,
// evaluated by the contract's routing (the server files the report by the same function), and a sentence built from
// the rule that decided.
import { routeReport, UNSURE_CATEGORY_ID, UNSURE_ORGANIZATION_RULE_ID } from '#contract/routing.js';
import type { ConfigResponse } from '#schemas/config.js';
import type { Translate } from '../../shared/i18n.js';
import { formatAmount } from './amount.js';

export interface Destination {
  organization: string;
  why: string;
}

export function reportDestination(
  config: ConfigResponse,
  report: { category: string; organizationId: string; subjectIsHead: boolean; amount: number | null },
  t: Translate,
  language: string,
): Destination | null {
  const organizations = new Map(config.organizations.map((o) => [o.id, o]));
  const decision = routeReport(
    {
      category: report.category,
      organizationId: report.organizationId,
      subjectIsHead: report.subjectIsHead,
      amount: report.amount === null ? null : { value: report.amount },
    },
    { rules: config.routing.rules, organizations, oversightOrganizationId: config.routing.oversightOrganizationId },
  );
  if (!decision) return null;
  const organization = organizations.get(decision.organizationId)?.name ?? decision.organizationId;
  const rule = config.routing.rules.find((r) => r.id === decision.ruleId);
  const category = config.categories.find((c) => c.id === report.category)?.name ?? report.category;
  const vars = { organization, category };
  let why: string;
  if (decision.ruleId === UNSURE_ORGANIZATION_RULE_ID || rule?.match.category === UNSURE_CATEGORY_ID) why = t('report.route.unsure', vars);
  else if (rule?.match.subjectIsHead) why = t('report.route.head', vars);
  else if (rule?.match.amountOver !== undefined) {
    why = t('report.route.amount', { ...vars, amount: formatAmount(rule.match.amountOver, config.country.currency, language) });
  } else if (rule?.match.category !== undefined)
    why = t(rule.routeTo === '@reported' ? 'report.route.reported' : 'report.route.category', vars);
  else if (rule?.routeTo === '@reported') why = t('report.route.default', vars);
  else why = t('report.route.organization', { ...vars, reported: organizations.get(report.organizationId)?.name ?? report.organizationId });
  return { organization, why };
}
