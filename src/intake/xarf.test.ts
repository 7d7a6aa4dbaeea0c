import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMachineReport } from './machine-reports.js';
import type { XarfReport } from './xarf.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../test/fixtures/mail/xarf/${name}`, import.meta.url));

function xarfOf(raw: Buffer): XarfReport {
  const report = readMachineReport(raw);
  if (report?.format !== 'xarf') throw new Error(`expected an X-ARF report, got ${report?.format ?? 'nothing'}`);
  return report;
}

describe('X-ARF reports', () => {
  it('reads XARF v4 from the JSON part of a Feedback-Type: xarf report, valid against its type schema', () => {
    const report = xarfOf(fixture('xarf-v4-arf-login-attack.eml'));
    expect(report).toMatchObject({
      version: '4.0.0',
      category: 'connection',
      type: 'login_attack',
      sourceIp: '203.0.113.45',
      sourcePort: 51422,
      destinationIp: '198.51.100.7',
      destinationPort: 22,
      date: '2026-11-20T03:14:07Z',
      reporter: 'Honeynet Nordic abuse-reports@honeynet.example',
      reportId: '3f8e6a52-7d1c-4b9a-9a1e-2c5d4f6b7a80',
      checkedAgainst: 'https://xarf.org/schemas/v4/types/connection-login-attack.json',
      suggestion: { rsitClass: 'intrusion-attempts', rsitType: 'brute-force' },
      problems: [],
    });
    // The evidence stays in the raw mail; the stored facts name its size.
    expect(JSON.stringify(report.document)).toMatch(/"payload":"\[\d+ characters, kept in the raw mail\]"/);
  });

  it('reads a v4 JSON attachment in a plain multipart/mixed mail (UTF-8, IPv6 source) and a JSON body in quoted-printable', () => {
    const spam = xarfOf(fixture('xarf-v4-json-attachment.eml'));
    expect(spam).toMatchObject({ type: 'spam', sourceIp: '2001:db8:5::25', suggestion: { rsitType: 'spam' }, problems: [] });
    expect((spam.document as { subject: string }).subject).toBe('Ränta 0 % – bara idag');
    const phishing = xarfOf(fixture('xarf-v4-json-body.eml'));
    expect(phishing).toMatchObject({
      category: 'content',
      type: 'phishing',
      url: 'https://login-bank.shop.example/secure/',
      checkedAgainst: 'https://xarf.org/schemas/v4/types/content-phishing.json',
      suggestion: { rsitClass: 'fraud', rsitType: 'phishing' },
      problems: [],
    });
  });

  it('names every schema violation of an invalid v4 report and still reads what it can', () => {
    const report = xarfOf(fixture('xarf-v4-invalid.eml'));
    expect(report.sourceIp).toBe('203.0.113.99');
    expect(report.sourcePort).toBe(22);
    expect(report.suggestion).toEqual({ rsitClass: 'information-gathering', rsitType: 'scanner' });
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^xarf_version: /),
        expect.stringMatching(/^report_id: /),
        expect.stringMatching(/^timestamp: /),
        expect.stringMatching(/^sender: /),
        expect.stringMatching(/^reporter\.domain: /),
        expect.stringMatching(/^source_port: /),
        expect.stringMatching(/^protocol: /),
      ]),
    );
  });

  it('reads v3 against the legacy schema, and abusix’s version 2 by its field names', () => {
    expect(xarfOf(fixture('xarf-v3.eml'))).toMatchObject({
      version: '3',
      type: 'Login-Attack',
      sourceIp: '203.0.113.45',
      destinationPort: 22,
      checkedAgainst: 'https://xarf.org/schemas/v3/xarf-v3-legacy.json',
      suggestion: { rsitClass: 'intrusion-attempts', rsitType: 'brute-force' },
      problems: [],
    });
    expect(xarfOf(fixture('xarf-abusix-v2.eml'))).toMatchObject({
      version: '2',
      category: 'Activity',
      type: 'Spam',
      sourceIp: '192.0.2.55',
      sourcePort: 54321,
      checkedAgainst: expect.stringMatching(/no schema ships for version "2"/),
      problems: [],
    });
  });

  it('reads the YAML of X-ARF 0.2 in the second part of an X-ARF: YES mail', () => {
    expect(xarfOf(fixture('xarf-0.2-yaml.eml'))).toMatchObject({
      version: '0.2',
      category: 'abuse',
      type: 'login-attack',
      sourceIp: '203.0.113.45',
      sourcePort: 22,
      reporter: 'xarf-reports@hoster.example',
      reportId: '1234567@hoster',
      suggestion: { rsitClass: 'intrusion-attempts', rsitType: 'brute-force' },
      problems: [],
    });
  });

  it('flags what it cannot read: cut-off JSON, hostile YAML (aliases, tags), a JSON that is no X-ARF', () => {
    expect(xarfOf(fixture('xarf-truncated.eml')).problems).toEqual(['the JSON part is not valid JSON (cut off, or not UTF-8)']);
    const hostile = xarfOf(fixture('xarf-0.2-yaml-hostile.eml'));
    expect(hostile.problems).toEqual(['no X-ARF document (JSON or YAML) in the mail']);
    const notXarf = Buffer.from('From: a@b.example\nSubject: x\nX-ARF: YES\nContent-Type: application/json\n\n{"hello": "world"}\n');
    expect(xarfOf(notXarf).problems).toEqual(['the JSON part is neither XARF v4 (xarf_version) nor v3 (Version, ReporterInfo, Report)']);
  });

  it('checks a CVE report against its type schema: a real CVSS vector passes, a missing port is named', () => {
    const report = (extra: object) =>
      Buffer.from(
        `From: scan@vulnscan.example\nSubject: CVE\nContent-Type: application/json\n\n${JSON.stringify({
          xarf_version: '4.2.0',
          report_id: '901b2345-c678-40d1-a234-567890123456',
          timestamp: '2026-11-20T09:20:30Z',
          reporter: { org: 'Scanner', contact: 'security@vulnscan.example', domain: 'vulnscan.example' },
          sender: { org: 'Scanner', contact: 'security@vulnscan.example', domain: 'vulnscan.example' },
          source_identifier: '203.0.113.75',
          category: 'vulnerability',
          type: 'cve',
          service: 'Apache HTTP Server',
          cve_id: 'CVE-2021-41773',
          cvss_vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N',
          ...extra,
        })}\n`,
      );
    expect(xarfOf(report({ service_port: 80 }))).toMatchObject({
      checkedAgainst: 'https://xarf.org/schemas/v4/types/vulnerability-cve.json',
      suggestion: { rsitClass: 'vulnerable', rsitType: 'vulnerable-system' },
      problems: [],
    });
    expect(xarfOf(report({})).problems).toEqual([expect.stringMatching(/^service_port: /)]);
  });

  // Each type schema the project ships, with a report that satisfies it and the one field that, when missing, must be named.
  const seen = { protocol: 'tcp', first_seen: '2026-11-20T09:00:00Z', source_port: 51515 };
  const TYPES: Array<[string, string, object, string]> = [
    ['connection', 'auth_failure', seen, 'first_seen'],
    ['connection', 'ddos_amplification', seen, 'protocol'],
    ['connection', 'reconnaissance', { ...seen, probed_resources: ['/.env', '/.git/config'] }, 'probed_resources'],
    ['connection', 'scraping', { ...seen, total_requests: 45000 }, 'total_requests'],
    ['connection', 'sql_injection', { ...seen, injection_point: 'query_parameter' }, 'first_seen'],
    ['connection', 'vuln_scanning', { ...seen, scan_type: 'web_vuln_scan' }, 'scan_type'],
    ['connection', 'bot', { ...seen, bot_type: 'malicious' }, 'bot_type'],
    [
      'messaging',
      'bulk_messaging',
      { protocol: 'smtp', recipient_count: 5000, smtp_from: 'news@bulk.example', source_port: 25 },
      'smtp_from',
    ],
    ['infrastructure', 'bot', { compromise_evidence: 'C2 traffic to 198.51.100.7 seen', malware_family: 'mirai' }, 'compromise_evidence'],
    ['reputation', 'blocklist', { threat_type: 'spam_source' }, 'threat_type'],
    ['reputation', 'threat_intelligence', { threat_type: 'malware_c2' }, 'threat_type'],
    ['vulnerability', 'misconfiguration', { service: 'SSH Server' }, 'service'],
    ['vulnerability', 'open', { service: 'memcached' }, 'service'],
    ['content', 'fraud', { url: 'https://get-rich.example.com/', fraud_type: 'investment' }, 'fraud_type'],
    [
      'content',
      'exposed_data',
      { url: 'http://db.example.com/dump.sql', data_types: ['credentials'], exposure_method: 'backup_file' },
      'exposure_method',
    ],
    ['content', 'remote_compromise', { url: 'https://shop.example.com/shell.php', compromise_type: 'webshell' }, 'compromise_type'],
  ];

  it('checks each shipped v4 type against its own schema, and names the required field a report leaves out', () => {
    const mail = (category: string, type: string, fields: Record<string, unknown>) =>
      Buffer.from(
        `From: abuse@reporter.example\nSubject: X-ARF\nContent-Type: application/json\n\n${JSON.stringify({
          xarf_version: '4.2.0',
          report_id: '901b2345-c678-40d1-a234-567890123456',
          timestamp: '2026-11-20T09:20:30Z',
          reporter: { org: 'Reporter', contact: 'abuse@reporter.example', domain: 'reporter.example' },
          sender: { org: 'Reporter', contact: 'abuse@reporter.example', domain: 'reporter.example' },
          source_identifier: '203.0.113.75',
          category,
          type,
          ...fields,
        })}\n`,
      );
    for (const [category, type, fields, required] of TYPES) {
      const file = `${category}-${type.replace(/_/g, type === 'remote_compromise' ? '_' : '-')}.json`;
      const valid = xarfOf(mail(category, type, fields as Record<string, unknown>));
      expect(valid.checkedAgainst, type).toBe(`https://xarf.org/schemas/v4/types/${file}`);
      expect(valid.problems, `${category}/${type}`).toEqual([]);
      expect(valid.suggestion, type).not.toBeNull();
      const { [required]: _left, ...rest } = fields as Record<string, unknown>;
      expect(xarfOf(mail(category, type, rest)).problems, `${category}/${type} without ${required}`).toContainEqual(
        expect.stringContaining(required),
      );
    }
  });

  it('leaves ordinary mail alone, even when it carries a JSON attachment or mentions X-ARF', () => {
    const plain = Buffer.from('From: a@b.example\nSubject: what is X-ARF?\nContent-Type: text/plain\n\nIs xarf_version required?\n');
    expect(readMachineReport(plain)).toBeUndefined();
    const json = Buffer.from(
      'From: a@b.example\nSubject: data\nContent-Type: multipart/mixed; boundary="q"\n\n--q\nContent-Type: text/plain\n\nsee file\n--q\nContent-Type: application/json\n\n{"rows": [1, 2]}\n--q--\n',
    );
    expect(readMachineReport(json)).toBeUndefined();
  });
});
