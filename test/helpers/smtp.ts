/** A real SMTP server on a loopback port that keeps what it is sent and can be told to refuse. */
import { SMTPServer } from 'smtp-server';
import { freePort } from './dovecot.js';

export interface SmtpPeer {
  port: number;
  received: Array<{ from: string; to: string[]; raw: Buffer }>;
  /** Answer every message with this SMTP code instead of accepting it. */
  refuseWith?: number;
  close(): Promise<void>;
}

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const port = await freePort();
  const peer: SmtpPeer = { port, received: [], close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (peer.refuseWith) return callback(Object.assign(new Error('refused by test'), { responseCode: peer.refuseWith }));
        peer.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  peer.close = () => new Promise((resolve) => server.close(() => resolve()));
  return peer;
}
