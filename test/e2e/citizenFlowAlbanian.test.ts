// The citizen flow in Albanian, on the Kosovo (xk) pack.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runPackFlow } from './support/packFlow.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E({ country: 'xk' });
});
afterAll(() => e2e?.stop());

describe('Kosovo, in Albanian', () => {
  it('files a report with evidence, tracks it and answers the agency', { timeout: 120_000 }, async () => {
    await runPackFlow(e2e, {
      country: 'xk',
      language: 'sq',
      report: {
        category: 'procurement',
        organizationId: 'xk-mfpt',
        search: 'financave',
        title: 'Tenderi u shkrua për një kompani të vetme',
        description: 'Kërkesat teknike të tenderit për pastrim përmendin një model makine që e ka vetëm një kompani.',
        files: [{ name: 'tenderi.txt', mimeType: 'text/plain', buffer: Buffer.from('Njoftimi i tenderit, seksioni 4.2\n') }],
      },
      question: 'Kur u shpall ky tender?',
      answer: 'U shpall më 3 të muajit të kaluar.',
    });
  });
});
