// POST /track/applications/messages: the applicant answers the deciding body, with the tracking code alone. Dated to
// the hour, as everything a reporter does (core/reporterTime.ts).
import type { ApplicationMessageRequest } from '#schemas/application.js';
import type { CitizenDeps } from '../deps.js';
import { notFound, unavailable } from '../errors.js';
import { newId } from '../ids.js';
import { reporterTime } from '../reporterTime.js';
import { caseIdFromTypedCode } from '../trackCase.js';

/** Changes by the deciding body racing one message: each one re-dates it once. */
const DATING_ATTEMPTS = 3;

export const NO_SUCH_APPLICATION = 'There is no such application on this report. Check the tracking code, or apply first.';

export async function addApplicantMessage(deps: CitizenDeps, request: ApplicationMessageRequest): Promise<{ id: string; at: string }> {
  const caseId = caseIdFromTypedCode(deps.pepper, request.trackingCode);
  const id = newId(deps.random);
  // To the hour, but never before the application's last change: a reply stays after the question.
  let at = reporterTime(deps.clock.now()).toISOString();
  const sealedBody = await deps.sealer.seal(request.body, caseId);
  for (let attempt = 1; ; attempt++) {
    const result = await deps.applications.addApplicantMessage({ caseId, kind: request.kind, id, at, from: 'applicant', sealedBody });
    if (result === 'added') return { id, at };
    if (result === 'missing') throw notFound(NO_SUCH_APPLICATION);
    if (attempt === DATING_ATTEMPTS) throw unavailable('The application is changing right now. Send the message again in a moment.');
    // A millisecond after the change: the same instant would leave the order to the ids.
    at = new Date(Date.parse(result.changedAt) + 1).toISOString();
  }
}
