// Mailer over Amazon SES (v2 SendEmail, simple content): deployed, the notifier's only way out. The sender is the
// verified identity the stack was deployed with (`-c notifySender=`); the role may send from it and nothing else.
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mail, Mailer } from '#core/notify/ports.js';
import { guarded } from './dependencyFailure.js';

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly sender: string,
  ) {}

  async send(mail: Mail): Promise<void> {
    await guarded('mail service', () =>
      this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.sender,
          Destination: { ToAddresses: [mail.to] },
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
            },
          },
        }),
      ),
    );
  }
}
