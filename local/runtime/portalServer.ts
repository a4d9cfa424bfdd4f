// The one HTTP server of `npm start`: every request goes to `dispatch`, one line per request goes to the log
// (method, route template, status, time: never bodies, codes or addresses), and what Node's parser refuses before
// any dispatch gets the contract's error body instead of a bare status line.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { payloadTooLarge, validationFailed } from '#core/errors.js';
import { rawHttpRefusal, sendRefusal } from './refusals.js';

export type Dispatch = (req: IncomingMessage, res: ServerResponse) => Promise<{ method: string; route: string; status: number }>;

export function createPortalServer(dispatch: Dispatch, log: (line: string) => void): Server {
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
  // Headers over 16 KiB, a malformed header line: Node refuses them before any handler sees them.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // As Node's own handler: answer only on a socket nothing was written to (not after a response already sent,
    // e.g. a refusal that did not read the body), else just close it.
    if (!socket.writable || (socket as Socket).bytesWritten > 0 || error.code === 'ECONNRESET') return void socket.destroy();
    const refusal = rawHttpRefusal(
      error.code === 'HPE_HEADER_OVERFLOW'
        ? payloadTooLarge('The request\u2019s headers are too large.')
        : validationFailed('The request could not be read as HTTP.'),
    );
    socket.end(refusal.text);
    log(`(unreadable request: ${error.code ?? error.name}) ${refusal.statusCode}`);
  });
  return server;
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ready());
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}
