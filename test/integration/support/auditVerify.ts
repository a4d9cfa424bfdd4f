// `npm run audit:verify` as the tests run it: through the command's own functions, its printed lines collected.
import { type OpenedAuditTrail, verifyEverything, verifyOneCase } from '#local/cli/auditVerifyCommand.js';

/** The exit code and the printed lines of `audit:verify -- <caseId>` or `-- --all`. */
export async function auditVerify(trail: OpenedAuditTrail, caseId: string | '--all'): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
  const code = caseId === '--all' ? await verifyEverything(trail.deps, out) : await verifyOneCase(trail.deps, caseId, out);
  return { code, out: lines.join('\n') };
}
