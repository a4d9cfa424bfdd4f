// GET /stats/public through the local runtime, against DynamoDB Local: reports filed and closed through the API, the
// publisher run as its schedule would run it, then the public snapshot — exact counts where a row has 5 cases or
// more, nothing but `suppressed: true` below that, and nothing about any case itself.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gzipSync } from 'node:zlib';
import { MAX_SNAPSHOT_BYTES, DynamoStatisticsStore } from '#adapters/dynamoStatisticsStore.js';
import { type CaseSummary, publicStatistics } from '#core/publicStatistics.js';
import { PUBLIC_STATS_MINIMUM_CASES } from '#contract/limits.js';
import { createDocumentClient } from '#composition/awsClients.js';
import { type PublicStatistics, publicStatisticsResponse } from '#schemas/publicStats.js';
import { type TestPortal, bearer, fileReport, signIn, startTestPortal } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const get = async (path = '/stats/public', headers: Record<string, string> = {}) => {
  const answer = await portal.api('GET', path, undefined, headers);
  return { ...answer, statistics: answer.status === 200 ? (publicStatisticsResponse.parse(answer.body) as PublicStatistics) : null };
};

describe('GET /stats/public', () => {
  it('serves the snapshot a fresh portal publishes at start, without sign-in', async () => {
    // The run at start is not awaited by startLocalPortal; it finishes within moments on an empty table.
    await vi.waitFor(async () => expect((await get()).statistics?.asOf).not.toBeNull(), { timeout: 20_000, interval: 200 });
    const { statistics, headers } = await get();
    expect(statistics).toMatchObject({ minimumCases: PUBLIC_STATS_MINIMUM_CASES, organizations: [] });
    // The handler lets CloudFront keep it 5 minutes (`public, max-age=300`); the browser is told no-store, as the
    // edge's response headers policy tells it (lib/edge.ts, local/runtime/apiGateway.ts).
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('content-type')).toMatch(/^application\/json/);
  });

  describe('after reports are filed, worked and published', () => {
    const filed: Record<string, any>[] = [];
    const secrets: string[] = [];
    let before: string;

    beforeAll(async () => {
      before = new Date().toISOString();
      const report = async (organizationId: string, n: number) => {
        const title = `Stats probe title ${organizationId} ${n} ${Math.random().toString(36).slice(2)}`;
        const description = `Stats probe description ${organizationId} ${n} ${Math.random().toString(36).slice(2)}`;
        secrets.push(title, description);
        filed.push({ ...(await fileReport(portal, { category: 'code-of-conduct', organizationId, title, description })), organizationId });
      };
      // Six to one organization (a row that is shown), three to another (suppressed).
      for (let i = 0; i < 6; i++) await report('kr-molit', i);
      for (let i = 0; i < 3; i++) await report('kr-moef', i);
      expect(filed.map((f) => f.organization.id)).toEqual([...Array(6).fill('kr-molit'), ...Array(3).fill('kr-moef')]);

      const molit = await signIn(portal, 'handler@kr-molit');
      // Five of the six closed: enough for a median; the sixth acknowledged.
      for (const [i, c] of filed.slice(0, 6).entries()) {
        expect((await portal.api('PATCH', `/cases/${c.caseId}`, { status: 'acknowledged' }, bearer(molit))).status).toBe(200);
        if (i < 5) {
          const closed = await portal.api(
            'PATCH',
            `/cases/${c.caseId}`,
            { status: 'closed', resolution: 'unsubstantiated' },
            bearer(molit),
          );
          expect(closed.status).toBe(200);
        }
      }
      const moef = await signIn(portal, 'handler@kr-moef');
      expect((await portal.api('PATCH', `/cases/${filed[6]!.caseId}`, { status: 'acknowledged' }, bearer(moef))).status).toBe(200);
    });

    it('does not change until the publisher runs', async () => {
      expect((await get()).statistics!.organizations).toEqual([]);
    });

    it('publishes every case, once, as of the run', async () => {
      const result = await portal.publishStats();
      expect(result).toMatchObject({ cases: 9, organizations: 2, outcome: 'saved' });
      expect(result.asOf >= before).toBe(true);
      expect((await get()).statistics!.asOf).toBe(result.asOf);
    });

    it('shows exact counts by status and the median days to close for a row of six', async () => {
      const { statistics } = await get();
      const molit = statistics!.organizations.find((o) => o.organizationId === 'kr-molit');
      const byStatus = { received: 0, acknowledged: 1, in_review: 0, investigating: 0, transferred: 0, closed: 5 };
      expect(molit).toEqual({
        organizationId: 'kr-molit',
        suppressed: false,
        total: 6,
        byStatus,
        // Closed within the test run: zero days.
        medianDaysToClose: 0,
        categories: [{ category: 'code-of-conduct', suppressed: false, total: 6, byStatus, medianDaysToClose: 0 }],
      });
    });

    it('shows only `suppressed: true` for an organization with three cases', async () => {
      const { statistics, text } = await get();
      const moef = statistics!.organizations.find((o) => o.organizationId === 'kr-moef');
      expect(moef).toEqual({
        organizationId: 'kr-moef',
        suppressed: true,
        categories: [{ category: 'code-of-conduct', suppressed: true }],
      });
      // Not in the raw answer either (the schema would strip an unknown key, the wire would not).
      const raw = (JSON.parse(text) as { organizations: Record<string, unknown>[] }).organizations.find(
        (o) => o.organizationId === 'kr-moef',
      );
      expect(raw).toEqual(moef);
      expect(statistics!.organizations.map((o) => o.organizationId)).toEqual(['kr-moef', 'kr-molit']);
    });

    it('carries nothing about any case: no case id, tracking code, title or text', async () => {
      const { text } = await get();
      for (const c of filed) {
        expect(text).not.toContain(c.caseId);
        expect(text).not.toContain(c.trackingCode);
        expect(text).not.toContain(String(c.trackingCode).replaceAll('-', ''));
      }
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toContain('Stats probe');
    });

    it('never writes a case detail to the logs while publishing or serving', () => {
      const output = portal.output();
      for (const c of filed) expect(output).not.toContain(String(c.trackingCode).replaceAll('-', ''));
      for (const secret of secrets) expect(output).not.toContain(secret);
      expect(portal.requestLines.some((line) => /^GET \/api\/stats\/public 200 /.test(line))).toBe(true);
    });

    it('ignores the query string and any Authorization header, and leaves GET /stats to signed-in staff', async () => {
      const plain = await get();
      const queried = await get('/stats/public?lang=ko&organizationId=kr-moef&debug=1');
      expect(queried.status).toBe(200);
      expect(queried.text).toBe(plain.text);
      const withToken = await get('/stats/public', { authorization: 'Bearer not-a-token' });
      expect(withToken.status).toBe(200);
      expect(withToken.text).toBe(plain.text);
      expect((await portal.api('GET', '/stats')).status).toBe(401);
    });

    it('answers other methods as an unknown route (404 NOT_FOUND), as API Gateway does', async () => {
      for (const method of ['POST', 'PATCH']) {
        const answer = await portal.api(method, '/stats/public', {});
        expect(answer.status, method).toBe(404);
        expect(answer.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: [] } });
      }
    });

    it('counts a case in its new organization after a transfer, at the next publication', async () => {
      const supervisor = await signIn(portal, 'supervisor@kr-molit');
      const moved = await portal.api(
        'POST',
        `/cases/${filed[5]!.caseId}/transfer`,
        { organizationId: 'kr-moef', reason: 'Theirs.' },
        bearer(supervisor),
      );
      expect(moved.status).toBe(200);
      await portal.publishStats();
      const { statistics } = await get();
      // kr-molit keeps five (all closed); kr-moef now has four, still suppressed.
      expect(statistics!.organizations.find((o) => o.organizationId === 'kr-molit')).toMatchObject({
        total: 5,
        byStatus: { closed: 5, acknowledged: 0 },
      });
      expect(statistics!.organizations.find((o) => o.organizationId === 'kr-moef')).toMatchObject({ suppressed: true });
    });
  });
});

describe('the snapshot item (DynamoStatisticsStore on DynamoDB Local)', () => {
  const store = () => new DynamoStatisticsStore(createDocumentClient('us-east-1', process.env.DYNAMODB_ENDPOINT), process.env.TABLE_NAME!);

  it('holds the statistics of 1,042 organizations × 12 categories, all shown, well within one item', async () => {
    const records: CaseSummary[] = [];
    for (let o = 0; o < 1042; o++) {
      for (let c = 0; c < 12; c++) {
        for (let i = 0; i < 5 + ((o + c) % 7); i++) {
          const createdAt = new Date(Date.UTC(2025, 0, 1) + (o * 12 + c + i) * 3_600_000).toISOString();
          const closed = i % 2 === 0;
          records.push({
            organizationId: `org-${String(o).padStart(4, '0')}`,
            category: `category-${c}`,
            status: closed ? 'closed' : 'in_review',
            createdAt,
            closedAt: closed ? new Date(Date.parse(createdAt) + (i * 37 + o) * 3_600_000).toISOString() : null,
          });
        }
      }
    }
    const statistics = publicStatistics(records, new Date());
    const compressed = gzipSync(JSON.stringify(statistics)).length;
    expect(compressed).toBeLessThan(MAX_SNAPSHOT_BYTES / 2);
    expect(await store().saveSnapshot({ ...statistics, asOf: statistics.asOf! })).toBe('saved');
    // A fresh store (a cold function) reads it back whole.
    expect(await store().loadSnapshot()).toEqual(statistics);
    const answer = await get();
    expect(answer.statistics!.organizations).toHaveLength(1042);
  });

  it('keeps the newer snapshot when an older run finishes last', async () => {
    const current = (await store().loadSnapshot())!;
    const older = { ...publicStatistics([], new Date(Date.parse(current.asOf!) - 60_000)) };
    expect(await store().saveSnapshot({ ...older, asOf: older.asOf! })).toBe('superseded');
    expect((await store().loadSnapshot())!.asOf).toBe(current.asOf);
  });
});
