// Local mode's mail: maildev, a real SMTP server that keeps every mail it is sent and shows them in a web inbox,
// started on free loopback ports. The notifier sends to it over SMTP exactly as it would to any server; nothing leaves
// the machine (no relay is configured).
import { MailDev } from 'maildev';
import { freePort } from './embedded/ports.js';

export interface MailCatcher {
  smtpPort: number;
  /** The web inbox, e.g. http://127.0.0.1:41234/ (its REST API under /api/email). */
  inboxUrl: string;
  stop(): Promise<void>;
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const [smtp, web] = [await freePort(), await freePort()];
  const catcher = new MailDev({ smtp, web, ip: '127.0.0.1', webIp: '127.0.0.1', silent: true });
  // Its web server announces its address with console.info whatever `silent` says; the portal prints the inbox itself,
  // once, with its other addresses (and tests print nothing).
  const info = console.info;
  console.info = () => undefined;
  try {
    await catcher.start();
  } finally {
    console.info = info;
  }
  return {
    smtpPort: smtp,
    inboxUrl: `http://127.0.0.1:${web}/`,
    stop: () => catcher.stop(),
  };
}
