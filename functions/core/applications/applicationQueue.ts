// GET /applications: the deciding body's queue, open applications first, oldest first, each with its linked case,
// its deadline and the applicant's unread replies.
import type { AgencyUser } from '#contract/agencyRoles.js';
import type { ApplicationStatus } from '#contract/applicationLife.js';
import type { applicationListItem } from '#schemas/application.js';
import type * as z from 'zod';
import type { AgencyDeps } from '../agency/deps.js';
import { localize } from '../countryPackIndex.js';
import { requireDecidingBody } from './decidingBody.js';
import type { ApplicationRecord } from './ports.js';
import { isOverdue } from './reporterApplications.js';

type ApplicationListItem = z.infer<typeof applicationListItem>;

export function listItem(deps: AgencyDeps, record: ApplicationRecord): ApplicationListItem {
  const { pack, organizations } = deps.index;
  const organization = organizations.get(record.organizationId);
  return {
    applicationId: record.applicationId,
    caseId: record.caseId,
    kind: record.kind,
    status: record.status,
    filedAt: record.filedAt,
    decideBy: record.decideBy,
    overdue: isOverdue(record, deps.clock.now()),
    organization: {
      id: record.organizationId,
      name: organization ? localize(organization.name, pack.country.defaultLanguage, pack.country.defaultLanguage) : record.organizationId,
    },
    unreadMessages: record.applicantMessages - record.applicantMessagesSeen,
  };
}

export async function applicationQueue(
  deps: AgencyDeps,
  user: AgencyUser,
  status?: ApplicationStatus,
): Promise<{ items: ApplicationListItem[] }> {
  const decidedBy = requireDecidingBody(deps, user);
  const records = await deps.applications.applicationQueue(decidedBy);
  return { items: records.filter((r) => status === undefined || r.status === status).map((r) => listItem(deps, r)) };
}
