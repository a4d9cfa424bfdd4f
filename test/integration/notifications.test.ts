// Staff notifications through the local runtime (issue 16): the table's stream read into the notifier, mail sent over
// SMTP to the local catcher (maildev) and read back from its REST API. A new case, a reporter's reply, an assignment,
// a deadline two days away and the daily digest each reach the right people, and no mail carries a word of a report.
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalNotifications } from '#local/runtime/localPortal.js';
import { ensureTable } from '#local/runtime/storageSetup.js';
import { type TestPortal, aReport, bearer, proposedCode, signIn, startTestPortal } from './support/testPortal.js';

interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  to: { address: string }[];
}

let portal: TestPortal;
let mail: LocalNotifications;
beforeAll(async () => {
  portal = await startTestPortal({ notifications: true });
  mail = portal.notifications!;
});
afterAll(async () => {
  await portal?.stop();
});

/** Every mail the catcher showed during the run: the last test reads them all for the report's words. */
const everything = new Map<string, CaughtMail>();

/** Every mail caught since the last clearing, after the notifier has seen every change written so far. */
async function inbox(): Promise<CaughtMail[]> {
  await mail.drain();
  const answer = await fetch(new URL('api/email', mail.inboxUrl));
  expect(answer.status).toBe(200);
  const mails = (await answer.json()) as CaughtMail[];
  for (const m of mails) everything.set(m.id, m);
  return mails;
}
const clear = async () => {
  await inbox();
  await fetch(new URL('api/email/all', mail.inboxUrl), { method: 'DELETE' });
};
const recipients = (mails: CaughtMail[]) => mails.flatMap((m) => m.to.map((t) => t.address)).sort();
beforeEach(clear);

const HANDLER = 'handler@kr-molit';
const SUPERVISOR = 'supervisor@kr-molit';
const address = (username: string) => `${username}.example`;
/** The reporter's words: none of them may appear in any mail. */
const REPORT = {
  title: 'Permit officer asked for cash in envelope 7731',
  description: 'Officer Kim Jae-won of the Sejong office asked for an envelope before approving permit 7731.',
  location: 'Sejong regional office, floor 3',
  contact: { name: 'Reporter Name Lee', email: 'reporter.lee@mail.example', phone: '+82-10-5555-7731' },
};
const REPLY = 'Here is the receipt number 99-REPLY-TEXT you asked for.';

async function file(): Promise<{ caseId: string; trackingCode: string; acknowledgeBy: string; organizationId: string }> {
  const trackingCode = proposedCode();
  const answer = await portal.api(
    'POST',
    '/reports',
    aReport({ trackingCode, category: 'solicitation-graft', anonymity: 'confidential', ...REPORT }),
  );
  expect(answer.status, answer.text).toBe(201);
  return {
    caseId: answer.body.caseId,
    trackingCode,
    acknowledgeBy: answer.body.acknowledgeBy,
    organizationId: answer.body.organization.id,
  };
}

/** A supervisor assigns the case (POST /cases/{caseId}/assignment, docs/assignment.md). */
async function assign(caseId: string, username: string): Promise<void> {
  const token = await signIn(portal, SUPERVISOR);
  const answer = await portal.api('POST', `/cases/${caseId}/assignment`, { assignee: username }, bearer(token));
  expect(answer.status, answer.text).toBe(200);
}

describe('staff notifications, caught by the local mail catcher', () => {
  let filed: Awaited<ReturnType<typeof file>>;
  const link = () => `${portal.url}/agency.html#/cases/${filed.caseId}`;

  it('a new case: every member of its organization, in Korean, with a link to the case and nothing else', async () => {
    filed = await file();
    expect(filed.organizationId).toBe('kr-molit');
    const mails = await inbox();
    expect(recipients(mails)).toEqual([address(HANDLER), address(SUPERVISOR)]);
    for (const m of mails) {
      expect(m.subject).toBe('기관 신고함에 새 사건이 들어왔습니다');
      expect(m.text).toContain(link());
    }
  });

  it('a reporter’s reply with nobody assigned: the organization’s staff', async () => {
    const answer = await portal.api('POST', '/track/messages', { trackingCode: filed.trackingCode, body: REPLY });
    expect(answer.status, answer.text).toBe(201);
    const mails = await inbox();
    expect(recipients(mails)).toEqual([address(HANDLER), address(SUPERVISOR)]);
    expect(mails[0]!.subject).toBe('신고자가 답변했습니다');
  });

  it('an assignment: that handler alone; then a reply goes to them alone', async () => {
    await assign(filed.caseId, HANDLER);
    let mails = await inbox();
    expect(recipients(mails)).toEqual([address(HANDLER)]);
    expect(mails[0]!.subject).toBe('사건이 배정되었습니다');
    expect(mails[0]!.text).toContain(link());
    await clear();
    expect((await portal.api('POST', '/track/messages', { trackingCode: filed.trackingCode, body: REPLY })).status).toBe(201);
    mails = await inbox();
    expect(recipients(mails)).toEqual([address(HANDLER)]);
  });

  it('the daily run: a deadline two days away reminds the assignee; an unassigned case’s reminds the supervisors', async () => {
    const unassigned = await file();
    await clear();
    // As if the run were a day and a half before the acknowledgement deadline of both cases.
    const at = new Date(Date.parse(filed.acknowledgeBy) - 36 * 60 * 60 * 1000);
    const result = await mail.daily(at);
    expect(result.reminded).toBeGreaterThanOrEqual(2);
    const mails = (await inbox()).filter((m) => m.subject === '기한이 이틀 남았습니다');
    const about = (caseId: string) => recipients(mails.filter((m) => m.text.includes(`#/cases/${caseId}`)));
    expect(about(filed.caseId)).toEqual([address(HANDLER)]);
    expect(about(unassigned.caseId)).toEqual([address(SUPERVISOR)]);
    // A run two weeks earlier finds neither deadline in its window.
    await clear();
    await mail.daily(new Date(Date.parse(filed.acknowledgeBy) - 14 * 24 * 60 * 60 * 1000));
    expect((await inbox()).filter((m) => m.text.includes(filed.caseId) || m.text.includes(unassigned.caseId))).toEqual([]);
  });

  it('the daily digest: a member who chose it gets nothing at once, then one mail listing the links, once', async () => {
    const token = await signIn(portal, HANDLER);
    const before = await portal.api('GET', '/staff/me', undefined, bearer(token));
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ username: HANDLER, organizationId: 'kr-molit', role: 'handler', hasEmail: true, digest: false });
    const chosen = await portal.api('PATCH', '/staff/me', { digest: true }, bearer(token));
    expect(chosen.status, chosen.text).toBe(200);
    expect(chosen.body.digest).toBe(true);

    const first = await file();
    const second = await file();
    expect(recipients(await inbox())).toEqual([address(SUPERVISOR), address(SUPERVISOR)]);

    await mail.daily(new Date());
    const digests = (await inbox()).filter((m) => m.subject === '오늘의 알림');
    expect(recipients(digests)).toEqual([address(HANDLER)]);
    expect(digests[0]!.text).toContain(`/agency.html#/cases/${first.caseId}`);
    expect(digests[0]!.text).toContain(`/agency.html#/cases/${second.caseId}`);
    // Sent once: the next run has nothing held for them.
    await clear();
    await mail.daily(new Date());
    expect((await inbox()).filter((m) => m.subject === '오늘의 알림')).toEqual([]);

    expect((await portal.api('PATCH', '/staff/me', { digest: false }, bearer(token))).body.digest).toBe(false);
  });

  it('the settings refuse bad input and strangers', async () => {
    const token = await signIn(portal, SUPERVISOR);
    const bad = await portal.api('PATCH', '/staff/me', { digest: 'yes' }, bearer(token));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect((await portal.api('PATCH', '/staff/me', { digest: true, email: 'x@y.example' }, bearer(token))).status).toBe(400);
    expect((await portal.api('GET', '/staff/me')).status).toBe(401);
  });

  it('no mail carries the report’s title, description, category, location, contact or the reporter’s reply', async () => {
    expect(everything.size).toBeGreaterThanOrEqual(10);
    const words = [
      REPORT.title,
      REPORT.description,
      REPORT.location,
      ...Object.values(REPORT.contact),
      REPLY,
      'solicitation',
      '7731',
      'Sejong',
    ];
    for (const m of everything.values()) {
      for (const word of words) expect(`${m.subject}\n${m.text}`, m.subject).not.toContain(word);
    }
    // Nor does any log line name an address the notifier wrote to.
    expect(portal.output()).not.toContain('.example');
  });
});

describe('a data directory from before the stream', () => {
  it('gets the stream turned on at start', async () => {
    const client = new DynamoDBClient({ region: 'us-east-1', endpoint: process.env.DYNAMODB_ENDPOINT });
    await client.send(
      new CreateTableCommand({
        TableName: 'before-the-stream',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
      }),
    );
    const streamOf = async () =>
      (await client.send(new DescribeTableCommand({ TableName: 'before-the-stream' }))).Table?.StreamSpecification;
    expect(await streamOf()).toBeUndefined();
    await ensureTable(client, 'before-the-stream');
    expect(await streamOf()).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    client.destroy();
  });
});
