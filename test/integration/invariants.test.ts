// Invariants 1, 2 and 7: the tracking code, report text, contact details, the client's address and user agent
// never appear in logs nor as plaintext in stored data, and the code never travels in a URL.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#contract/routes.js';
import { type TestPortal, aReport, postFrom, proposedCode, startTestPortal, uploadFile } from './support/testPortal.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

// A loopback source address of its own, so a leak of the client's address cannot hide among 127.0.0.1 endpoints.
const CLIENT_ADDRESS = '127.0.0.77';
const USER_AGENT = 'Mozilla/5.0 (Witness-Phone-7731) Leakcheck/9.9';

const postFromClient = (path: string, body: unknown) => postFrom(portal, CLIENT_ADDRESS, path, body, { 'user-agent': USER_AGENT });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('what a report leaves behind', () => {
  const code = proposedCode();
  const secrets = {
    title: 'Deputy director Hwang skimmed the bridge fund',
    description: 'Kickbacks of 3% were paid into an account at the Hanbit savings bank every quarter since 2024.',
    location: 'Cheongju annex building, room 414',
    name: 'Seo Yeon-woo',
    email: 'seo.witness@example.org',
    phone: '+82 10 5555 0199',
    message: 'The ledger is kept in the grey cabinet behind reception.',
    fileName: 'ledger-hwang-kickbacks.pdf',
  };
  let caseId = '';

  beforeAll(async () => {
    const uploadId = await uploadFile(portal, {
      name: secrets.fileName,
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    const filed = await postFromClient(
      '/reports',
      aReport({
        trackingCode: code,
        title: secrets.title,
        description: secrets.description,
        location: secrets.location,
        anonymity: 'confidential',
        contact: { name: secrets.name, email: secrets.email, phone: secrets.phone },
        uploadIds: [uploadId],
      }),
    );
    expect(filed.status).toBe(201);
    caseId = filed.body.caseId;
    expect((await postFromClient('/track/messages', { trackingCode: code, body: secrets.message })).status).toBe(201);
    expect((await postFromClient('/track', { trackingCode: code.toLowerCase() })).status).toBe(200);
    expect((await postFromClient('/reports', aReport({ trackingCode: code, title: 'changed' }))).status).toBe(409);
  });

  const codeForms = () => [code, code.toLowerCase(), code.match(/.{4}/g)!.join('-')];

  it('logs none of the code, the text, the contact, the address or the user agent', () => {
    const logs = portal.output();
    expect(logs).toContain(caseId); // the logs did capture this case's lines
    for (const needle of [...codeForms(), ...Object.values(secrets), CLIENT_ADDRESS, USER_AGENT, 'Witness-Phone']) {
      expect(logs, `logs contain "${needle}"`).not.toContain(needle);
    }
  });

  it('stores none of them in plaintext, in the table or the attachment store', () => {
    const stored = filesUnder(portal.dataDir).filter((f) => !f.includes(`${join('secrets', '')}`));
    expect(stored.length).toBeGreaterThan(0);
    const needles = [...codeForms(), ...Object.values(secrets), CLIENT_ADDRESS, USER_AGENT];
    for (const file of stored) {
      const bytes = readFileSync(file);
      for (const needle of needles) {
        for (const encoding of ['utf8', 'utf16le'] as const) {
          expect(bytes.includes(Buffer.from(needle, encoding)), `${file} holds "${needle}" (${encoding})`).toBe(false);
        }
      }
    }
    // The case is really there: its id (derived from the code's HMAC) is stored.
    expect(stored.some((f) => readFileSync(f).includes(Buffer.from(caseId)))).toBe(true);
  });

  it('never puts the code in a URL', () => {
    for (const line of portal.requestLines) for (const form of codeForms()) expect(line).not.toContain(form);
    for (const route of ROUTES) expect(route.resource).not.toMatch(/code|track\/\{/i);
  });
});
