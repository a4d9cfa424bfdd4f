// The composition root of the notifier: the staff directory, the held notices and the due list over the table, the
// pack's mail texts, and a mailer: SES deployed, SMTP to the local catcher in `npm start`. Nothing else: no pepper,
// no case-text or audit key, no bucket.
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDeadlineList } from '#adapters/dynamoDeadlineList.js';
import { DynamoNoticeStore } from '#adapters/dynamoNoticeStore.js';
import { DynamoStaffDirectory } from '#adapters/dynamoStaffDirectory.js';
import { SesMailer } from '#adapters/sesMailer.js';
import type { DailyDeps } from '#core/notify/dailyRun.js';
import { mailTexts } from '#core/notify/mailText.js';
import type { Mail, Mailer } from '#core/notify/ports.js';
import { type NotifyEnvironment, notifyEnvironment, parseEnvironment } from '#runtime/config.js';
import { createDocumentClient } from './awsClients.js';
import { loadPackIndex } from './packIndex.js';

export function buildNotifyDeps(env: NotifyEnvironment): DailyDeps {
  const table = createDocumentClient(env.AWS_REGION, env.DYNAMODB_ENDPOINT);
  const { pack } = loadPackIndex(env);
  const mailer: Mailer =
    env.mode === 'local'
      ? smtpMailerOnFirstUse({ host: env.SMTP_HOST, port: env.SMTP_PORT }, env.NOTIFY_SENDER)
      : new SesMailer(new SESv2Client({ region: env.AWS_REGION }), env.NOTIFY_SENDER);
  return {
    staff: new DynamoStaffDirectory(table, env.TABLE_NAME),
    notices: new DynamoNoticeStore(table, env.TABLE_NAME),
    deadlines: new DynamoDeadlineList(table, env.TABLE_NAME),
    mailer,
    texts: mailTexts(pack.strings, pack.country.languages),
    consoleUrl: env.CONSOLE_URL,
    organizationIds: pack.organizations.map((o) => o.id),
    clock: { now: () => new Date() },
  };
}

/**
 * Local mode's SMTP mailer, loaded when the first mail goes: nodemailer stays out of the deployed bundle (it is
 * external there, lib/bundleSettings.ts) and out of every cold start.
 */
function smtpMailerOnFirstUse(smtp: { host: string; port: number }, sender: string): Mailer {
  let loaded: Promise<Mailer> | undefined;
  return {
    async send(mail: Mail) {
      loaded ??= import('#adapters/smtpMailer.js').then(({ SmtpMailer }) => new SmtpMailer(smtp, sender));
      await (await loaded).send(mail);
    },
  };
}

let shared: DailyDeps | undefined;

/** Built once per process from the environment (a Lambda cold start, or the local runtime). */
export function notifyDeps(): DailyDeps {
  shared ??= buildNotifyDeps(parseEnvironment(notifyEnvironment));
  return shared;
}
