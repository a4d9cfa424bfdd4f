// Retention through the local runtime and its embedded storage (issue 14): a closed case is deleted by the sweep once
// the pack's retention has run out (every item, every evidence object), /track then answers exactly as for a code
// nobody was given, the queue no longer lists it, and the public statistics keep counting it. A legal hold keeps a
// case past its date; lifting it lets the next sweep delete it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, createS3Client } from '#composition/awsClients.js';
import { trackResponse } from '#schemas/track.js';
import { type OpenedAuditTrail, openAuditTrail } from '#local/cli/auditVerifyCommand.js';
import { auditVerify } from './support/auditVerify.js';
import { pngWithText } from './support/fixtures.js';
import { type TestPortal, aReport, bearer, proposedCode, signIn, startTestPortal, uploadFile } from './support/testPortal.js';

let portal: TestPortal;
let trail: OpenedAuditTrail;
beforeAll(async () => {
  portal = await startTestPortal();
  trail = await openAuditTrail({ dataDir: portal.dataDir, region: 'us-east-1' });
});
afterAll(async () => {
  await trail?.close();
  await portal?.stop();
});

const s3 = () => createS3Client('us-east-1', process.env.S3_ENDPOINT);
const table = () => createDocumentClient('us-east-1', process.env.DYNAMODB_ENDPOINT);
const itemsOf = async (caseId: string, partition = 'CASE#') =>
  (
    await table().send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME!,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `${partition}${caseId}` },
      }),
    )
  ).Items ?? [];
const objectsOf = async (caseId: string) =>
  (await s3().send(new ListObjectsV2Command({ Bucket: process.env.BUCKET_NAME!, Prefix: `evidence/${caseId}/` }))).Contents ?? [];

/** The case's own key (docs/crypto-shredding.md): locally one file per case under the data dir's secrets. */
const hasKey = (caseId: string) => existsSync(join(process.env.CASE_KEYS_DIR!, `${caseId}.key`));

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;
const CATEGORY = 'code-of-conduct';

describe('retention: deletion on time, legal hold, what the reporter sees', () => {
  const filed: { caseId: string; code: string }[] = [];
  let handler: string;
  let supervisor: string;
  let withEvidence: { caseId: string; code: string };
  let held: { caseId: string; code: string };

  const track = (code: string) => portal.api('POST', '/track', { trackingCode: code });
  const statsRow = async () => {
    await portal.publishStats();
    const stats = (await portal.api('GET', '/stats/public')).body;
    return stats.organizations
      .find((o: { organizationId: string }) => o.organizationId === 'kr-molit')
      ?.categories.find((c: { category: string }) => c.category === CATEGORY);
  };
  const queueIds = async () => {
    const queue = (await portal.api('GET', '/cases?status=closed&limit=100', undefined, bearer(handler))).body;
    return queue.items.map((i: { caseId: string }) => i.caseId) as string[];
  };

  beforeAll(async () => {
    handler = await signIn(portal, 'handler@kr-molit');
    supervisor = await signIn(portal, 'supervisor@kr-molit');
    // Five cases of one row, so that the public statistics show it rather than suppress it.
    for (let i = 0; i < 5; i++) {
      const code = proposedCode();
      const uploadIds =
        i === 0 ? [await uploadFile(portal, { name: 'receipt.png', contentType: 'image/png', bytes: pngWithText('evidence') })] : [];
      const answer = await portal.api(
        'POST',
        '/reports',
        aReport({ trackingCode: code, category: CATEGORY, organizationId: 'kr-molit', uploadIds }),
      );
      expect(answer.status).toBe(201);
      filed.push({ caseId: answer.body.caseId, code });
    }
    [withEvidence, held] = [filed[0]!, filed[1]!];
    // An application goes with its case (docs/applications.md).
    const applied = await portal.api('POST', '/track/applications', {
      trackingCode: withEvidence.code,
      kind: 'reward',
      identity: { name: 'Applicant', dateOfBirth: '1980-01-01', address: 'Sejong', phone: '010-0000-0000' },
      statement: 'The report recovered subsidies.',
    });
    expect(applied.status).toBe(201);
    expect(await itemsOf(withEvidence.caseId, 'APPLICATION#')).not.toEqual([]);
  });

  it('tells the reporter how long a case is kept while it is open, and the date from closure once closed', async () => {
    const open = trackResponse.parse((await track(withEvidence.code)).body);
    expect(open).toMatchObject({ deleteAfter: null, retentionYears: 10 });
    for (const { caseId } of filed) {
      expect((await portal.api('PATCH', `/cases/${caseId}`, { status: 'acknowledged' }, bearer(handler))).status).toBe(200);
      const closed = await portal.api('PATCH', `/cases/${caseId}`, { status: 'closed', resolution: 'unsubstantiated' }, bearer(handler));
      expect(closed.status).toBe(200);
      const closedAt = new Date(closed.body.timeline.at(-1).at);
      closedAt.setUTCFullYear(closedAt.getUTCFullYear() + 10);
      expect(closed.body.deleteAfter).toBe(closedAt.toISOString());
    }
    const tracked = trackResponse.parse((await track(withEvidence.code)).body);
    expect(tracked.deleteAfter).toBe(
      (await portal.api('GET', `/cases/${withEvidence.caseId}`, undefined, bearer(handler))).body.deleteAfter,
    );
    expect(await objectsOf(withEvidence.caseId)).toHaveLength(1);
    expect(hasKey(withEvidence.caseId)).toBe(true);
    // The TTL backstop is on every item of a closed case, 30 days after its date.
    const items = await itemsOf(withEvidence.caseId);
    const ttl = Math.floor((Date.parse(tracked.deleteAfter!) + 30 * 24 * 3600 * 1000) / 1000);
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) expect(item.expiresAt, `${item.SK}`).toBe(ttl);
  });

  it('lets a supervisor, not a handler, place a hold with a reason, audited, and takes the TTL off every item', async () => {
    const refused = await portal.api('POST', `/cases/${held.caseId}/hold`, { held: true, reason: 'Court order 2026-123' }, bearer(handler));
    expect(refused.status).toBe(403);
    const placed = await portal.api(
      'POST',
      `/cases/${held.caseId}/hold`,
      { held: true, reason: 'Court order 2026-123' },
      bearer(supervisor),
    );
    expect(placed.status).toBe(200);
    expect(placed.body.legalHold).toMatchObject({ placedBy: 'supervisor@kr-molit' });
    expect(placed.body.audit.at(-1)).toMatchObject({ action: 'case.hold_placed', actor: 'supervisor@kr-molit' });
    expect(placed.body.notes.at(-1).body).toBe('Legal hold placed: Court order 2026-123');
    expect(placed.body.auditVerified).toBe(true);
    for (const item of await itemsOf(held.caseId)) expect(item.expiresAt, `${item.SK}`).toBeUndefined();
    const again = await portal.api('POST', `/cases/${held.caseId}/hold`, { held: true, reason: 'twice' }, bearer(supervisor));
    expect(again.status).toBe(409);

    const queue = (await portal.api('GET', '/cases?status=closed&limit=100', undefined, bearer(handler))).body;
    const flags = Object.fromEntries(queue.items.map((i: { caseId: string; held: boolean }) => [i.caseId, i.held]));
    expect(flags[held.caseId]).toBe(true);
    expect(flags[withEvidence.caseId]).toBe(false);
    // The reporter sees the same page, held or not: "not before" the date stays true while a hold keeps the case.
    expect(trackResponse.parse((await track(held.code)).body).deleteAfter).toBe(placed.body.deleteAfter);
  });

  it('keeps every case before its date, then deletes all but the held one: items, evidence, /track, queue; the statistics keep counting', async () => {
    const before = await statsRow();
    expect(before).toMatchObject({ suppressed: false, total: 5, byStatus: { closed: 5 } });
    // The anchors record every case's head before any is deleted.
    await portal.anchorAudit();
    await portal.sweep(new Date(Date.now() + 9 * YEAR_MS));
    expect((await queueIds()).filter((id) => filed.some((f) => f.caseId === id))).toHaveLength(5);

    await portal.sweep(new Date(Date.now() + 11 * YEAR_MS));
    const unknown = await track(proposedCode());
    for (const { caseId, code } of filed.filter((f) => f !== held)) {
      expect(await itemsOf(caseId), caseId).toEqual([]);
      expect(await itemsOf(caseId, 'APPLICATION#'), caseId).toEqual([]);
      expect(await objectsOf(caseId)).toEqual([]);
      expect(hasKey(caseId), caseId).toBe(false);
      const answer = await track(code);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(unknown.body);
      expect((await portal.api('GET', `/cases/${caseId}`, undefined, bearer(handler))).status).toBe(404);
    }
    expect(await queueIds()).not.toContain(withEvidence.caseId);
    expect((await track(held.code)).status).toBe(200);
    expect(hasKey(held.caseId)).toBe(true);
    expect(await queueIds()).toContain(held.caseId);
    expect(await statsRow()).toEqual(before);
    // The audit verifier accepts the anchored cases the rule deleted, by their signed receipts.
    const verified = await auditVerify(trail, '--all');
    expect(verified.out).toContain('4 anchored cases were deleted by the retention rule, each with a signed receipt');
    expect(verified.code, verified.out).toBe(0);
  });

  it('deletes the held case at the next sweep once its hold is lifted', async () => {
    const lifted = await portal.api('POST', `/cases/${held.caseId}/hold`, { held: false, reason: 'Proceedings ended' }, bearer(supervisor));
    expect(lifted.status).toBe(200);
    expect(lifted.body.legalHold).toBeNull();
    expect(lifted.body.audit.at(-1)).toMatchObject({ action: 'case.hold_lifted' });
    expect((await itemsOf(held.caseId)).every((item) => typeof item.expiresAt === 'number')).toBe(true);
    await portal.sweep(new Date(Date.now() + 11 * YEAR_MS));
    expect(await itemsOf(held.caseId)).toEqual([]);
    expect(hasKey(held.caseId)).toBe(false);
    expect((await track(held.code)).status).toBe(404);
    expect(await statsRow()).toMatchObject({ total: 5, byStatus: { closed: 5 } });
  });
});
