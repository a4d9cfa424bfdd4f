// DEMO=1: a training copy is seeded, through the API, with made-up cases in every status a trainer wants to show.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCountryPack } from '#adapters/countryPackFiles.js';
import { openAuditTrail } from '#local/cli/auditVerifyCommand.js';
import { seedDemoCases } from '#local/demo/demoCases.js';
import { bearer, signIn, startTestPortal, type TestPortal } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  // The limit `npm start` enforces: a dozen reports and their agency steps in a few seconds must still seed.
  portal = await startTestPortal({ rateLimitPerMinute: 20 });
});
afterAll(() => portal?.stop());

describe('demo cases', () => {
  it('cover every status, an overdue escalation, a transfer, a conversation, evidence and a head report', {
    timeout: 120_000,
  }, async () => {
    const pack = loadCountryPack(resolve('countries'), 'kr');
    const seeded = await seedDemoCases(portal, pack, portal.dataDir);
    expect(seeded.cases).toBe(10);
    const codes = readFileSync(seeded.codesFile, 'utf8')
      .split('\n')
      .filter((l) => /^[0-9A-Z]{4}-/.test(l))
      .map((l) => l.slice(0, 19));
    expect(codes).toHaveLength(10);

    const tracked = await Promise.all(codes.map(async (trackingCode) => (await portal.api('POST', '/track', { trackingCode })).body));
    const statuses = new Set(tracked.map((t) => t.status));
    for (const status of ['received', 'acknowledged', 'in_review', 'investigating', 'closed']) expect(statuses).toContain(status);
    expect(tracked.some((t) => t.timeline.some((e: { status: string }) => e.status === 'transferred'))).toBe(true);
    expect(
      tracked.some(
        (t) =>
          t.messages.some((m: { from: string }) => m.from === 'agency') &&
          t.messages.some((m: { from: string }) => m.from === 'whistleblower'),
      ),
    ).toBe(true);
    expect(tracked.some((t) => t.attachments.length === 1)).toBe(true);

    // The overdue case is escalated to the oversight body, which also holds the head-of-organization report.
    const oversight = await signIn(portal, 'oversight@kr-acrc');
    const escalated = await portal.api('GET', '/cases?escalated=true', undefined, bearer(oversight));
    expect(escalated.body.items.map((i: { title: string; overdue: boolean }) => [i.title, i.overdue])).toContainEqual([
      'Inspector asked for cash to pass a building inspection',
      true,
    ]);
    const own = await portal.api('GET', '/cases?limit=100', undefined, bearer(oversight));
    expect(own.body.items.map((i: { title: string }) => i.title)).toContain('The head of the organization hired a family member');

    // The seeding's own requests left the per-address budget alone.
    expect((await portal.api('POST', '/track', { trackingCode: codes[0] })).status).toBe(200);

    // The public statistics count them at once: the seeding publishes rather than wait for the next scheduled run.
    const statistics = (await portal.api('GET', '/stats/public')).body;
    const rows = statistics.organizations.flatMap((o: { categories: unknown[] }) => o.categories);
    expect(rows.length).toBeGreaterThan(0);

    // And their audit heads are anchored at once, so a trainer can show a cut chain being caught.
    const trail = await openAuditTrail({ dataDir: portal.dataDir, region: 'us-east-1' });
    try {
      expect((await trail.deps.anchors.latestRoot())?.cases).toBe(10);
    } finally {
      await trail.close();
    }
  });
});
