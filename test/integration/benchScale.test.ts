// A queue page reads only its page however many cases the table holds: DynamoDB's ScannedCount for the page
// equals the page, never the organization's whole queue. Here 2 cases per organization and pages of 1.
import { describe, expect, it } from 'vitest';
import { LARGE_PACK_ORGANIZATIONS } from '../../bench/largePack.js';
import { measureScale } from '../../bench/scale.js';

describe('scale', () => {
  it('reads one page per queue request over the 1,042-organization pack, and serves its /config gzipped', {
    timeout: 240_000,
  }, async () => {
    const figures = await measureScale({ cases: 2 * LARGE_PACK_ORGANIZATIONS, pageLimit: 1 });
    expect(figures.organizations).toBe(LARGE_PACK_ORGANIZATIONS);
    expect(figures.casesOfOrganization).toBe(2);
    const [queue, byStatus, overdue] = figures.queuePages;
    expect(queue).toMatchObject({ limit: 1, returned: 1, queries: 1, scannedCount: 1 });
    expect(byStatus).toMatchObject({ limit: 1, returned: 1, queries: 1, scannedCount: 1 });
    expect(overdue).toMatchObject({ returned: 0, queries: 1, scannedCount: 0 });
    for (const config of figures.config) {
      expect(config.gzipBytes).toBeGreaterThan(0);
      expect(config.gzipBytes).toBeLessThan(config.bytes / 4);
    }
  });
});
