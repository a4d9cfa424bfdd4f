import type { CitizenDeps } from '../deps.js';
import type { EvidenceStore } from '../ports.js';
import type { CaseWorkStore, EvidenceLinks } from './ports.js';

/** What agency use cases need: the citizen's dependencies with the case-work store and download links. */
export interface AgencyDeps extends Omit<CitizenDeps, 'store' | 'evidence'> {
  store: CaseWorkStore;
  evidence: EvidenceStore & EvidenceLinks;
}
