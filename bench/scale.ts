// Section 4: the portal at the size of Korea's whole Clean Portal. Cases over a 1,042-organization pack are filed
// through the submission use case itself (the real items: sealed text and index keys; see caseSeeder.ts),
// then one organization's queue page is read: DynamoDB must scan only that page. And /config of that pack, gzipped.
// First, before anything loads the handlers' logger (quietHandlers.ts).
import './quietHandlers.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDb } from '#local/runtime/embedded/dynamodb.js';
import { TABLE_NAME } from '#local/runtime/localStorage.js';
import { buildPortalDeps } from '#composition/portalDeps.js';
import { createDocumentClient } from '#composition/awsClients.js';
import { portalEnvironment, parseEnvironment } from '#runtime/config.js';
import { submitReportRequest } from '#schemas/report.js';
import { aReport } from '../test/support/aReport.js';
import { startBenchPortal } from './benchPortal.js';
import { seedCases } from './caseSeeder.js';
import { LARGE_PACK_ORGANIZATIONS, writeLargePack } from './largePack.js';
import type { QueuePageRead, ScaleFigures } from './results.js';
import { countSdkCalls, takeSdkCalls } from './sdkCallCounter.js';

/** The queue page the agency console asks for. */
const PAGE = 25;

export async function measureScale(options: { cases: number; pageLimit?: number; log?: (line: string) => void }): Promise<ScaleFigures> {
  const limit = options.pageLimit ?? PAGE;
  const log = options.log ?? (() => undefined);
  const packsDir = mkdtempSync(join(tmpdir(), 'clean-portal-packs-'));
  writeLargePack(packsDir, 'zz', LARGE_PACK_ORGANIZATIONS);
  // In memory: DynamoDB Local on disk syncs every transaction, and 100,000 of them would take most of an hour.
  const dynamoDb = await startDynamoDb(null);
  const portal = await startBenchPortal({ packsDir, country: 'zz', dynamoDbEndpoint: dynamoDb.endpoint }).catch(async (error: unknown) => {
    await dynamoDb.stop();
    throw error;
  });
  try {
    const environment = parseEnvironment(portalEnvironment);
    const region = environment.AWS_REGION;
    const deps = await buildPortalDeps(environment);
    const organizations = deps.index.pack.organizations.map((o) => o.id);
    // "Public interest" reports under the big-amount threshold go to the organization they are about.
    const reportAbout = (n: number) =>
      submitReportRequest.parse(
        aReport({
          category: 'public-interest',
          organizationId: organizations[n % organizations.length],
          amount: { value: 1_000_000 + n, currency: 'KRW' },
        }),
      );
    const started = Date.now();
    await seedCases(deps, createDocumentClient(region, dynamoDb.endpoint), TABLE_NAME, {
      count: options.cases,
      report: reportAbout,
      progress: (filed) => log(`  filed ${filed} cases (${Math.round((Date.now() - started) / 1000)} s)`),
    });
    const seedSeconds = (Date.now() - started) / 1000;
    const target = organizations[Math.floor(organizations.length / 2)]!;
    const bearer = await portal.signIn(`handler@${target}`);
    countSdkCalls();
    const read = async (view: string, query: string): Promise<QueuePageRead> => {
      takeSdkCalls();
      const answer = await portal.api('GET', `/cases?limit=${limit}${query}`, undefined, bearer);
      if (answer.status !== 200) throw new Error(`GET /cases${query} answered ${answer.status}: ${answer.text}`);
      const calls = takeSdkCalls();
      return {
        view,
        limit,
        returned: answer.body.items.length as number,
        // Queries of the queue: the case keys a cold key cache reads for the listed titles are GetItems, one per
        // case on the page, and not what this figure is about (docs/crypto-shredding.md).
        queries: calls.filter((c) => c.service === 'DynamoDB' && c.command === 'Query').length,
        scannedCount: calls.reduce((sum, c) => sum + (c.scannedCount ?? 0), 0),
      };
    };
    const casesOfTarget =
      Math.floor(options.cases / organizations.length) + (organizations.indexOf(target) < options.cases % organizations.length ? 1 : 0);
    const queuePages = [
      await read('whole queue, overdue first', ''),
      await read('status received', '&status=received'),
      await read('overdue only', '&overdue=true'),
    ];
    const config = await configSizes(portal.url);
    return {
      cases: options.cases,
      organizations: organizations.length,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      casesOfOrganization: casesOfTarget,
      queuePages,
      config,
    };
  } finally {
    await portal.stop();
    await dynamoDb.stop();
    rmSync(packsDir, { recursive: true, force: true });
  }
}

/** `/config` of the pack in each of its languages: bytes as sent gzipped (as API Gateway and CloudFront do) and raw. */
async function configSizes(base: string): Promise<ScaleFigures['config']> {
  const sizes: ScaleFigures['config'] = [];
  for (const lang of ['ko', 'en']) {
    const raw = await fetch(`${base}/api/config?lang=${lang}`, { headers: { 'accept-encoding': 'identity' } }).then((r) => r.arrayBuffer());
    sizes.push({ lang, bytes: raw.byteLength, gzipBytes: await bytesOnTheWire(`${base}/api/config?lang=${lang}`) });
  }
  return sizes;
}

function bytesOnTheWire(url: string): Promise<number> {
  return new Promise((done, fail) => {
    request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      if (res.headers['content-encoding'] !== 'gzip') return fail(new Error(`${url} was not sent gzipped`));
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => done(bytes));
      res.on('error', fail);
    })
      .on('error', fail)
      .end();
  });
}
