// Isolation (invariant 3) as a matrix: role × endpoint × whose case, every cell with its expected status. A case
// of another organization answers 404 on every route, for every role — except oversight on a case escalated to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext, scheduledEvent } from '#local/runtime/apiGatewayEvent.js';
import { type TestPortal, bearer, fileReport, signIn, startTestPortal, uploadFile } from './support/testPortal.js';

let portal: TestPortal;
const tokens: Record<string, string> = {};
const USERS = { handler: 'handler@kr-molit', supervisor: 'supervisor@kr-molit', oversight: 'oversight@kr-acrc' } as const;
type Role = keyof typeof USERS;
type Whose = 'own' | 'other' | 'escalated';

/** Files a case for the cell: routed to the role's organization, to another one, or to another one and escalated. */
async function caseFor(role: Role, whose: Whose): Promise<{ caseId: string; attachmentId: string }> {
  const home =
    role === 'oversight'
      ? { category: 'corruption', organizationId: 'kr-molit' }
      : { category: 'code-of-conduct', organizationId: 'kr-molit' };
  const elsewhere = { category: 'code-of-conduct', organizationId: 'kr-moef' };
  const uploadId = await uploadFile(portal, { name: 'note.txt', contentType: 'text/plain', bytes: Buffer.from('evidence') });
  const report = await fileReport(portal, { ...(whose === 'own' ? home : elsewhere), uploadIds: [uploadId] });
  const owner = await signIn(
    portal,
    whose === 'own' && role === 'oversight' ? 'handler@kr-acrc' : whose === 'own' ? 'handler@kr-molit' : 'handler@kr-moef',
  );
  const detail = (await portal.api('GET', `/cases/${report.caseId}`, undefined, bearer(owner))).body;
  return { caseId: report.caseId, attachmentId: detail.attachments[0].id };
}

type Call = readonly [method: string, path: string, body: unknown];
type Endpoint = 'view' | 'update' | 'message' | 'transfer' | 'attachment';
const ENDPOINTS: Record<Endpoint, (c: { caseId: string; attachmentId: string }) => Call> = {
  view: (c: { caseId: string }) => ['GET', `/cases/${c.caseId}`, undefined],
  update: (c: { caseId: string }) => ['PATCH', `/cases/${c.caseId}`, { status: 'acknowledged', publicNote: 'Received.' }],
  message: (c: { caseId: string }) => ['POST', `/cases/${c.caseId}/messages`, { body: 'A question.' }],
  transfer: (c: { caseId: string }) => ['POST', `/cases/${c.caseId}/transfer`, { organizationId: 'kr-mof', reason: 'Wrong queue.' }],
  attachment: (c: { caseId: string; attachmentId: string }) => ['GET', `/cases/${c.caseId}/attachments/${c.attachmentId}`, undefined],
};

const EXPECTED: Record<Role, Record<Whose, Record<Endpoint, number>>> = {
  handler: {
    own: { view: 200, update: 200, message: 201, transfer: 403, attachment: 200 },
    other: { view: 404, update: 404, message: 404, transfer: 404, attachment: 404 },
    escalated: { view: 404, update: 404, message: 404, transfer: 404, attachment: 404 },
  },
  supervisor: {
    own: { view: 200, update: 200, message: 201, transfer: 200, attachment: 200 },
    other: { view: 404, update: 404, message: 404, transfer: 404, attachment: 404 },
    escalated: { view: 404, update: 404, message: 404, transfer: 404, attachment: 404 },
  },
  oversight: {
    own: { view: 200, update: 200, message: 201, transfer: 200, attachment: 200 },
    other: { view: 404, update: 404, message: 404, transfer: 404, attachment: 404 },
    escalated: { view: 200, update: 200, message: 201, transfer: 200, attachment: 200 },
  },
};

const cells = (Object.keys(EXPECTED) as Role[]).flatMap((role) =>
  (['own', 'other', 'escalated'] as Whose[]).flatMap((whose) =>
    (Object.keys(ENDPOINTS) as Endpoint[]).map((endpoint) => ({ role, whose, endpoint, status: EXPECTED[role][whose][endpoint] })),
  ),
);
const cases = new Map<string, { caseId: string; attachmentId: string }>();

beforeAll(async () => {
  portal = await startTestPortal();
  for (const [role, username] of Object.entries(USERS)) tokens[role] = await signIn(portal, username);
  // The escalated cells' cases are filed first and swept as of just after their acknowledge deadline, which is
  // before that of every case filed afterwards: only they are escalated.
  const escalatedFirst = [...cells].sort((a, b) => Number(b.whose === 'escalated') - Number(a.whose === 'escalated'));
  let swept = false;
  for (const cell of escalatedFirst) {
    if (cell.whose !== 'escalated' && !swept) {
      await sweepJustAfterLastDeadline();
      swept = true;
    }
    cases.set(`${cell.role}/${cell.whose}/${cell.endpoint}`, await caseFor(cell.role, cell.whose));
  }
}, 240_000);

async function sweepJustAfterLastDeadline() {
  const escalated = [...cases.values()];
  const owner = await signIn(portal, 'handler@kr-moef');
  const deadlines = await Promise.all(
    escalated.map(async (c) => Date.parse((await portal.api('GET', `/cases/${c.caseId}`, undefined, bearer(owner))).body.acknowledgeBy)),
  );
  const { handler } = (await import('#handlers/sweepDeadlines.js')) as {
    handler: (event: ReturnType<typeof scheduledEvent>, context: ReturnType<typeof lambdaContext>) => Promise<{ overdue: number }>;
  };
  const result = await handler(scheduledEvent('matrix', new Date(Math.max(...deadlines) + 1)), lambdaContext('sweepDeadlines', 'matrix'));
  expect(result.overdue).toBe(escalated.length);
}
afterAll(async () => {
  await portal?.stop();
});

describe('role × endpoint × whose case', () => {
  it.each(cells)('$role on $whose case: $endpoint → $status', async ({ role, whose, endpoint, status }) => {
    const [method, path, body] = ENDPOINTS[endpoint](cases.get(`${role}/${whose}/${endpoint}`)!);
    const answer = await portal.api(method, path, body, bearer(tokens[role]!));
    expect(answer.status).toBe(status);
    if (status === 404) {
      expect(answer.body.error.code).toBe('NOT_FOUND');
      // Nothing of the case leaks in a refusal.
      expect(answer.text).not.toMatch(/kr-moef|code-of-conduct|Permit officer/);
    }
  });
});

describe('queues and statistics', () => {
  it('lists only the caller’s organization, and escalations only for oversight', async () => {
    const molit = (await portal.api('GET', '/cases?limit=100', undefined, bearer(tokens.handler!))).body;
    expect(molit.items.length).toBeGreaterThan(0);
    expect(molit.items.every((i: { organizationId: string }) => i.organizationId === 'kr-molit')).toBe(true);
    expect((await portal.api('GET', '/cases?escalated=true', undefined, bearer(tokens.supervisor!))).status).toBe(403);
    const escalations = (await portal.api('GET', '/cases?escalated=true&limit=100', undefined, bearer(tokens.oversight!))).body;
    expect(escalations.items.length).toBeGreaterThanOrEqual(5);
    expect(escalations.items.every((i: { escalated: boolean }) => i.escalated)).toBe(true);
    for (const role of Object.keys(USERS)) expect((await portal.api('GET', '/stats', undefined, bearer(tokens[role]!))).status).toBe(200);
  });

  it('refuses every agency route without a valid token', async () => {
    const someCase = cases.get('handler/own/view')!.caseId;
    for (const headers of [{}, { authorization: 'Bearer nonsense' }, { authorization: `Basic ${tokens.handler}` }] as Record<
      string,
      string
    >[]) {
      for (const [method, path] of [
        ['GET', '/cases'],
        ['GET', `/cases/${someCase}`],
        ['GET', '/stats'],
        ['PATCH', `/cases/${someCase}`],
      ] as const) {
        const answer = await portal.api(method, path, method === 'PATCH' ? { status: 'acknowledged' } : undefined, headers);
        expect(answer.status, `${method} ${path}`).toBe(401);
        expect(answer.body.error.code).toBe('UNAUTHENTICATED');
      }
    }
  });
});
