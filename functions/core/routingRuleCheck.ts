// Routing rules that cannot do what their author meant: a rule no report ever reaches (an earlier rule always
// decides first), and two rules with the same conditions but different targets, or the same id (ambiguous).
// Reachability is found by routing every category × organization × head-or-not × amount band, so it takes the
// head-of-organization exception into account exactly as real reports meet it.
import type { CountryPack, RoutingRule } from '#schemas/countryPack.js';
import { canonicalJson } from './keyedHash.js';
import type { PackProblem } from './countryPackCheck.js';
import { indexPack } from './countryPackIndex.js';
import { routeReport } from './routing.js';

const isCatchAll = (rule: RoutingRule) => Object.keys(rule.match).length === 0;

/** Whether every report `later` matches is also matched by `earlier` (ignoring the head-of-organization skip). */
export function covers(
  earlier: RoutingRule['match'],
  later: RoutingRule['match'],
  typeOf: (organizationId: string) => string | undefined,
): boolean {
  if (earlier.category !== undefined && earlier.category !== later.category) return false;
  if (earlier.organizationId !== undefined && earlier.organizationId !== later.organizationId) return false;
  if (earlier.organizationType !== undefined) {
    const laterType = later.organizationType ?? (later.organizationId !== undefined ? typeOf(later.organizationId) : undefined);
    if (earlier.organizationType !== laterType) return false;
  }
  if (earlier.subjectIsHead !== undefined && earlier.subjectIsHead !== later.subjectIsHead) return false;
  if (earlier.amountOver !== undefined && !(later.amountOver !== undefined && later.amountOver >= earlier.amountOver)) return false;
  return true;
}

export function checkRoutingRules(pack: CountryPack): PackProblem[] {
  const problems: PackProblem[] = [];
  const rules = pack.routing;
  const at = (i: number) => `$.rules[${i}]`;
  const ambiguous = new Set<number>();

  const firstWithId = new Map<string, number>();
  rules.forEach((rule, i) => {
    const first = firstWithId.get(rule.id);
    if (first !== undefined) {
      problems.push({
        file: 'routing.json',
        path: `${at(i)}.id`,
        message: `ambiguous: rule id "${rule.id}" is also used by rule ${first}`,
      });
      ambiguous.add(i);
    } else firstWithId.set(rule.id, i);
  });
  rules.forEach((rule, i) => {
    const same = rules.findIndex((other, j) => j < i && canonicalJson(other.match) === canonicalJson(rule.match));
    if (same !== -1 && rules[same]!.routeTo !== rule.routeTo && !ambiguous.has(i)) {
      problems.push({
        file: 'routing.json',
        path: at(i),
        message: `ambiguous: same conditions as rule "${rules[same]!.id}" (${same}) but routes to ${rule.routeTo} instead of ${rules[same]!.routeTo}; only the first ever applies`,
      });
      ambiguous.add(i);
    }
  });

  const index = indexPack(pack);
  const decisive = new Set<string>();
  const amounts = [null, ...new Set(rules.flatMap((r) => (r.match.amountOver !== undefined ? [r.match.amountOver + 1] : [])))];
  for (const category of pack.categories) {
    for (const organization of pack.organizations) {
      for (const subjectIsHead of [false, true]) {
        for (const value of amounts) {
          const decision = routeReport(
            { category: category.id, organizationId: organization.id, subjectIsHead, amount: value === null ? null : { value } },
            index.routing,
          );
          if (decision) decisive.add(decision.ruleId);
        }
      }
    }
  }
  const typeOf = (id: string) => index.routing.organizations.get(id)?.type;
  rules.forEach((rule, i) => {
    // A final "match everything" rule is a safety net for categories added later; it may never be needed.
    if (ambiguous.has(i) || decisive.has(rule.id) || isCatchAll(rule)) return;
    const shadow = rules.findIndex((earlier, j) => j < i && covers(earlier.match, rule.match, typeOf));
    problems.push({
      file: 'routing.json',
      path: at(i),
      message:
        shadow !== -1
          ? `unreachable: rule "${rules[shadow]!.id}" (${shadow}) comes first and matches every report this rule matches`
          : 'unreachable: no report of any category about any organization of this pack reaches this rule',
    });
  });
  return problems;
}
