// A mail says there is something to see and links to it: built from a notice's kind and case id only, in the
// country's first language, from every shipped pack's strings. A case change's report fields never reach it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBRecord } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { loadCountryPack } from '#adapters/countryPackFiles.js';
import { caseChangesOf } from '#adapters/caseStreamRecords.js';
import { CASE_SK } from '#adapters/dynamoCaseStore.js';
import { CASE_ITEM_SK } from '#contract/tableDesign.js';
import { caseLink, digestMail, MAIL_TEXT_KEYS, mailTexts, noticeMail } from '#core/notify/mailText.js';
import { NOTICE_KINDS, noticesOfChange } from '#core/notify/notices.js';

const PACKS = readdirSync('countries').filter((code) => /^[a-z]{2}$/.test(code));

describe('mail texts', () => {
  it.each(PACKS)('pack %s: every mail text exists in the country’s first language', (code) => {
    const pack = loadCountryPack(join(process.cwd(), 'countries'), code);
    const first = pack.country.languages[0]!;
    for (const key of MAIL_TEXT_KEYS) expect(pack.strings[first]?.[key], `${code}/${first} ${key}`).toMatch(/\S/);
  });

  it('Korean staff get Korean mail', () => {
    const pack = loadCountryPack(join(process.cwd(), 'countries'), 'kr');
    const mail = noticeMail(mailTexts(pack.strings, pack.country.languages), 'https://p.example/agency.html', {
      kind: 'reply',
      caseId: 'C-1',
    });
    expect(mail.subject).toBe(pack.strings.ko!['agency.notify.mail.reply.subject']);
    expect(mail.text).toContain('https://p.example/agency.html#/cases/C-1');
  });

  it('the link is the console’s case route, the id encoded', () => {
    expect(caseLink('https://p.example/agency.html', 'a/b c')).toBe('https://p.example/agency.html#/cases/a%2Fb%20c');
  });
});

describe('no report field reaches a mail', () => {
  const REPORT = {
    category: 'bribery-category-xyz',
    title: 'Secret title of the report',
    description: 'The description says who paid whom',
    sealedReport: 'sealed-blob-abc',
    sealedContact: 'sealed-contact-def',
    contactSharedWith: 'kr-molit',
    location: 'Sejong city hall',
  };
  const image = (over: Record<string, unknown>) =>
    marshall({
      PK: 'CASE#C-1',
      SK: 'CASE',
      caseId: 'C-1',
      organizationId: 'kr-molit',
      whistleblowerMessages: 0,
      ...REPORT,
      ...over,
    }) as never;
  const record = (eventName: 'INSERT' | 'MODIFY', oldImage: unknown, newImage: unknown): DynamoDBRecord => ({
    eventName,
    dynamodb: {
      Keys: marshall({ PK: 'CASE#C-1', SK: 'CASE' }) as never,
      SequenceNumber: '1',
      ...(oldImage ? { OldImage: oldImage as never } : {}),
      NewImage: newImage as never,
    },
  });

  it('a stream record’s images are reduced to the case’s facts', () => {
    const [change] = caseChangesOf([record('MODIFY', image({}), image({ assignee: 'mina', whistleblowerMessages: 1 }))]);
    expect(change!.after).toEqual({ caseId: 'C-1', organizationId: 'kr-molit', assignee: 'mina', whistleblowerMessages: 1, dueAt: null });
    expect(Object.keys(change!.before!).sort()).toEqual(['assignee', 'caseId', 'dueAt', 'organizationId', 'whistleblowerMessages']);
  });

  it('the stream filter’s sort key is the case store’s', () => {
    expect(CASE_ITEM_SK).toBe(CASE_SK);
  });

  it('items other than the case item are skipped', () => {
    const message = { ...record('INSERT', null, image({})), dynamodb: { Keys: marshall({ PK: 'CASE#C-1', SK: 'MESSAGE#1' }) as never } };
    expect(caseChangesOf([message])).toEqual([]);
  });

  it.each(NOTICE_KINDS)('%s mail and the digest: fixed words and the link only', (kind) => {
    const pack = loadCountryPack(join(process.cwd(), 'countries'), 'kr');
    const t = mailTexts(pack.strings, ['en']);
    const changes = caseChangesOf([record('INSERT', null, image({ assignee: 'mina' }))]);
    const notices = changes.flatMap((c) => noticesOfChange(c.before, c.after));
    const mails = [
      noticeMail(t, 'https://p.example/agency.html', { kind, caseId: 'C-1' }),
      digestMail(t, 'https://p.example/agency.html', notices),
    ];
    for (const mail of mails) {
      for (const value of Object.values(REPORT)) {
        if (value === 'kr-molit') continue;
        expect(`${mail.subject}\n${mail.text}`).not.toContain(value);
      }
    }
  });
});
