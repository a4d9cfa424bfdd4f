// What the whistleblower sees with the code alone: status, deadlines, public notes, messages and attachment
// names. Never internal notes, contact details or the audit trail.
import type { TrackResponse } from '#schemas/track.js';
import { chooseLanguage, localize } from './countryPackIndex.js';
import type { CitizenDeps } from './deps.js';
import { notFound, validationFailed } from './errors.js';
import type { CaseRecord } from './ports.js';
import { type CaseId, caseIdForCode } from './trackingKey.js';
import { normalizeTrackingCode } from '#contract/trackingCode.js';

/** Normalizes a typed code and derives its case id; a malformed code is a 400, never a look-up. */
export function caseIdFromTypedCode(pepper: Uint8Array, input: string): CaseId {
  const code = normalizeTrackingCode(input);
  if (!code) {
    throw validationFailed('That is not a tracking code.', [
      { path: 'trackingCode', message: '16 letters and digits, as XXXX-XXXX-XXXX-XXXX' },
    ]);
  }
  return caseIdForCode(pepper, code);
}

export const UNKNOWN_CODE_MESSAGE = 'No report has this tracking code. Check it and try again.';

export async function trackCase(deps: CitizenDeps, typedCode: string): Promise<TrackResponse> {
  const caseId = caseIdFromTypedCode(deps.pepper, typedCode);
  const file = await deps.store.getCaseFile(caseId);
  if (!file) throw notFound(UNKNOWN_CODE_MESSAGE);
  const open = (sealed: string) => deps.sealer.open(sealed, caseId);
  return {
    caseId,
    status: file.case.status,
    organization: organizationRef(deps, file.case),
    createdAt: file.case.createdAt,
    acknowledgeBy: file.case.acknowledgeBy,
    respondBy: file.case.respondBy,
    timeline: await Promise.all(
      file.timeline.map(async (t) => ({
        at: t.at,
        status: t.status,
        ...(t.sealedPublicNote ? { publicNote: await open(t.sealedPublicNote) } : {}),
        ...(t.organizationId ? { organization: organizationRef(deps, { ...file.case, organizationId: t.organizationId }) } : {}),
      })),
    ),
    messages: await Promise.all(file.messages.map(async (m) => ({ id: m.id, at: m.at, from: m.from, body: await open(m.sealedBody) }))),
    attachments: await Promise.all(file.attachments.map(async (a) => ({ id: a.id, name: await open(a.sealedName), size: a.size }))),
  };
}

function organizationRef(deps: CitizenDeps, record: CaseRecord) {
  const { pack, organizations } = deps.index;
  const organization = organizations.get(record.organizationId);
  const language = chooseLanguage(pack, record.language);
  return {
    id: record.organizationId,
    name: organization ? localize(organization.name, language, pack.country.defaultLanguage) : record.organizationId,
  };
}
