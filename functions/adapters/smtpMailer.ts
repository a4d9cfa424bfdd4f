// Mailer over plain SMTP (nodemailer): local mode's, to the SMTP catcher `npm start` runs (maildev), whose web inbox
// shows every mail the notifier sent. Never used deployed (SES is, functions/adapters/sesMailer.ts).
import nodemailer from 'nodemailer';
import type { Mail, Mailer } from '#core/notify/ports.js';
import { guarded } from './dependencyFailure.js';

export class SmtpMailer implements Mailer {
  private readonly transport;

  constructor(
    smtp: { host: string; port: number },
    private readonly sender: string,
  ) {
    // The catcher listens on loopback without TLS or authentication.
    this.transport = nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: false, ignoreTLS: true });
  }

  async send(mail: Mail): Promise<void> {
    await guarded('mail service', () =>
      this.transport.sendMail({ from: this.sender, to: mail.to, subject: mail.subject, text: mail.text }),
    );
  }
}
