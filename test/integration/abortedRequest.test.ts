// A caller that goes away mid-body (a phone losing its connection during a submission) must not take the local
// portal down: the request ends, nothing reaches a handler, and everyone else is still served.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPortal, startTestPortal } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal?.stop());

describe('a request abandoned mid-body', () => {
  it('is dropped, and the portal keeps answering', async () => {
    const { port } = new URL(portal.url);
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((done, fail) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(
            'POST /api/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"category":',
          );
          setTimeout(() => socket.destroy(), 100);
        });
        socket.on('close', () => done());
        socket.on('error', fail);
      });
    }
    // Give the server a moment to notice; an unhandled rejection would fail this run.
    await new Promise((done) => setTimeout(done, 300));
    expect((await portal.api('GET', '/config?lang=en')).status).toBe(200);
    expect(portal.requestLines.filter((l) => l.includes('request ended early'))).toHaveLength(3);
    expect(portal.requestLines.some((l) => l.startsWith('POST /api/reports 201'))).toBe(false);
  });
});
