// Invariant 5, whole: a report about an organization's head never reaches that organization nor any organization
// under it (by parentId, at any depth), whose staff answer to that head. Routing, transfers, escalation and every
// read of a case go through these two functions, which are the contract's (functions/contract/routing.ts) so the
// web app's routing preview applies the very same rule.
export { barredFromCase, isWithinOrganization } from '#contract/routing.js';
