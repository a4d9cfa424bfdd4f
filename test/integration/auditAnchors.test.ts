// Security issue #21, item 4, through the local runtime and DynamoDB Local: a case opened a few times, its heads
// anchored by the job, then — straight in the table, as someone with write access would — its newest events deleted
// and its head rolled back to the last one left. The chain alone still verifies; the anchor catches the cut, in
// GET /cases/{caseId} and in `npm run audit:verify`, and `--all` catches an edited anchor.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorBucketOf, anchorName } from '#core/auditAnchor.js';
import type { AnchorRunResult } from '#core/anchorAuditHeads.js';
import { type OpenedAuditTrail, openAuditTrail } from '#local/cli/auditVerifyCommand.js';
import { auditVerify as runAuditVerify } from './support/auditVerify.js';
import { TABLE_NAME } from '#local/runtime/localStorage.js';
import { cutAuditChain, portalTable } from '../support/auditTampering.js';
import { type TestPortal, bearer, fileReport, signIn, startTestPortal } from './support/testPortal.js';

let portal: TestPortal;
let trail: OpenedAuditTrail;
beforeAll(async () => {
  portal = await startTestPortal();
  // audit:verify as it runs beside `npm start`: through the running portal's table server.
  trail = await openAuditTrail({ dataDir: portal.dataDir, region: 'us-east-1' });
});
afterAll(async () => {
  await trail?.close();
  await portal?.stop();
});

/** audit:verify's printed lines and exit code. */
const auditVerify = (caseId: string | '--all') => runAuditVerify(trail, caseId);

describe('a chain cut with its head rolled back, after an anchor', () => {
  let caseId: string;
  let token: string;
  let anchor: AnchorRunResult;
  const open = async () => (await portal.api('GET', `/cases/${caseId}`, undefined, bearer(token))).body;

  it('verifies while untouched: filed, opened four times (events #0 to #4), anchored', async () => {
    caseId = (await fileReport(portal, { category: 'code-of-conduct', organizationId: 'kr-molit' })).caseId;
    token = await signIn(portal, 'handler@kr-molit');
    for (let i = 0; i < 4; i++) expect((await open()).auditVerified).toBe(true);
    anchor = await portal.anchorAudit();
    expect(anchor.cases).toBeGreaterThanOrEqual(1);
    expect(await open()).toMatchObject({ auditVerified: true, auditProblem: null });
    expect(await auditVerify(caseId)).toMatchObject({ code: 0, out: expect.stringContaining('chain verified') });
    const all = await auditVerify('--all');
    expect(all.code).toBe(0);
    expect(all.out).toContain(`its digest ${anchor.digest}`);
  });

  it('signs with a key file of its own beside the pepper: 32 bytes, owner-only, not the pepper', async () => {
    const secrets = join(portal.dataDir, 'secrets');
    const key = Buffer.from(readFileSync(join(secrets, 'audit-mac.key'), 'utf8').trim(), 'base64');
    expect(key).toHaveLength(32);
    expect(statSync(join(secrets, 'audit-mac.key')).mode & 0o777).toBe(0o600);
    expect(key.equals(Buffer.from(readFileSync(join(secrets, 'pepper'), 'utf8').trim(), 'base64'))).toBe(false);
    const { Items = [] } = await portalTable(portal.dataDir).send(
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :audit)',
        ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':audit': 'AUDIT#' },
      }),
    );
    expect(Items.map((e) => e.macKey)).toEqual(Items.map(() => 'local'));
  });

  it('logs the root’s digest and count, a second copy outside the table, naming no case', () => {
    const lines = portal
      .output()
      .split('\n')
      .filter((l) => l.includes('"audit heads anchored"'));
    const line = lines.find((l) => l.includes(anchor.digest));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({
      message: 'audit heads anchored',
      digest: anchor.digest,
      cases: anchor.cases,
      seq: anchor.seq,
    });
    for (const l of lines) expect(l).not.toContain(caseId);
  });

  it('fails to verify once the newest events are deleted and the case head rolled back', async () => {
    // Events #0 to #5 are stored (the view after the anchor added #5); the anchor recorded #4. Delete #3 to #5.
    expect(await cutAuditChain(portal.dataDir, caseId, 3)).toMatchObject({ seq: 2 });

    const cli = await auditVerify(caseId);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(
      `✗ case ${caseId}: the chain was cut: ${anchorName(anchor.anchoredAt)} recorded event #4, the case now ends at #2`,
    );

    // Opening the case appends event #3 to what is left, and shows the cut.
    const detail = await open();
    expect(detail.audit.map((e: { seq: number }) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(detail.auditVerified).toBe(false);
    expect(detail.auditProblem).toBe(`the chain was cut: ${anchorName(anchor.anchoredAt)} recorded event #4, the case now ends at #3`);

    const all = await auditVerify('--all');
    expect(all.code).toBe(1);
    expect(all.out).toContain(`✗ case ${caseId}: the chain was cut`);
  });

  it('--all reports an edited anchor chunk, and the case view no longer trusts it', async () => {
    const client = portalTable(portal.dataDir);
    const pk = `AUDIT-ANCHOR#${anchorBucketOf(caseId)}`;
    const { Items } = await client.send(
      new QueryCommand({ TableName: TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } }),
    );
    const chunk = Items!.find((i) => i.SK === anchor.anchoredAt)!;
    // The cut hidden from the anchor too: its head for the case rolled back as well.
    const heads = (chunk.heads as [string, number, string][]).map(([id, seq, hash]) => [id, id === caseId ? 2 : seq, hash]);
    await client.send(new PutCommand({ TableName: TABLE_NAME, Item: { ...chunk, heads } }));

    const all = await auditVerify('--all');
    expect(all.code).toBe(1);
    expect(all.out).toContain(`✗ the chunk ${anchorBucketOf(caseId)} of ${anchorName(anchor.anchoredAt)} was altered`);
    expect((await open()).auditProblem).toBe(
      `${anchorName(anchor.anchoredAt)} for this case was altered, so the chain cannot be checked against it`,
    );
  });
});
