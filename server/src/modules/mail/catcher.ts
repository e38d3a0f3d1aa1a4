import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the development catcher received, as the dev mail page and the tests read it. */
export interface CaughtMail {
  id: number;
  receivedAt: Date;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** The Content-Language header: the recipient's language the mail was written in. */
  language: string | null;
  /** Attached files, their content as text (calendar files). */
  attachments: { filename: string; contentType: string; content: string }[];
}

/**
 * An SMTP server inside the Lentera process for development and tests (no SMTP_URL): it accepts every
 * message on 127.0.0.1 and keeps it in memory, newest last, for /dev/mail and the test kit. Never started
 * in production. `refuse` makes it answer 451 (try later), so tests can watch retries and dead letters.
 */
export class MailCatcher {
  readonly messages: CaughtMail[] = [];
  refuse = false;
  private server: SMTPServer | null = null;
  private listeners = new Set<() => void>();
  private nextId = 1;
  port = 0;

  async start(port: number): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      banner: 'Lentera development mail catcher',
      onRcptTo: (_address, _session, callback) => {
        if (!this.refuse) return callback();
        const error = Object.assign(new Error('Mail catcher refuses mail for now (test)'), { responseCode: 451 });
        callback(error);
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.messages.push({
              id: this.nextId++,
              receivedAt: new Date(),
              from: addresses(parsed.from).join(', '),
              to: addresses(parsed.to),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              language: headerText(parsed.headers.get('content-language')),
              attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content.toString('utf8') })),
            });
            for (const listener of this.listeners) listener();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    // Errors after start (a client dropping the connection) are the client's business.
    server.on('error', () => undefined);
    const address = server.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    this.server = server;
  }

  /** Resolves with the first caught message (already caught or arriving later) that matches. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs = 15_000): Promise<CaughtMail> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(match);
        if (!found) return false;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`no matching mail within ${timeoutMs} ms; caught: ${JSON.stringify(this.messages.map((m) => ({ to: m.to, subject: m.subject })))}`));
      }, timeoutMs);
      if (!check()) this.listeners.add(check);
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);
}

function headerText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
