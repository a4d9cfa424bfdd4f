// The citizen flow in Mongolian, on the mn pack.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runPackFlow } from './support/packFlow.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E({ country: 'mn' });
});
afterAll(() => e2e?.stop());

describe('Mongolia, in Mongolian', () => {
  it('files a report with evidence, tracks it and answers the agency', { timeout: 120_000 }, async () => {
    await runPackFlow(e2e, {
      country: 'mn',
      language: 'mn',
      report: {
        category: 'procurement',
        organizationId: 'mn-mof',
        search: 'Сангийн',
        title: 'Тендерийн шаардлагыг нэг компанид тааруулсан',
        description: 'Цэвэрлэгээний тендерийн техникийн шаардлагад зөвхөн нэг компанид байдаг машины загварыг заасан.',
        files: [{ name: 'tender.txt', mimeType: 'text/plain', buffer: Buffer.from('Тендерийн зарлал, 4.2-р хэсэг\n') }],
      },
      question: 'Энэ тендерийг хэзээ зарласан бэ?',
      answer: 'Өнгөрсөн сарын 3-нд зарласан.',
    });
  });
});
