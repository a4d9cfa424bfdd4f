// Who may open a confidential reporter's contact details. The reporter agreed to share them with the organization
// their report went to, which the portal named before they sent it; whistleblower-protection law (Korea's Public
// Interest Whistleblower Protection Act art. 12, EU Directive 2019/1937 art. 16) forbids passing a reporter's
// identity further without their consent. So only that organization opens them, while the case is in its queue:
// not the oversight body watching an escalation, and not an organization the case is transferred to (oversight
// moving a case into its own queue included). Anyone holding the case can still reach the reporter through messages.
import type { CaseAccess } from './caseAccess.js';
import type { CaseFolder } from './ports.js';

/** The organization the contact details were shared with, or null when the report gave none. */
export function contactSharedWith(folder: Pick<CaseFolder, 'case' | 'audit'>): string | null {
  const record = folder.case;
  if (record.sealedContact === null) return null;
  if (record.contactSharedWith) return record.contactSharedWith;
  // A case filed before the field was kept: its first audit event names where the report was routed.
  return folder.audit.find((event) => event.action === 'report.received')?.details.organizationId ?? null;
}

/** Whether this reader, reaching the case this way, may open its contact details. */
export function opensContact(access: CaseAccess, folder: Pick<CaseFolder, 'case' | 'audit'>): boolean {
  const sharedWith = contactSharedWith(folder);
  return access === 'owner' && sharedWith !== null && folder.case.organizationId === sharedWith;
}
