import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  language: string | null;
}

export interface SmtpCapture {
  url: string;
  messages: CapturedMail[];
  /** Messages to this address. */
  to(address: string): CapturedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server in this process (smtp-server), parsing what it receives with mailparser.
 * `refuse`: recipients it answers with a permanent error, to test retries and dead letters.
 */
export async function startSmtpCapture(
  options: { refuse?: (address: string) => boolean; port?: number } = {},
): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, done) {
      if (options.refuse?.(address.address)) return done(new Error('550 mailbox unavailable'));
      done();
    },
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          const to = [mail.to ?? []]
            .flat()
            .flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
          const html = typeof mail.html === 'string' ? mail.html : '';
          messages.push({
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html,
            messageId: mail.messageId ?? '',
            language: /<html lang="([^"]+)"/.exec(html)?.[1] ?? null,
          });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => m.to.includes(address.toLowerCase())),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
