// Routing over the country pack's ordered rules: the first rule whose every condition matches decides. The rules'
// evaluation is the contract's (functions/contract/routing.ts), shared with the web app's review step, so what a
// reporter is told before sending is what the server does; here it is typed with the pack's own shapes.
import type { RoutingContext as ContractRoutingContext } from '#contract/routing.js';
import type { Organization, RoutingRule } from '#schemas/countryPack.js';

export {
  resolveTarget,
  type RoutingDecision,
  type RoutingInput,
  routeReport,
  ruleMatches,
  UNSURE_ORGANIZATION_ID,
  UNSURE_ORGANIZATION_RULE_ID,
} from '#contract/routing.js';

export interface RoutingContext extends ContractRoutingContext<Organization> {
  rules: RoutingRule[];
}
