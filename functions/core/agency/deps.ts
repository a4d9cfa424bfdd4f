import type { CitizenDeps } from '../deps.js';
import type { AuditAnchorLookup, EvidenceStore } from '../ports.js';
import type { StaffDirectory } from '../staff/ports.js';
import type { CaseWorkStore, EvidenceLinks } from './ports.js';

/**
 * What agency use cases need: the citizen's dependencies with the case-work store, download links and the anchors
 * a case's audit chain is checked against.
 */
export interface AgencyDeps extends Omit<CitizenDeps, 'store' | 'evidence'> {
  store: CaseWorkStore;
  evidence: EvidenceStore & EvidenceLinks;
  anchors: AuditAnchorLookup;
  /** The organizations' staff: who a case may be assigned to. */
  staff: StaffDirectory;
}
