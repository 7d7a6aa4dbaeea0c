/** Mail for intake tests: settings as a team would have them, and messages built line by line. */
import type { IntakeSettings } from '../../src/intake/ingest.js';
import type { TeamKey } from '../../src/mail/pgp.js';

export const TEAM_ADDRESS = 'cert@team.test';

export function testSettings(over: Partial<IntakeSettings> = {}, teamKey?: TeamKey): IntakeSettings {
  return {
    sender: { from: TEAM_ADDRESS, ...(teamKey ? { teamKey } : {}) },
    shortName: 'CERT-T',
    teamName: 'CERT Test',
    defaultTlp: 'AMBER+STRICT',
    autoAcknowledge: true,
    maxMessageBytes: 5 * 1024 * 1024,
    maxAttachmentBytes: 1024 * 1024,
    linkBase: 'https://vakt.team.test',
    ...over,
  };
}

export interface MailSpec {
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  headers?: string[];
  contentType?: string;
  body?: string;
}

let counter = 0;

export function mail(spec: MailSpec = {}): Buffer {
  const id = spec.messageId ?? `<m${++counter}.${Date.now()}@reporter.test>`;
  const lines = [
    `From: ${spec.from ?? 'Rita Reporter <rita@reporter.test>'}`,
    `To: ${spec.to ?? TEAM_ADDRESS}`,
    `Subject: ${spec.subject ?? 'Phishing site'}`,
    `Date: Mon, 16 Nov 2026 10:00:00 +0100`,
    `Message-ID: ${id}`,
    ...(spec.inReplyTo ? [`In-Reply-To: ${spec.inReplyTo}`, `References: ${spec.inReplyTo}`] : []),
    'MIME-Version: 1.0',
    `Content-Type: ${spec.contentType ?? 'text/plain; charset=utf-8'}`,
    ...(spec.headers ?? []),
    '',
    spec.body ?? 'A phishing page at hxxps://login-bank[.]example/verify steals credentials.\nTLP:GREEN',
  ];
  return Buffer.from(lines.join('\r\n'));
}
