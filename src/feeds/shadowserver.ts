/**
 * The Shadowserver Foundation's CSV reports, as mappings (data, like any other feed). A report
 * is recognised by its name in the file name ("2026-11-20-scan_rdp-sweden-geo.csv") or else by
 * the columns only it has; any other scan_* or event4_* report falls back to the generic scan or
 * event mapping, so a new Shadowserver report type is ingested before it has a mapping of its own.
 */
import { ValidationError } from '../core/errors.js';
import type { Mapping } from './mapping.js';

interface Report {
  name: string;
  /** Columns that identify this report when the file name does not. */
  signature: readonly string[];
  mapping: Mapping;
}

const scan = (rsitType: string, identifier: string | Mapping['identifier'], rsitClass = 'vulnerable'): Mapping => ({
  time: 'timestamp',
  sourceIp: 'ip',
  sourcePort: 'port',
  asn: 'asn',
  geo: 'geo',
  protocol: { columns: ['protocol', 'transport'] },
  rsitClass: { value: rsitClass },
  rsitType: { value: rsitType },
  identifier: typeof identifier === 'string' ? { value: identifier } : identifier,
  requiredColumns: ['timestamp', 'ip'],
});

const event4 = (rsitClass: string, rsitType: string, identifier: Mapping['identifier']): Mapping => ({
  time: 'timestamp',
  sourceIp: 'src_ip',
  sourcePort: 'src_port',
  asn: 'src_asn',
  geo: 'src_geo',
  protocol: 'protocol',
  rsitClass: { value: rsitClass },
  rsitType: { value: rsitType },
  identifier,
  requiredColumns: ['timestamp', 'src_ip'],
});

export const SHADOWSERVER_REPORTS: readonly Report[] = [
  { name: 'scan_rdp', signature: ['rdp_protocol'], mapping: scan('vulnerable-system', 'open-rdp') },
  { name: 'scan_smb', signature: ['smb_implant'], mapping: scan('vulnerable-system', 'open-smb') },
  { name: 'scan_ssl', signature: ['ssl_poodle'], mapping: scan('weak-crypto', 'ssl-poodle') },
  { name: 'scan_ntp', signature: ['clk_wander'], mapping: scan('ddos-amplifier', 'open-ntp-version') },
  { name: 'scan_ntpmonitor', signature: ['packets', 'size'], mapping: scan('ddos-amplifier', 'open-ntp-monitor') },
  {
    name: 'scan_http',
    signature: ['http_code', 'http_reason', 'www_authenticate'],
    mapping: scan('potentially-unwanted-accessible', 'accessible-http'),
  },
  {
    name: 'compromised_website',
    signature: ['detected_since', 'redirect_target'],
    mapping: { ...scan('system-compromise', 'compromised-website', 'intrusions'), sourceDomain: 'http_host' },
  },
  {
    name: 'malware_url',
    signature: ['url', 'sha256', 'source'],
    mapping: { ...scan('malware-distribution', 'malware-url', 'malicious-code'), sourceDomain: 'url', sourcePort: { value: '' } },
  },
  {
    name: 'sandbox_conn',
    signature: ['md5', 'bytes_in', 'bytes_out'],
    mapping: { ...scan('c2-server', 'sandbox-connection', 'malicious-code'), sourceDomain: 'host' },
  },
  { name: 'blocklist', signature: ['reason', 'source'], mapping: scan('other', 'blocklist', 'other') },
  {
    name: 'event4_honeypot_http_scan',
    signature: ['pattern', 'http_request_method'],
    mapping: event4('information-gathering', 'scanner', { value: 'http-scan' }),
  },
  {
    name: 'event4_sinkhole_http',
    signature: ['http_url', 'http_host', 'http_agent', 'infection'],
    mapping: event4('malicious-code', 'infected-system', { columns: ['infection', 'family', 'tag'] }),
  },
  {
    name: 'event4_microsoft_sinkhole_http',
    signature: [],
    mapping: event4('malicious-code', 'infected-system', { columns: ['infection', 'family', 'tag'] }),
  },
  {
    name: 'event4_sinkhole',
    signature: ['infection', 'src_ip'],
    mapping: event4('malicious-code', 'infected-system', { columns: ['infection', 'family', 'tag'] }),
  },
];

/** Any other open-service scan: the tag column says what is open. */
const GENERIC_SCAN: Report = {
  name: 'scan (generic)',
  signature: ['ip', 'port', 'tag', 'timestamp'],
  mapping: scan('potentially-unwanted-accessible', { columns: ['tag'] }),
};
/** Any other event4 report (honeypots, sinkholes, DDoS participants). */
const GENERIC_EVENT: Report = {
  name: 'event4 (generic)',
  signature: ['src_ip', 'timestamp'],
  mapping: event4('other', 'undetermined', { columns: ['infection', 'tag', 'family'] }),
};

export interface DetectedReport {
  name: string;
  mapping: Mapping;
  /** How it was recognised: by its file name, by its columns, or named by the feed. */
  by: 'name' | 'columns' | 'feed';
}

export function shadowserverReport(name: string): Report | undefined {
  return SHADOWSERVER_REPORTS.find((r) => r.name === name);
}

export function detectShadowserverReport(header: readonly string[], fileName = '', named?: string): DetectedReport {
  if (named) {
    const report = shadowserverReport(named);
    if (!report)
      throw new ValidationError([
        { field: 'format', reason: `unknown Shadowserver report "${named}"; known: ${SHADOWSERVER_REPORTS.map((r) => r.name).join(', ')}` },
      ]);
    return { name: report.name, mapping: report.mapping, by: 'feed' };
  }
  const lowerName = fileName.toLowerCase();
  const byName = [...SHADOWSERVER_REPORTS]
    .sort((a, b) => b.name.length - a.name.length)
    .find((r) => new RegExp(`(^|[^a-z0-9])${r.name}([^a-z0-9]|$)`).test(lowerName));
  if (byName) return { name: byName.name, mapping: byName.mapping, by: 'name' };
  const columns = new Set(header.map((h) => h.trim().toLowerCase()));
  const has = (r: Report) => r.signature.length > 0 && r.signature.every((c) => columns.has(c));
  const byColumns = SHADOWSERVER_REPORTS.find(has) ?? [GENERIC_SCAN, GENERIC_EVENT].find(has);
  if (byColumns) return { name: byColumns.name, mapping: byColumns.mapping, by: 'columns' };
  throw new ValidationError([
    {
      field: 'header',
      reason: `not a Shadowserver report this version knows: its columns are ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''}`,
    },
  ]);
}
