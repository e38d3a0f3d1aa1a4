import nodemailer, { type Transporter } from 'nodemailer';
import type { MailSettings } from '../../shared/config/config.js';
import type { Locale } from '../../shared/i18n/messages.js';

/** A message ready to send, already written in the recipient's language. */
export interface OutgoingMail {
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  html: string;
  /** Files sent along, e.g. a run's calendar file (text/calendar). */
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * nodemailer over SMTP: to SMTP_URL when set, otherwise to the development catcher on 127.0.0.1 (in this
 * process, or the server's when this is a separate worker). Without either (production without SMTP_URL)
 * sending fails, so mail jobs fail visibly into the dead letters instead of vanishing.
 */
export function createMailer(settings: MailSettings, opts: { production: boolean; catcherPort: number | null }): Mailer {
  let transport: Transporter | null = null;
  if (settings.smtpUrl) transport = nodemailer.createTransport(settings.smtpUrl);
  else if (!opts.production && opts.catcherPort) {
    transport = nodemailer.createTransport({ host: '127.0.0.1', port: opts.catcherPort, secure: false, ignoreTLS: true });
  }
  return {
    async send(mail) {
      if (!transport) throw new Error('SMTP_URL is not set: Lentera cannot send e-mail');
      await transport.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.attachments ? { attachments: mail.attachments } : {}),
        headers: { 'Content-Language': mail.locale },
      });
    },
    close() {
      transport?.close();
    },
  };
}
