// The local runtime: embedded DynamoDB- and S3-compatible servers, the same handlers as in AWS behind an
// emulated API Gateway, the S3 upload path and the web app — all on one port.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { type IncomingMessage, STATUS_CODES, type Server, type ServerResponse, createServer } from 'node:http';
import { join, resolve } from 'node:path';
import type { Socket } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readOrCreateSecretFile } from '../functions/adapters/localKeySealer.js';
import { LocalSealedEvidenceStore } from '../functions/adapters/localSealedEvidenceStore.js';
import { readOrCreateSigningKey } from '../functions/adapters/localSigningKey.js';
import { S3EvidenceStore } from '../functions/adapters/s3EvidenceStore.js';
import { notFound, payloadTooLarge, rateLimited, validationFailed } from '../functions/core/errors.js';
import { createS3Client } from '../functions/runtime/citizenDeps.js';
import { responseForError } from '../functions/runtime/middleware/errorResponse.js';
import { requireCheckedPack } from '../functions/runtime/checkedPack.js';
import { LocalAgencyAuthorizer } from './agencyAuthorizer.js';
import { lambdaContext, scheduledEvent, toProxyEvent } from './apiGatewayEvent.js';
import { removeRuntimeFile, writeRuntimeFile } from './runtimeFile.js';
import { lockDataDir } from './dataDirLock.js';
import { type DemoAccounts, ensureDemoAccounts } from './demoAccounts.js';
import { type EmbeddedServer, startDynamoDb } from './embedded/dynamodb.js';
import { freePort } from './embedded/ports.js';
import { startS3 } from './embedded/s3.js';
import { FixedWindowLimiter } from './rateLimit.js';
import { SignInAddressBackoff } from './signInAddressBackoff.js';
import type { AnchorRunResult } from '../functions/core/anchorAuditHeads.js';
import type { PublishResult } from '../functions/core/statisticsSnapshot.js';
import { type LambdaHandler, ROUTES, type SweepHandler, matchRoute } from './routes.js';
import { sealStoredEvidence } from './sealStoredEvidence.js';
import { STORAGE_PREFIX } from './storageGate/storagePath.js';
import { createStorageGate } from './storageGate/storageGate.js';
import { maybeGzip } from './compression.js';
import { securityHeaders, serveStatic } from './staticFiles.js';
import { ensureBucket, ensureTable } from './storageSetup.js';

export interface LocalPortalOptions {
  port: number;
  /** Bind address; loopback unless told otherwise. */
  host?: string;
  country: string;
  dataDir: string;
  dynamoDbEndpoint?: string;
  s3Endpoint?: string;
  /** Where request lines go ("POST /api/track 200 12 ms"); never bodies, codes or addresses. */
  requestLog?: (line: string) => void;
  rateLimitPerMinute?: number;
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
  /** The built web app (`npm run build:web`); default web/dist. */
  webRoot?: string;
  /** Where country packs live; default countries/. */
  packsDir?: string;
}

export interface LocalPortal {
  url: string;
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
  stop(): Promise<void>;
}

/** The sign-in route's handler: its failures feed the per-address backoff. */
const SIGN_IN_HANDLER = 'login';

/** Carries LocalPortal.ownRequestHeaders' secret; no deployed component knows it. */
const OWN_REQUEST_HEADER = 'x-clean-portal-own-request';

export const TABLE_NAME = 'clean-portal';
export const BUCKET_NAME = 'clean-portal-attachments';
/** Where `npm run build:web` writes the web app. */
export const WEB_ROOT = 'web/dist';
/** How often local mode runs the deadline sweep, as the EventBridge schedule does when deployed. */
const SWEEP_EVERY_MS = 60_000;
/**
 * How often local mode publishes the public statistics. Deployed, an hourly schedule does (lib/jobs.ts); locally a
 * scan costs nothing, and a trainer filing demo reports should not wait an hour to see them counted.
 */
const PUBLISH_STATS_EVERY_MS = 5 * 60_000;
/** How often local mode anchors the audit heads: daily, as deployed (lib/jobs.ts), and once at every start. */
const ANCHOR_AUDIT_EVERY_MS = 24 * 60 * 60_000;
/** API Gateway refuses payloads over 10 MB before any handler runs; the handlers enforce 64 KiB themselves. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

export async function startLocalPortal(options: LocalPortalOptions): Promise<LocalPortal> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const host = options.host ?? '127.0.0.1';
  const port = options.port === 0 ? await freePort() : options.port;
  const publicOrigin = `http://localhost:${port}`;
  const servers: EmbeddedServer[] = [];
  const stopServers = () => Promise.allSettled(servers.reverse().map((s) => s.stop()));
  // One portal per data directory: a second start refuses; one after a crash reclaims it.
  const lock = await lockDataDir(dataDir);

  try {
    // Credentials the embedded servers accept (s3rver checks signatures against these); real ones are never needed.
    process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
    process.env.AWS_REGION ??= 'us-east-1';
    // Local mode runs on Node 20 on purpose (see README); the SDK's notice about Node 22 is noise here.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const region = process.env.AWS_REGION;

    let dynamoDbEndpoint = options.dynamoDbEndpoint;
    if (!dynamoDbEndpoint) {
      const tableServer = await startDynamoDb(join(dataDir, 'dynamodb'));
      servers.push(tableServer);
      if (tableServer.processes) lock.recordTableServer(tableServer.processes);
      dynamoDbEndpoint = tableServer.endpoint;
    }
    const s3Endpoint = options.s3Endpoint ?? (servers.push(await startS3(join(dataDir, 's3'), BUCKET_NAME)), servers.at(-1)!.endpoint);

    await ensureTable(new DynamoDBClient({ region, endpoint: dynamoDbEndpoint }), TABLE_NAME);
    const s3 = createS3Client(region, s3Endpoint);
    await ensureBucket(s3, BUCKET_NAME);
    const secretsDir = join(dataDir, 'secrets');
    const evidenceKeyFile = join(secretsDir, 'evidence.key');
    const evidenceKey = readOrCreateSecretFile(evidenceKeyFile, 32);
    await sealStoredEvidence(s3, BUCKET_NAME, evidenceKey, join(secretsDir, 'evidence-sealed'));
    // The browser's only way to storage: signed uploads in, signed evidence downloads out (opened from its sealed form).
    const storageGate = createStorageGate({
      bucket: BUCKET_NAME,
      credentials: {
        accessKeyId: process.env.AWS_ACCESS_KEY_ID,
        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
        ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
        region,
      },
      evidence: new LocalSealedEvidenceStore(new S3EvidenceStore(s3, s3, BUCKET_NAME), evidenceKey),
    });

    // Agency sign-in: demo accounts and the token signing key exist before the first request.
    const authDir = join(dataDir, 'auth');
    const packsDir = resolve(options.packsDir ?? 'countries');
    // Every check country:check runs, once, before anything serves (functions only re-check the structure).
    const demoAccounts = await ensureDemoAccounts(authDir, requireCheckedPack({ COUNTRY: options.country, COUNTRY_PACKS_DIR: packsDir }), options.demoPassword);
    readOrCreateSigningKey(authDir);
    const authorizer = new LocalAgencyAuthorizer(authDir);

    // The handlers read these at module load, exactly as a deployed function reads its environment.
    Object.assign(process.env, {
      TABLE_NAME,
      BUCKET_NAME,
      COUNTRY: options.country,
      COUNTRY_PACKS_DIR: packsDir,
      PEPPER_FILE: join(secretsDir, 'pepper'),
      ENCRYPTION_KEY_FILE: join(secretsDir, 'encryption.key'),
      EVIDENCE_KEY_FILE: evidenceKeyFile,
      DYNAMODB_ENDPOINT: dynamoDbEndpoint,
      S3_ENDPOINT: s3Endpoint,
      S3_PUBLIC_ENDPOINT: `${publicOrigin}/s3`,
      LOCAL_AUTH_DIR: authDir,
    });
    const handlers = new Map<string, LambdaHandler>();
    for (const route of ROUTES) {
      const module = (await import(`../functions/handlers/${route.handler}.ts`)) as { handler: LambdaHandler };
      handlers.set(route.handler, module.handler);
    }

    // The deadline sweep, as EventBridge would invoke it: a scheduled event carrying its time.
    const sweepModule = 'sweepDeadlines';
    const sweep = ((await import(`../functions/handlers/${sweepModule}.ts`)) as { handler: SweepHandler }).handler;
    const runSweep = async () => {
      const id = randomUUID();
      try {
        await sweep(scheduledEvent(id, new Date()), lambdaContext('sweepDeadlines', id));
      } catch {
        // Logged by the handler; the next minute tries again.
      }
    };
    const sweepTimer = options.sweepEveryMs === 0 ? null : setInterval(() => void runSweep(), options.sweepEveryMs ?? SWEEP_EVERY_MS);
    sweepTimer?.unref();

    // The public statistics publisher, as its hourly EventBridge schedule would invoke it.
    const publishModule = 'publishPublicStats';
    const publisher = ((await import(`../functions/handlers/${publishModule}.ts`)) as { handler: SweepHandler }).handler;
    const publishStats = async () => {
      const id = randomUUID();
      return (await publisher(scheduledEvent(id, new Date()), lambdaContext(publishModule, id))) as PublishResult;
    };
    const runPublish = async () => {
      try {
        await publishStats();
      } catch {
        // Logged by the handler; the last snapshot stays served and the next run tries again.
      }
    };
    const publishTimer =
      options.publishStatsEveryMs === 0 ? null : setInterval(() => void runPublish(), options.publishStatsEveryMs ?? PUBLISH_STATS_EVERY_MS);
    publishTimer?.unref();

    // The audit anchor job, as its daily EventBridge schedule would invoke it.
    const anchorModule = 'anchorAuditHeads';
    const anchorer = ((await import(`../functions/handlers/${anchorModule}.ts`)) as { handler: SweepHandler }).handler;
    const anchorAudit = async () => {
      const id = randomUUID();
      return (await anchorer(scheduledEvent(id, new Date()), lambdaContext(anchorModule, id))) as AnchorRunResult;
    };
    const runAnchor = async () => {
      try {
        await anchorAudit();
      } catch {
        // Logged by the handler; the anchors already written stay, and the next run tries again.
      }
    };
    const anchorTimer =
      options.anchorAuditEveryMs === 0 ? null : setInterval(() => void runAnchor(), options.anchorAuditEveryMs ?? ANCHOR_AUDIT_EVERY_MS);
    anchorTimer?.unref();


    const limiter = new FixedWindowLimiter(options.rateLimitPerMinute ?? 20, 60_000);
    const signInBackoff = new SignInAddressBackoff();
    const ownRequestSecret = randomBytes(32).toString('base64url');
    const isOwnRequest = (req: IncomingMessage) => {
      const sent = req.headers[OWN_REQUEST_HEADER];
      return typeof sent === 'string' && sent.length === ownRequestSecret.length && timingSafeEqual(Buffer.from(sent), Buffer.from(ownRequestSecret));
    };
    const webRoot = resolve(options.webRoot ?? WEB_ROOT);
    const pageHeaders = securityHeaders([publicOrigin, `http://127.0.0.1:${port}`]);
    const log = options.requestLog ?? (() => undefined);

    const server = createServer((req, res) => {
      const started = process.hrtime.bigint();
      void dispatch(req, res).then(
        (label) => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          log(`${label.method} ${label.route} ${label.status} ${ms.toFixed(0)} ms`);
        },
        (error: Error) => {
          // Mostly a caller that went away mid-body (a dropped phone connection): the body is read before any
          // handler runs, so nothing was half-done. Close our side and keep serving everyone else.
          if (!res.headersSent) sendRefusal(res, validationFailed('The request ended before its body was complete.'));
          else res.destroy();
          log(`${req.method ?? 'GET'} (request ended early: ${error.name}) 400`);
        },
      );
    });
    // Requests Node's HTTP parser refuses before any handler sees them (headers over 16 KiB, a malformed header
    // line) get the contract's error body too, instead of Node's bare status line.
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      // As Node's own handler: answer only on a socket nothing was written to (not after a response already sent,
      // e.g. a refusal that did not read the body), else just close it.
      if (!socket.writable || (socket as Socket).bytesWritten > 0 || error.code === 'ECONNRESET') return void socket.destroy();
      const refusal =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? payloadTooLarge('The request\u2019s headers are too large.')
          : validationFailed('The request could not be read as HTTP.');
      socket.end(rawHttpAnswer(responseForError(refusal)));
      log(`(unreadable request: ${error.code ?? error.name}) ${responseForError(refusal).statusCode}`);
    });

    async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<{ method: string; route: string; status: number }> {
      const method = req.method ?? 'GET';
      let url: URL;
      try {
        url = new URL(req.url ?? '/', publicOrigin);
      } catch {
        return { method, route: '(bad url)', status: sendRefusal(res, validationFailed('The address of the request is not a valid URL.')) };
      }
      // Judged on the target as sent too: the gate refuses what URL normalization would have folded away.
      if (url.pathname.startsWith(STORAGE_PREFIX) || (req.url ?? '').startsWith(STORAGE_PREFIX)) {
        return { method, route: '/s3/{bucket}', status: await storageGate(req, res) };
      }
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        return { method, ...(await invokeApi(req, res, url)) };
      }
      if (method !== 'GET' && method !== 'HEAD') {
        return { method, route: '(static)', status: sendRefusal(res, notFound(`${method} is not served on this path.`), pageHeaders) };
      }
      return { method, route: '(static)', status: await serveStatic(webRoot, url.pathname, req, res, pageHeaders) };
    }

    async function invokeApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<{ route: string; status: number }> {
      const send = (status: number, headers: Record<string, string | number | boolean>, body: string) => {
        const type = String(Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '');
        const packed = maybeGzip(req, body, type);
        res.writeHead(status, { ...(headers as Record<string, string>), ...packed.headers }).end(packed.body);
        return status;
      };
      const sendError = (route: string, error: Parameters<typeof responseForError>[0], headers: Record<string, string> = {}) => {
        req.resume();
        const answer = responseForError(error);
        return { route, status: send(answer.statusCode, { ...answer.headers, ...headers }, answer.body) };
      };
      const match = matchRoute(req.method ?? 'GET', url.pathname.slice('/api'.length) || '/');
      if (!match.route && match.malformed) {
        return sendError('(malformed)', validationFailed('The address has a malformed percent-encoding (a % not followed by two hex digits of UTF-8).'));
      }
      if (!match.route) {
        // As API Gateway does, a method a path lacks is as unknown as a path that does not exist.
        return sendError('(unknown)', notFound(match.pathKnown ? `${req.method} is not served on this path.` : 'There is no such API path.'));
      }
      const { route, pathParameters } = match;
      const template = `/api${route.resource}`;
      const address = req.socket.remoteAddress ?? 'unknown';
      if (route.rateLimited && !isOwnRequest(req) && !limiter.take(address)) {
        return sendError(template, rateLimited('Too many requests from your connection. Wait a minute and try again.'));
      }
      const signingIn = route.handler === SIGN_IN_HANDLER;
      const signInWait = signingIn ? signInBackoff.waitMs(address) : 0;
      if (signInWait > 0) {
        const seconds = Math.ceil(signInWait / 1000);
        return sendError(template, rateLimited(`Too many failed sign-ins from your connection. Wait ${seconds} seconds and try again.`), {
          'retry-after': String(seconds),
        });
      }
      let claims: Record<string, string> | undefined;
      if (route.auth === 'agency') {
        try {
          claims = await authorizer.authorize(req.headers.authorization);
        } catch (error) {
          return sendError(template, error);
        }
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > GATEWAY_MAX_BODY) return sendError(template, payloadTooLarge('The request body is too large.'));
        chunks.push(chunk);
      }
      const event = toProxyEvent(req, url, route, pathParameters, Buffer.concat(chunks));
      if (claims) event.requestContext.authorizer = { claims };
      const result = await handlers.get(route.handler)!(event, lambdaContext(route.handler, event.requestContext.requestId));
      if (signingIn && result.statusCode === 401) signInBackoff.failed(address);
      if (signingIn && result.statusCode === 200) signInBackoff.succeeded(address);
      return { route: template, status: send(result.statusCode, result.headers ?? {}, result.body) };
    }

    await new Promise<void>((ready, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => ready());
    });
    writeRuntimeFile(dataDir, { pid: process.pid, dynamoDbEndpoint, s3Endpoint });
    void runSweep();
    // So a fresh portal has a snapshot: not awaited, since a large data dir takes a while to scan.
    void runPublish();
    // So that whatever the data dir holds is anchored from the first day, not a day after the start.
    void runAnchor();

    return {
      url: `http://localhost:${port}`,
      demoPassword: demoAccounts.password,
      demoAccounts,
      ownRequestHeaders: { [OWN_REQUEST_HEADER]: ownRequestSecret },
      async sweep(at: Date) {
        const id = randomUUID();
        await sweep(scheduledEvent(id, at), lambdaContext('sweepDeadlines', id));
      },
      publishStats,
      anchorAudit,
      async stop() {
        if (sweepTimer) clearInterval(sweepTimer);
        if (publishTimer) clearInterval(publishTimer);
        if (anchorTimer) clearInterval(anchorTimer);
        removeRuntimeFile(dataDir);
        await closeServer(server);
        await stopServers();
        lock.release();
      },
    };
  } catch (error) {
    await stopServers();
    lock.release();
    throw error;
  }
}

/** Answers with the contract's error body (the one builder, responseForError) and returns the status sent. */
function sendRefusal(res: ServerResponse, error: unknown, headers: Record<string, string> = {}): number {
  const answer = responseForError(error);
  res.writeHead(answer.statusCode, { ...headers, ...(answer.headers as Record<string, string>) }).end(answer.body);
  return answer.statusCode;
}

/** The same answer as raw HTTP/1.1, for a socket Node's server has not made a response for. */
function rawHttpAnswer(answer: ReturnType<typeof responseForError>): string {
  const headers = Object.entries({ ...(answer.headers as Record<string, string>), 'content-length': String(Buffer.byteLength(answer.body)), connection: 'close' });
  return `HTTP/1.1 ${answer.statusCode} ${STATUS_CODES[answer.statusCode] ?? ''}\r\n${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${answer.body}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}
