// The local runtime: embedded DynamoDB- and S3-compatible servers, the same handlers as in AWS behind an
// emulated API Gateway, the storage gate and the web app — all on one port. Each step is a module of its own; this
// one puts them together in order and takes them apart again.
import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { readOrCreateSigningKey } from '#adapters/localSigningKey.js';
import { readUsers } from '#adapters/localIdentity.js';
import { DynamoStaffDirectory } from '#adapters/dynamoStaffDirectory.js';
import { createDocumentClient } from '#composition/awsClients.js';
import { indexPack } from '#core/countryPackIndex.js';
import type { CountryPack } from '#schemas/countryPack.js';
import { PER_ADDRESS_LIMITS } from '#contract/abuseLimits.js';
import { securityHeaders } from '#contract/securityHeaders.js';
import { UPLOAD_PATH } from '#contract/uploadPath.js';
import type { AnchorRunResult } from '#core/anchorAuditHeads.js';
import { notFound, unavailable, validationFailed } from '#core/errors.js';
import type { PublishResult } from '#core/statisticsSnapshot.js';
import type { DailyResult } from '#core/notify/dailyRun.js';
import { type DemoAccounts, ensureDemoAccounts } from '../demo/demoAccounts.js';
import { ensureDemoStaff } from '../demo/demoStaff.js';
import { LocalAgencyAuthorizer } from './agencyAuthorizer.js';
import { loadRouteHandlers, localApiGateway } from './apiGateway.js';
import { lockDataDir } from './dataDirLock.js';
import { BUCKET_NAME, type LocalStorage, TABLE_NAME, startLocalStorage } from './localStorage.js';
import { ownRequests } from './ownRequests.js';
import { packAtStart } from './packAtStart.js';
import { type Dispatch, closeServer, createPortalServer, listen } from './portalServer.js';
import { FixedWindowLimiter } from './rateLimit.js';
import { sendRefusal } from './refusals.js';
import { removeRuntimeFile, writeRuntimeFile } from './runtimeFile.js';
import { type MailCatcher, startMailCatcher } from './mailCatcher.js';
import { startScheduledJobs } from './scheduledJobs.js';
import { type StreamHandler, type TableStream, startTableStream } from './tableStream.js';
import { API_RATE_LIMIT_WINDOW_SECONDS, RATE_LIMIT_WINDOW_SECONDS } from './settings.js';
import { SignInAddressBackoff } from './signInAddressBackoff.js';
import { serveStatic } from './staticFiles.js';
import { STORAGE_PREFIX } from './storageGate/storagePath.js';

export interface LocalPortalOptions {
  port: number;
  /** Bind address; loopback unless told otherwise. */
  host?: string;
  country: string;
  dataDir: string;
  dynamoDbEndpoint?: string;
  s3Endpoint?: string;
  /**
   * Keep the case keys in this table of the embedded DynamoDB, as deployed, instead of under secrets/case-keys: the
   * bench does, to count the key store's calls per operation. A copy of the table's data then holds the keys too.
   */
  caseKeyTable?: string;
  /** Where request lines go ("POST /api/track 200 12 ms"); never bodies, codes or addresses. */
  requestLog?: (line: string) => void;
  /** The `rateLimited` routes together, per address. @default 20 (PER_ADDRESS_LIMITS.writeAndGuess) */
  rateLimitPerMinute?: number;
  /** Every /api/* call, per address. @default 600 (PER_ADDRESS_LIMITS.api) */
  apiRateLimitPer5Minutes?: number;
  /** DEMO_PASSWORD: the demo accounts' password; generated on first start when unset. */
  demoPassword?: string;
  /** The deadline sweep's interval; 0 turns the timer off (tests invoke the sweep themselves). */
  sweepEveryMs?: number;
  /**
   * The public statistics publisher's interval (it also runs once at start); 0 turns the timer off, not the run at
   * start (tests and benchmarks publish themselves).
   */
  publishStatsEveryMs?: number;
  /**
   * The audit anchor job's interval (it also runs once at start); 0 turns the timer off, not the run at start (tests
   * and benchmarks anchor themselves).
   */
  anchorAuditEveryMs?: number;
  /**
   * Staff notifications: start the local mail catcher (maildev), read the table's stream into the notifier and run its
   * daily job. `npm start` does; tests ask for it when they look at mail (it costs a second at start).
   */
  notifications?: boolean;
  /** The stream reader's interval; 0 turns it off (tests drain it themselves). */
  streamEveryMs?: number;
  /** The notifier's daily run's interval; 0 turns it off. */
  notifyDailyEveryMs?: number;
  /** The built web app (`npm run build:web`); default web/dist. */
  webRoot?: string;
  /** Where country packs live; default countries/. */
  packsDir?: string;
}

export interface LocalPortal {
  url: string;
  /** The pack being served (a preview's with its fallback texts). */
  pack: CountryPack;
  /** The preview notice when the pack is unfinished in its texts only; empty for a finished pack. */
  packPreview: string[];
  /** The demo accounts' password, so tests (and the start-up notice) can sign in. */
  demoPassword: string;
  demoAccounts: DemoAccounts;
  /** Runs the deadline sweep as if it were `at` (the demo seeding and tests move time forward this way). */
  sweep(at: Date): Promise<void>;
  /** Publishes the public statistics snapshot now, as the schedule would (GET /stats/public then serves it). */
  publishStats(): Promise<PublishResult>;
  /**
   * Headers that mark a request as this process's own (the demo seeding files a dozen reports in a few seconds):
   * exempt from the per-address limit. The value is random per start and lives only in memory.
   */
  ownRequestHeaders: Record<string, string>;
  /** Anchors every case's audit head now, as the daily schedule would. */
  anchorAudit(): Promise<AnchorRunResult>;
  /** With `notifications`: the mail catcher's inbox, the stream read to its end, the daily run as of `at`. */
  notifications: LocalNotifications | null;
  stop(): Promise<void>;
}

export interface LocalNotifications {
  /** The web inbox showing every mail sent (maildev; its REST API under /api/email). */
  inboxUrl: string;
  /** Hands every change written so far to the notifier and waits for it. */
  drain(): Promise<void>;
  daily(at: Date): Promise<DailyResult>;
}

/** Where `npm run build:web` writes the web app. */
export const WEB_ROOT = 'web/dist';

export async function startLocalPortal(options: LocalPortalOptions): Promise<LocalPortal> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  // Port 0 (the tests): bound before anything else, so the origin the handlers are told is the port served. A port
  // picked first and bound once storage and handlers are up could be taken in between by another server.
  let serve: Dispatch | undefined;
  const server = createPortalServer((req, res) => (serve ?? notReadyYet)(req, res), options.requestLog ?? (() => undefined));
  const host = options.host ?? '127.0.0.1';
  if (options.port === 0) await listen(server, 0, host);
  try {
    const port = options.port === 0 ? (server.address() as AddressInfo).port : options.port;
    const publicOrigin = `http://localhost:${port}`;
    const packsDir = resolve(options.packsDir ?? 'countries');
    // One portal per data directory: a second start refuses; one after a crash reclaims it.
    const lock = await lockDataDir(dataDir);
    // Every check country:check runs, once, before anything starts (functions only re-check the structure); a pack
    // whose only problems are texts starts as a preview, missing texts shown in its default language. Under the lock,
    // since a preview is written into the data directory.
    let checked: ReturnType<typeof packAtStart>;
    try {
      checked = packAtStart(packsDir, options.country, dataDir);
    } catch (error) {
      lock.release();
      throw error;
    }
    const pack = indexPack(checked.pack);
    const storage = await startLocalStorage(dataDir, options, lock).catch((error: unknown) => {
      lock.release();
      throw error;
    });
    let mail: MailCatcher | undefined;
    let stream: TableStream | undefined;
    try {
      if (options.notifications) mail = await startMailCatcher();
      const authDir = join(dataDir, 'auth');
      // The demo accounts and the token signing key exist before the first request.
      const demoAccounts = await ensureDemoAccounts(authDir, pack, options.demoPassword);
      const staffDirectory = new DynamoStaffDirectory(
        createDocumentClient(process.env.AWS_REGION ?? 'us-east-1', storage.dynamoDbEndpoint),
        TABLE_NAME,
      );
      await ensureDemoStaff(staffDirectory, readUsers(authDir) ?? [], demoAccounts.created);
      readOrCreateSigningKey(authDir);
      configureHandlers({ country: options.country, packsDir: checked.packsDir, dataDir, authDir, storage, publicOrigin, mail });

      const handlers = await loadRouteHandlers();
      if (mail) {
        const notifierModule = 'notifyStaff';
        const notifier = (await import(`../../functions/handlers/${notifierModule}.ts`)) as { handler: StreamHandler };
        stream = await startTableStream({
          endpoint: storage.dynamoDbEndpoint,
          region: process.env.AWS_REGION ?? 'us-east-1',
          tableName: TABLE_NAME,
          handler: notifier.handler,
          ...(options.streamEveryMs !== undefined ? { everyMs: options.streamEveryMs } : {}),
        });
      }
      const jobs = await startScheduledJobs(options);
      const own = ownRequests();
      const invokeApi = localApiGateway(handlers, {
        authorizer: new LocalAgencyAuthorizer(authDir),
        limiter: new FixedWindowLimiter(
          options.rateLimitPerMinute ?? PER_ADDRESS_LIMITS.writeAndGuess.requests,
          RATE_LIMIT_WINDOW_SECONDS * 1000,
        ),
        apiLimiter: new FixedWindowLimiter(
          options.apiRateLimitPer5Minutes ?? PER_ADDRESS_LIMITS.api.requests,
          API_RATE_LIMIT_WINDOW_SECONDS * 1000,
        ),
        signInBackoff: new SignInAddressBackoff(),
        ownRequests: own,
      });
      const webRoot = resolve(options.webRoot ?? WEB_ROOT);
      const pageHeaders = securityHeaders([publicOrigin, `http://127.0.0.1:${port}`]);

      async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<{ method: string; route: string; status: number }> {
        const method = req.method ?? 'GET';
        let url: URL;
        try {
          url = new URL(req.url ?? '/', publicOrigin);
        } catch {
          return {
            method,
            route: '(bad url)',
            status: sendRefusal(res, validationFailed('The address of the request is not a valid URL.')),
          };
        }
        // Judged on the target as sent too: the gate refuses what URL normalization would have folded away.
        if (url.pathname.startsWith(STORAGE_PREFIX) || (req.url ?? '').startsWith(STORAGE_PREFIX)) {
          return { method, route: '/s3/{bucket}', status: await storage.storageGate(req, res) };
        }
        // The browser's attachment upload, on the portal's own origin as deployed (lib/edge.ts forwards it to the
        // bucket with the path rewritten to `/`): here the storage gate takes it as a POST to the bucket.
        if (url.pathname === UPLOAD_PATH && method === 'POST') {
          req.url = `${STORAGE_PREFIX}${BUCKET_NAME}`;
          return { method, route: UPLOAD_PATH, status: await storage.storageGate(req, res) };
        }
        if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
          return { method, ...(await invokeApi(req, res, url)) };
        }
        if (method !== 'GET' && method !== 'HEAD') {
          return { method, route: '(static)', status: sendRefusal(res, notFound(`${method} is not served on this path.`), pageHeaders) };
        }
        return { method, route: '(static)', status: await serveStatic(webRoot, url.pathname, req, res, pageHeaders) };
      }

      serve = dispatch;
      if (options.port !== 0) await listen(server, port, host);
      writeRuntimeFile(dataDir, { pid: process.pid, dynamoDbEndpoint: storage.dynamoDbEndpoint, s3Endpoint: storage.s3Endpoint });
      // The sweep, a statistics snapshot for a fresh portal, and anchors for whatever the data dir holds: not awaited,
      // since a large data dir takes a while to scan.
      jobs.runAllOnce();

      return {
        url: publicOrigin,
        pack: checked.pack,
        packPreview: checked.preview,
        demoPassword: demoAccounts.password,
        demoAccounts,
        ownRequestHeaders: own.headers,
        sweep: jobs.sweep,
        publishStats: jobs.publishStats,
        anchorAudit: jobs.anchorAudit,
        notifications:
          mail && stream && jobs.notifyDaily ? { inboxUrl: mail.inboxUrl, drain: stream.drain, daily: jobs.notifyDaily } : null,
        async stop() {
          await jobs.stop();
          await stream?.stop();
          removeRuntimeFile(dataDir);
          await closeServer(server);
          await storage.stop();
          await mail?.stop();
          lock.release();
        },
      };
    } catch (error) {
      await stream?.stop();
      await storage.stop();
      await mail?.stop();
      lock.release();
      throw error;
    }
  } catch (error) {
    if (server.listening) await closeServer(server);
    throw error;
  }
}

/** What the reserved port answers while the portal is still starting (nobody has been told its address yet). */
async function notReadyYet(req: IncomingMessage, res: ServerResponse): Promise<{ method: string; route: string; status: number }> {
  return { method: req.method ?? 'GET', route: '(starting)', status: sendRefusal(res, unavailable('The portal is still starting.')) };
}

/** The environment the handlers read at module load, exactly as a deployed function reads its own. */
function configureHandlers(at: {
  country: string;
  packsDir: string;
  dataDir: string;
  authDir: string;
  storage: Omit<LocalStorage, 'storageGate' | 'stop'>;
  publicOrigin: string;
  mail: MailCatcher | undefined;
}): void {
  const secretsDir = join(at.dataDir, 'secrets');
  Object.assign(process.env, {
    TABLE_NAME,
    BUCKET_NAME,
    COUNTRY: at.country,
    COUNTRY_PACKS_DIR: at.packsDir,
    PEPPER_FILE: join(secretsDir, 'pepper'),
    // The audit trail's MAC key: a file of its own beside the pepper's, never the pepper (functions/core/auditMac.ts).
    AUDIT_MAC_KEY_FILE: join(secretsDir, 'audit-mac.key'),
    // The filing receipts' signing key, a P-256 private JWK (docs/receipts.md).
    RECEIPT_KEY_FILE: join(secretsDir, 'receipt-key.private.jwk'),
    ENCRYPTION_KEY_FILE: at.storage.encryptionKeyFile,
    EVIDENCE_KEY_FILE: at.storage.evidenceKeyFile,
    // The case keys, apart from the table's and the bucket's files (docs/crypto-shredding.md).
    CASE_KEYS_DIR: at.storage.caseKeysDir,
    DYNAMODB_ENDPOINT: at.storage.dynamoDbEndpoint,
    S3_ENDPOINT: at.storage.s3Endpoint,
    S3_PUBLIC_ENDPOINT: `${at.publicOrigin}/s3`,
    UPLOAD_URL: UPLOAD_PATH,
    LOCAL_AUTH_DIR: at.authDir,
  });
  // Set or cleared, never inherited: a portal started from a process that ran one with a key table (the bench
  // starting `npm start`) must not look for that table in its own storage.
  if (at.storage.caseKeyTable) process.env.CASE_KEY_TABLE = at.storage.caseKeyTable;
  else delete process.env.CASE_KEY_TABLE;
  // The notifier's: the mail catcher's SMTP port and the console its links open; set or cleared, never inherited.
  if (at.mail) {
    Object.assign(process.env, {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(at.mail.smtpPort),
      CONSOLE_URL: `${at.publicOrigin}/agency.html`,
    });
  } else {
    for (const name of ['SMTP_HOST', 'SMTP_PORT', 'CONSOLE_URL']) delete process.env[name];
  }
}
