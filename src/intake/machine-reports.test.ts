import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedbackRsit, readMachineReport, type DeliveryReport, type FeedbackReport } from './machine-reports.js';

const fixture = (name: string, messageId = '<ours-1@team.test>'): Buffer =>
  Buffer.from(
    readFileSync(new URL(`../../test/fixtures/mail/machine/${name}`, import.meta.url), 'utf8').replace('{{MESSAGE_ID}}', messageId),
  );

function arf(name: string): FeedbackReport {
  const report = readMachineReport(fixture(name));
  if (report?.format !== 'arf') throw new Error(`${name} was not read as ARF`);
  return report;
}

function dsn(name: string): DeliveryReport {
  const report = readMachineReport(fixture(name));
  if (report?.format !== 'dsn') throw new Error(`${name} was not read as a DSN`);
  return report;
}

describe('feedback reports (ARF)', () => {
  it('reads the RFC 5965 example: every field, repeated ones kept, the returned message', () => {
    expect(arf('arf-rfc5965.eml')).toEqual({
      format: 'arf',
      feedbackType: 'abuse',
      userAgent: 'SomeGenerator/1.0',
      version: '1',
      sourceIp: '192.0.2.1',
      arrivalDate: 'Thu, 8 Mar 2005 14:00:00 EDT',
      reportedDomains: ['example.net'],
      reportedUris: ['http://example.net/earn_money.html', 'mailto:user@example.com'],
      originalMailFrom: 'somespammer@example.net',
      originalRcptTo: ['user@example.com'],
      authenticationResults: ['mail.example.com; spf=fail smtp.mail=somespammer@example.com'],
      incidents: null,
      returned: {
        messageId: '<8787KJKJ3K4J3K4J3K4J3.mail@example.net>',
        from: '<somespammer@example.net>',
        to: '<Undisclosed Recipients>',
        subject: 'Earn money',
        date: 'Thu, 02 Sep 2004 12:31:03 -0500',
      },
      problems: [],
    });
  });

  it('reads an RFC 6591 authentication-failure report: bracketed IPv6, folded Authentication-Results, returned headers only', () => {
    const report = arf('arf-auth-failure-rfc6591.eml');
    expect(report).toMatchObject({
      feedbackType: 'auth-failure',
      sourceIp: '2001:db8::25',
      reportedDomains: ['sender.example'],
      originalMailFrom: 'bounce@sender.example',
      returned: { messageId: '<spoof-77@sender.example>', subject: 'Your account' },
      problems: [],
    });
    expect(report.authenticationResults[0]).toMatch(/dkim=fail reason="signature verification failed" header\.d=sender\.example; spf=fail/);
    expect(feedbackRsit(report.feedbackType)).toEqual({ rsitClass: 'fraud', rsitType: 'masquerade' });
  });

  it('decodes a base64 feedback part and reads Incidents as a number; the returned message is an attachment', () => {
    expect(arf('arf-fbl-base64.eml')).toMatchObject({
      feedbackType: 'abuse',
      sourceIp: '203.0.113.45',
      incidents: 12,
      originalRcptTo: ['victim@mailprovider.example'],
      reportedDomains: ['shop.stockholm.example.se'],
      returned: { messageId: '<bf-2026-1@shop.stockholm.example.se>', subject: 'Black Friday!!!' },
    });
  });

  it('suggests an RSIT type per feedback type, and none for an opt-out', () => {
    expect(feedbackRsit(arf('arf-opt-out.eml').feedbackType)).toBeNull();
    expect(feedbackRsit('abuse')).toEqual({ rsitClass: 'abusive-content', rsitType: 'spam' });
    expect(feedbackRsit('virus')).toEqual({ rsitClass: 'malicious-code', rsitType: 'malware-distribution' });
    expect(feedbackRsit('fraud')).toEqual({ rsitClass: 'fraud', rsitType: 'phishing' });
    expect(feedbackRsit('not-spam')).toBeNull();
  });
});

describe('delivery status notifications (DSN)', () => {
  it('reads a Postfix bounce: the failed recipient, its folded diagnostic, the returned Message-ID', () => {
    expect(dsn('dsn-postfix-failed.eml')).toEqual({
      format: 'dsn',
      reportingMta: 'mx.hosting.example.se',
      recipients: [
        {
          recipient: 'noc@hosting.example.se',
          action: 'failed',
          status: '5.1.1',
          diagnostic: 'smtp; 550 5.1.1 <noc@hosting.example.se>: Recipient address rejected: User unknown',
        },
      ],
      outcome: 'failed',
      returned: {
        messageId: '<ours-1@team.test>',
        from: 'cert@team.test',
        to: 'noc@hosting.example.se',
        subject: '[TLP:AMBER] [CERT-T] notification',
        date: 'Wed, 18 Nov 2026 10:00:00 +0100',
      },
      problems: [],
    });
  });

  it('a delay is a delay, not a failure', () => {
    expect(dsn('dsn-delayed.eml')).toMatchObject({
      outcome: 'delayed',
      recipients: [{ recipient: 'soc@hosting.example.se', action: 'delayed', status: '4.4.7' }],
      returned: { messageId: '<ours-1@team.test>' },
    });
  });

  it('one failed recipient among delivered ones makes a failure; nested multipart text is skipped', () => {
    const report = dsn('dsn-exchange-multi.eml');
    expect(report.outcome).toBe('failed');
    expect(report.recipients.map((r) => [r.recipient, r.action])).toEqual([
      ['ciso@corp.example.com', 'delivered'],
      ['gone@corp.example.com', 'failed'],
    ]);
  });

  it('reads message/global-delivery-status (RFC 6533)', () => {
    expect(dsn('dsn-unmatched.eml')).toMatchObject({
      outcome: 'failed',
      recipients: [{ recipient: 'anvandare@exempel.se', action: 'failed', status: '5.7.1' }],
      returned: { messageId: '<forged-123@spammer.example>' },
    });
  });

  it('takes the status class where the Action is missing, and names what is wrong', () => {
    const raw = Buffer.from(
      [
        'Content-Type: multipart/report; report-type=delivery-status; boundary=b',
        '',
        '--b',
        'Content-Type: message/delivery-status',
        '',
        'Status: 4.2.2',
        '',
        'Final-Recipient: rfc822; full@x.example',
        'Action: bounced-ish',
        'Status: 5.2.2',
        '--b--',
      ].join('\r\n'),
    );
    const report = readMachineReport(raw) as DeliveryReport;
    expect(report.outcome).toBe('failed');
    expect(report.problems).toEqual(['unknown Action "bounced-ish"']);
  });
});

describe('hostile machine reports', () => {
  it('is not a machine report unless the top level is multipart/report', () => {
    expect(
      readMachineReport(Buffer.from('Subject: Feedback-Type: abuse\r\n\r\nFeedback-Type: abuse\r\nSource-IP: 1.2.3.4')),
    ).toBeUndefined();
    expect(readMachineReport(Buffer.from('Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nx\r\n--b--'))).toBeUndefined();
  });

  it('a truncated ARF is still read as far as it goes, with what is missing named', () => {
    const whole = fixture('arf-rfc5965.eml').toString('latin1');
    const cut = whole.slice(0, whole.indexOf('Source-IP:'));
    const report = readMachineReport(Buffer.from(cut, 'latin1')) as FeedbackReport;
    expect(report).toMatchObject({ format: 'arf', feedbackType: 'abuse', sourceIp: null, returned: null });
    const empty = readMachineReport(
      Buffer.from('Content-Type: multipart/report; report-type=feedback-report; boundary=b\r\n\r\n--b--'),
    ) as FeedbackReport;
    expect(empty.problems).toEqual(['no message/feedback-report part']);
    expect(empty.feedbackType).toBe('other');
  });

  it('bounds what it keeps: thousands of fields, huge values, deep nesting, bad base64', () => {
    const fields = Array.from({ length: 5000 }, (_, i) => `Reported-Uri: http://x${i}.example/${'a'.repeat(5000)}`).join('\r\n');
    const nested = Array.from({ length: 10 }, (_, i) => `--n${i}\r\nContent-Type: multipart/mixed; boundary=n${i + 1}\r\n\r\n`).join('');
    const raw = Buffer.from(
      [
        'Content-Type: multipart/report; report-type=feedback-report; boundary=n0',
        '',
        nested,
        '--n0',
        'Content-Type: message/feedback-report',
        '',
        'Feedback-Type: <script>alert(1)</script>',
        'Incidents: 99999999999999999999',
        fields,
        '--n0',
        'Content-Type: message/rfc822',
        'Content-Transfer-Encoding: base64',
        '',
        '!!!not base64!!!',
        '--n0--',
      ].join('\r\n'),
    );
    const report = readMachineReport(raw) as FeedbackReport;
    expect(report.reportedUris.length).toBeLessThanOrEqual(50);
    expect(Math.max(...report.reportedUris.map((u) => u.length))).toBeLessThanOrEqual(2000);
    expect(report.incidents).toBeNull();
    expect(report.feedbackType).toBe('other');
    expect(report.returned).toEqual({ messageId: null, from: null, to: null, subject: null, date: null });
    expect(report.problems).toContain('Feedback-Type "<script>alert(1)</script>" is not registered: read as "other"');
  });
});
