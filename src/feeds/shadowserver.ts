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

/** Reported by the attacked address (a DDoS target or an amplification victim), not by the source. */
const byDestination = (mapping: Mapping): Mapping => ({
  ...mapping,
  sourceIp: 'dst_ip',
  sourcePort: 'dst_port',
  asn: 'dst_asn',
  geo: 'dst_geo',
  requiredColumns: ['timestamp', 'dst_ip'],
});

/** A scan that names the open service only by the report it is in: "scan_vnc" → "open-vnc". */
const open = (service: string, rsitType = 'potentially-unwanted-accessible'): Report => ({
  name: `scan_${service}`,
  signature: [],
  mapping: scan(rsitType, `open-${service.replace(/_/g, '-')}`),
});

/** Services that answer a small spoofed request with a large reply: DDoS amplifiers. */
const AMPLIFIERS = [
  'chargen',
  'qotd',
  'memcached',
  'ssdp',
  'portmapper',
  'mdns',
  'snmp',
  'netbios',
  'ldap_udp',
  'cldap',
  'dns',
  'ubiquiti',
  'ard',
  'coap',
  'ws_discovery',
  'xdmcp',
  'tftp',
  'rdpeudp',
  'dvr_dhcpdiscover',
  'slp',
  'stun',
  'sentinel',
];

/** Services that should not face the Internet: accessible, not in themselves vulnerable. */
const ACCESSIBLE = [
  'adb',
  'afp',
  'amqp',
  'bgp',
  'cassandra',
  'couchdb',
  'cwmp',
  'db2',
  'docker',
  'elasticsearch',
  'ftp',
  'hadoop',
  'http_proxy',
  'ics',
  'ipmi',
  'ipp',
  'kubernetes',
  'mongodb',
  'mqtt',
  'mssql',
  'mysql',
  'postgres',
  'radmin',
  'redis',
  'rsync',
  'sip',
  'socks',
  'ssh',
  'telnet',
  'vnc',
  'epmd',
  'modbus',
  'opcua',
  'activemq',
  'gtp',
  'imap',
  'ldap_tcp',
  'mikrotik_service',
  'mqtt_anon',
  'msrpc',
  'pop3',
  'quic',
  'smtp',
];

/** Inventories of a service seen answering (population_bgp, population_msmq, …): accessible, no more. */
const POPULATIONS = ['bgp', 'http_proxy', 'isakmp', 'msmq', 'ntrip'];

/** Honeypots that saw an address scan for one service: the scanner is reported. */
const HONEYPOT_SCANS = ['adb', 'http', 'ics', 'ikev2', 'rdp', 'rocketmq', 'smb', 'snmp'];

/** Vulnerable versions found by a scan, named by the report: "scan_imap_vulnerable" → "vulnerable-imap". */
const VULNERABLE = [
  'http_vulnerable',
  'smtp_vulnerable',
  'imap_vulnerable',
  'pop3_vulnerable',
  'badsecrets',
  'cisco_smart_install',
  'ip_tunnel',
  'loop_dos',
  'nat_pmp',
  'netis_router',
];

/**
 * One entry per report type: its columns (signature), the address it is routed by, the RSIT class
 * and type, and, where a row is a finding only under a condition, that condition (scan_ssl lists
 * every SSL server it saw; only ssl_poodle=Y is a POODLE finding).
 */
/** The values Shadowserver writes for "yes" in a finding column. */
const YES = ['Y', 'yes', 'true', '1'];
const POODLE: Mapping = { ...scan('weak-crypto', 'ssl-poodle'), finding: { column: 'ssl_poodle', equals: YES } };
const SYNFUL_KNOCK = scan('system-compromise', 'synful-knock', 'intrusions');

export const SHADOWSERVER_REPORTS: readonly Report[] = [
  { name: 'scan_rdp', signature: ['rdp_protocol'], mapping: scan('vulnerable-system', 'open-rdp') },
  { name: 'scan_smb', signature: ['smb_implant'], mapping: scan('vulnerable-system', 'open-smb') },
  { name: 'scan_ssl', signature: ['ssl_poodle'], mapping: POODLE },
  {
    name: 'scan_ssl_freak',
    signature: ['freak_vulnerable'],
    mapping: { ...scan('weak-crypto', 'ssl-freak'), finding: { column: 'freak_vulnerable', equals: YES } },
  },
  { name: 'scan_ntp', signature: ['clk_wander'], mapping: scan('ddos-amplifier', 'open-ntp-version') },
  { name: 'scan_ntpmonitor', signature: ['packets', 'size'], mapping: scan('ddos-amplifier', 'open-ntp-monitor') },
  {
    name: 'scan_http',
    signature: ['http_code', 'http_reason', 'www_authenticate'],
    mapping: scan('potentially-unwanted-accessible', 'accessible-http'),
  },
  { name: 'scan_exchange', signature: ['version', 'servername'], mapping: scan('vulnerable-system', { columns: ['tag'] }) },
  { name: 'scan_isakmp', signature: [], mapping: scan('vulnerable-system', 'vulnerable-isakmp') },
  { name: 'scan_router_backdoor', signature: [], mapping: scan('system-compromise', 'router-backdoor', 'intrusions') },
  { name: 'scan_synfulknock', signature: [], mapping: SYNFUL_KNOCK },
  // The report's name before Shadowserver renamed it.
  { name: 'scan_synfulscan', signature: [], mapping: SYNFUL_KNOCK },
  { name: 'special', signature: [], mapping: scan('infected-system', { columns: ['tag'] }, 'malicious-code') },
  // An inventory of what answers, not a finding: informational.
  {
    name: 'device_id',
    signature: [],
    mapping: scan('other', 'device-identification', 'other'),
  },
  ...AMPLIFIERS.map((service) => open(service, 'ddos-amplifier')),
  ...ACCESSIBLE.map((service) => open(service)),
  ...POPULATIONS.map((service) => ({ ...open(service), name: `population_${service}` })),
  ...VULNERABLE.map((kind) => ({
    name: `scan_${kind}`,
    signature: [],
    mapping: scan('vulnerable-system', { columns: ['tag'] }),
  })),
  // Middleboxes that reflect a small request as a large one (TCP amplification).
  { name: 'scan_ddos_middlebox', signature: [], mapping: scan('ddos-amplifier', 'ddos-middlebox') },
  // A Cobalt Strike, Sliver or similar team server: the address is the attacker's control server.
  {
    name: 'scan_post_exploitation_framework',
    signature: [],
    mapping: scan('c2-server', { columns: ['tag'] }, 'malicious-code'),
  },
  { name: 'scan_ssl_poodle', signature: [], mapping: POODLE },
  {
    name: 'compromised_iot',
    signature: ['device_vendor', 'malpubkey_sha256'],
    mapping: scan('system-compromise', { columns: ['tag'] }, 'intrusions'),
  },
  // Leaked credentials have no address: the account's mail domain says whose they are.
  {
    name: 'compromised_account',
    signature: ['username', 'email', 'public_source'],
    mapping: {
      ...scan('data-leak', 'compromised-account', 'information-content-security'),
      sourceIp: { value: '' },
      sourcePort: { value: '' },
      sourceDomain: { columns: ['email', 'username'] },
      requiredColumns: ['timestamp'],
    },
  },
  // A victim named on a ransomware group's leak site, by address where there is one, else by domain.
  {
    name: 'ransomware_victim',
    signature: [],
    mapping: {
      ...scan('system-compromise', 'ransomware-victim', 'intrusions'),
      sourceDomain: { columns: ['domain', 'http_host', 'hostname'] },
      requiredColumns: ['timestamp'],
    },
  },
  // An address that attackers were seen aiming at: tell its owner, who is the one at risk.
  { name: 'targeted_host', signature: [], mapping: scan('undetermined', 'targeted-host', 'other') },
  {
    name: 'spam_url',
    signature: ['url', 'sender', 'subject'],
    mapping: { ...scan('spam', 'spam-url', 'abusive-content'), sourceDomain: { columns: ['hostname', 'url'] }, sourcePort: { value: '' } },
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
    name: 'phish_url',
    signature: ['url', 'http_host', 'tld'],
    mapping: { ...scan('phishing', 'phishing-url', 'fraud'), sourceDomain: { columns: ['http_host', 'url'] }, sourcePort: { value: '' } },
  },
  {
    name: 'sandbox_conn',
    signature: ['md5', 'bytes_in', 'bytes_out'],
    mapping: { ...scan('c2-server', 'sandbox-connection', 'malicious-code'), sourceDomain: 'host' },
  },
  {
    name: 'sandbox_dns',
    signature: ['md5', 'request', 'response'],
    mapping: { ...scan('c2-server', 'sandbox-dns', 'malicious-code'), sourceIp: 'ip', sourceDomain: 'request' },
  },
  {
    name: 'sandbox_url',
    signature: ['md5', 'url', 'method'],
    mapping: { ...scan('malware-distribution', 'sandbox-url', 'malicious-code'), sourceDomain: { columns: ['host', 'url'] } },
  },
  { name: 'blocklist', signature: ['reason', 'source'], mapping: scan('other', 'blocklist', 'other') },
  {
    name: 'event4_honeypot_brute_force',
    signature: [],
    mapping: event4('intrusion-attempts', 'brute-force', { columns: ['tag', 'protocol'] }),
  },
  { name: 'event4_honeypot_darknet', signature: [], mapping: event4('information-gathering', 'scanner', { columns: ['tag'] }) },
  { name: 'event4_honeypot_exploit', signature: [], mapping: event4('intrusion-attempts', 'exploit', { columns: ['tag'] }) },
  ...HONEYPOT_SCANS.map((service) => ({
    name: `event4_honeypot_${service}_scan`,
    signature: service === 'http' ? ['pattern', 'http_request_method'] : [],
    mapping: event4('information-gathering', 'scanner', { value: `${service}-scan` }),
  })),
  {
    name: 'event4_initial_access_broker',
    signature: [],
    mapping: event4('intrusions', 'system-compromise', { value: 'initial-access-broker' }),
  },
  {
    name: 'event4_sinkhole_dns',
    signature: [],
    mapping: event4('malicious-code', 'infected-system', { columns: ['infection', 'family', 'tag'] }),
  },
  { name: 'event4_ip_spoofer', signature: [], mapping: event4('vulnerable', 'vulnerable-system', { value: 'ip-spoofing' }) },
  // The attacked address is the one to tell: an amplification victim, a DDoS target.
  {
    name: 'event4_honeypot_ddos_amp',
    signature: [],
    mapping: byDestination(event4('availability', 'ddos', { value: 'ddos-amplification-victim' })),
  },
  {
    name: 'event4_honeypot_ddos',
    signature: ['attack', 'duration', 'dst_network'],
    mapping: byDestination(event4('availability', 'ddos', { columns: ['family', 'tag'] })),
  },
  // The attacked address, written as dst_ip or, in the per-target report, as ip.
  {
    name: 'event4_honeypot_ddos_target',
    signature: [],
    mapping: {
      ...byDestination(event4('availability', 'ddos', { columns: ['family', 'tag'] })),
      sourceIp: { columns: ['dst_ip', 'ip'] },
      requiredColumns: ['timestamp'],
    },
  },
  { name: 'event4_ddos_participant', signature: [], mapping: event4('availability', 'ddos', { value: 'ddos-participant' }) },
  {
    name: 'event4_sinkhole_http_referer',
    signature: ['http_referer_ip'],
    mapping: {
      ...event4('malicious-code', 'infected-system', { columns: ['infection', 'family', 'tag'] }),
      sourceIp: 'http_referer_ip',
      sourcePort: { value: '' },
      asn: 'http_referer_asn',
      geo: 'http_referer_geo',
      requiredColumns: ['timestamp', 'http_referer_ip'],
    },
  },
  {
    name: 'event4_sinkhole_http',
    signature: ['http_url', 'http_host', 'http_agent', 'infection'],
    mapping: event4('malicious-code', 'infected-system', { columns: ['infection', 'family', 'tag'] }),
  },
  {
    name: 'event4_microsoft_sinkhole',
    signature: [],
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

/** Any other open-service scan: the tag column, else the report's name, says what is open. */
const GENERIC_SCAN: Report = {
  name: 'scan (generic)',
  signature: ['ip', 'timestamp'],
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
  /** Said on the run when the report has no mapping of its own and was read generically. */
  warning?: string;
}

/**
 * Shadowserver's IPv6 reports (scan6_ssl, event6_sinkhole_http, population6_bgp, device_id6,
 * compromised_iot6, targeted_host6) have the columns and meaning of their IPv4 twin; only the
 * addresses differ.
 */
const IPV6_REPORT =
  /(?:^|[^a-z0-9])((?:scan6|event6|population6)_[a-z0-9_]+?|(?:device_id|compromised_iot|compromised_website|targeted_host)6)(?=[^a-z0-9_]|-|\.csv|$)/;
const ipv4Twin = (name: string): string =>
  name
    .replace(/\bscan6_/g, 'scan_')
    .replace(/\bevent6_/g, 'event4_')
    .replace(/\bpopulation6_/g, 'population_')
    .replace(/\b(device_id|compromised_iot|compromised_website|targeted_host)6(?![a-z0-9])/g, '$1');

export function shadowserverReport(name: string): Report | undefined {
  const twin = ipv4Twin(name);
  return SHADOWSERVER_REPORTS.find((r) => r.name === name || r.name === twin);
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
  const ipv6 = IPV6_REPORT.exec(lowerName)?.[1];
  const asIpv4 = ipv4Twin(lowerName);
  const byName = [...SHADOWSERVER_REPORTS]
    .sort((a, b) => b.name.length - a.name.length)
    .find((r) => new RegExp(`(^|[^a-z0-9])${r.name}([^a-z0-9]|$)`).test(asIpv4));
  if (byName) return { name: ipv6 && ipv4Twin(ipv6) === byName.name ? ipv6 : byName.name, mapping: byName.mapping, by: 'name' };
  const columns = new Set(header.map((h) => h.trim().toLowerCase()));
  const has = (r: Report) => r.signature.length > 0 && r.signature.every((c) => columns.has(c));
  const byColumns = SHADOWSERVER_REPORTS.find(has);
  if (byColumns) return { name: byColumns.name, mapping: byColumns.mapping, by: 'columns' };
  const generic = [GENERIC_EVENT, GENERIC_SCAN].find(has);
  if (generic) {
    // The file name's report type, when it has one, names what it found better than "generic".
    const type = /(?:^|[^a-z0-9])((?:scan6?|event[46])_[a-z0-9_]+?)(?:-|\.csv|$)/.exec(lowerName)?.[1];
    const mapping: Mapping =
      type && !columns.has('tag') && generic === GENERIC_SCAN
        ? { ...generic.mapping, identifier: { value: type.replace(/^scan6?_/, 'open-').replace(/_/g, '-') } }
        : generic.mapping;
    return {
      name: type ?? generic.name,
      mapping,
      by: 'columns',
      warning: `${type ? `"${type}"` : 'this report'} has no mapping of its own: read as a ${generic.name} report`,
    };
  }
  throw new ValidationError([
    {
      field: 'header',
      reason: `not a Shadowserver report this version knows: it has no address column (ip, src_ip); its columns are ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''}`,
    },
  ]);
}
