/**
 * Shadowserver report types, each from a sample written after its documented columns
 * (shadowserver.org/what-we-do/network-reporting/…): what it is recognised as, the address it is
 * routed by, its RSIT class and type, and which rows are findings.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { createOrganisation } from '../constituency/organisations.js';
import { checkRsit } from '../core/taxonomies.js';
import type { FieldRef } from './mapping.js';
import { ingestFeed, type FeedSpec } from './pipeline.js';
import { detectShadowserverReport, shadowserverReport } from './shadowserver.js';

const SCAN = 'timestamp,ip,protocol,port,hostname,tag,asn,geo,region,city';
const EVENT = 'timestamp,protocol,src_ip,src_port,src_asn,src_geo,dst_ip,dst_port,dst_asn,dst_geo,infection,family,tag';

/** A report's header and rows, as the documentation lists its columns. */
const SAMPLES: Record<string, { header: string; rows: string[] }> = {
  scan_ssl: {
    header: 'timestamp,ip,protocol,port,hostname,tag,handshake,asn,geo,region,city,cipher_suite,ssl_poodle,cert_length,subject_common_name',
    rows: [
      '"2026-11-20 01:00:00",192.0.2.10,tcp,443,a.example,ssl-poodle,SSLv3,64500,SE,Stockholm,Stockholm,TLS_RSA,Y,2048,a.example',
      '"2026-11-20 01:00:01",192.0.2.11,tcp,443,b.example,ssl-poodle,TLSv1.2,64500,SE,Stockholm,Stockholm,TLS_AES,N,2048,b.example',
      '"2026-11-20 01:00:02",192.0.2.12,tcp,443,c.example,,TLSv1.3,64500,SE,Stockholm,Stockholm,TLS_AES,n,2048,c.example',
    ],
  },
  scan_ssl_freak: {
    header: 'timestamp,ip,protocol,port,hostname,tag,handshake,asn,geo,region,city,cipher_suite,freak_vulnerable,freak_cipher_suite',
    rows: [
      '"2026-11-20 01:00:00",192.0.2.20,tcp,443,,ssl-freak,TLSv1.0,64500,SE,,,TLS_RSA_EXPORT,Y,EXP-RC4-MD5',
      '"2026-11-20 01:00:01",192.0.2.21,tcp,443,,ssl-freak,TLSv1.2,64500,SE,,,TLS_AES,N,',
    ],
  },
  scan_vnc: {
    header: 'timestamp,ip,protocol,port,hostname,product,asn,geo,region,city',
    rows: ['"2026-11-20 02:00:00",192.0.2.30,tcp,5900,,RFB 003.008,64500,SE,,'],
  },
  scan_hadoop: {
    header: 'timestamp,ip,protocol,port,hostname,version,server_type,asn,geo,region,city',
    rows: ['"2026-11-20 02:00:00",192.0.2.31,tcp,50070,,3.3.6,namenode,64500,SE,,'],
  },
  scan_memcached: { header: SCAN, rows: ['"2026-11-20 03:00:00",192.0.2.40,udp,11211,,memcached,64500,SE,,'] },
  scan_chargen: { header: SCAN, rows: ['"2026-11-20 03:00:00",192.0.2.41,udp,19,,chargen,64500,SE,,'] },
  scan_smtp_vulnerable: { header: SCAN, rows: ['"2026-11-20 03:00:00",192.0.2.42,tcp,25,,cve-2020-7247,64500,SE,,'] },
  scan_synfulscan: { header: SCAN, rows: ['"2026-11-20 03:00:00",192.0.2.43,tcp,80,,synful-knock,64500,SE,,'] },
  special: { header: SCAN, rows: ['"2026-11-20 03:00:00",192.0.2.44,tcp,443,,cyclops-blink,64500,SE,,'] },
  device_id: {
    header: 'timestamp,ip,protocol,port,hostname,tag,asn,geo,region,city,device_vendor,device_type,device_model',
    rows: ['"2026-11-20 03:00:00",192.0.2.45,tcp,443,,device-id,64500,SE,,,Fortinet,firewall,FortiGate'],
  },
  event4_honeypot_brute_force: {
    header: EVENT,
    rows: ['"2026-11-20 04:00:00",tcp,192.0.2.50,51515,64500,SE,198.51.100.1,22,64501,NL,,,ssh-brute-force'],
  },
  event4_honeypot_ddos_amp: { header: EVENT, rows: ['"2026-11-20 04:00:00",udp,198.51.100.2,123,64501,NL,192.0.2.51,80,64500,SE,,,ntp'] },
  event4_ip_spoofer: { header: EVENT, rows: ['"2026-11-20 04:00:00",udp,192.0.2.52,,64500,SE,,,,,,,'] },
  event4_sinkhole_http_referer: {
    header:
      'timestamp,protocol,http_referer_ip,http_referer_asn,http_referer_geo,dst_ip,dst_port,http_url,http_host,http_referer,infection,family,tag',
    rows: ['"2026-11-20 05:00:00",tcp,192.0.2.53,64500,SE,198.51.100.3,80,/x,evil.example,"http://shop.example/",,emotet,referer'],
  },
  phish_url: {
    header: 'timestamp,url,http_host,tld,ip,asn,geo,region,city,source',
    rows: ['"2026-11-20 06:00:00",http://login-bank.example.se/verify,login-bank.example.se,se,192.0.2.54,64500,SE,,,openphish'],
  },
  sandbox_dns: {
    header: 'timestamp,ip,asn,geo,md5,request,response,family,tag',
    rows: ['"2026-11-20 07:00:00",192.0.2.55,64500,SE,0123456789abcdef0123456789abcdef,c2.example,192.0.2.55,qakbot,'],
  },
  sandbox_url: {
    header: 'timestamp,ip,asn,geo,md5,url,host,method,user_agent',
    rows: ['"2026-11-20 07:00:00",192.0.2.56,64500,SE,0123456789abcdef0123456789abcdef,http://dl.example/x.exe,dl.example,GET,curl'],
  },
  compromised_account: {
    header: 'timestamp,severity,username,email,infection,source_url,public_source,status,detail,tag',
    rows: ['"2026-11-20 08:00:00",critical,anna,anna@kommunen.example.se,infostealer,,collection-x,new,,compromised-account'],
  },
  compromised_iot: {
    header: 'timestamp,ip,protocol,port,hostname,tag,asn,geo,device_vendor,device_type,malpubkey_sha256,family',
    rows: ['"2026-11-20 08:00:00",192.0.2.60,tcp,22,,ssh-backdoor,64500,SE,Zyxel,router,ab12,mirai'],
  },
  spam_url: {
    header: 'timestamp,ip,port,url,hostname,src_ip,src_asn,asn,geo,tag,source,sender,subject',
    rows: [
      '"2026-11-20 08:00:00",192.0.2.61,80,http://pills.example.se/buy,pills.example.se,203.0.113.9,64502,64500,SE,spam,trap,x@y.example,Cheap',
    ],
  },
  event4_honeypot_ddos_target: {
    header: 'timestamp,ip,port,asn,geo,protocol,family,tag,attack_src_ip',
    rows: ['"2026-11-20 08:00:00",192.0.2.62,443,64500,SE,tcp,mirai,syn-flood,198.51.100.7'],
  },
  ransomware_victim: {
    header: 'timestamp,severity,domain,ip,asn,geo,family,tag,post_title',
    rows: ['"2026-11-20 08:00:00",info,kommunen.example.se,,,,lockbit,ransomware-victim,Kommunen'],
  },
  targeted_host: {
    header: SCAN,
    rows: ['"2026-11-20 08:00:00",192.0.2.63,tcp,3389,,targeted,64500,SE,,'],
  },
  event4_sinkhole_dns: {
    header: 'timestamp,src_ip,src_port,src_asn,src_geo,protocol,query,query_type,infection,family,tag',
    rows: ['"2026-11-20 08:00:00",192.0.2.64,53001,64500,SE,udp,c2.example,A,,necurs,'],
  },
  population_bgp: { header: SCAN, rows: ['"2026-11-20 08:00:00",192.0.2.65,tcp,179,,bgp,64500,SE,,'] },
  scan_imap_vulnerable: { header: SCAN, rows: ['"2026-11-20 08:00:00",192.0.2.66,tcp,143,,cve-2021-38371,64500,SE,,'] },
  scan_post_exploitation_framework: { header: SCAN, rows: ['"2026-11-20 08:00:00",192.0.2.67,tcp,443,,cobaltstrike,64500,SE,,'] },
  event4_honeypot_rdp_scan: {
    header: EVENT,
    rows: ['"2026-11-20 08:00:00",tcp,192.0.2.68,50000,64500,SE,198.51.100.8,3389,64501,NL,,,rdp'],
  },
  event4_initial_access_broker: { header: EVENT, rows: ['"2026-11-20 08:00:00",tcp,192.0.2.69,,64500,SE,,,,,,,iab'] },
  scan_ddos_middlebox: { header: SCAN, rows: ['"2026-11-20 08:00:00",192.0.2.70,tcp,80,,middlebox,64500,SE,,'] },
};

/** What each sample's first row must become: the report, the routed address, the RSIT class/type, the identifier. */
const EXPECTED: Record<string, [string, string, string, string]> = {
  scan_ssl: ['192.0.2.10', 'vulnerable', 'weak-crypto', 'ssl-poodle'],
  scan_ssl_freak: ['192.0.2.20', 'vulnerable', 'weak-crypto', 'ssl-freak'],
  scan_vnc: ['192.0.2.30', 'vulnerable', 'potentially-unwanted-accessible', 'open-vnc'],
  scan_hadoop: ['192.0.2.31', 'vulnerable', 'potentially-unwanted-accessible', 'open-hadoop'],
  scan_memcached: ['192.0.2.40', 'vulnerable', 'ddos-amplifier', 'open-memcached'],
  scan_chargen: ['192.0.2.41', 'vulnerable', 'ddos-amplifier', 'open-chargen'],
  scan_smtp_vulnerable: ['192.0.2.42', 'vulnerable', 'vulnerable-system', 'cve-2020-7247'],
  scan_synfulscan: ['192.0.2.43', 'intrusions', 'system-compromise', 'synful-knock'],
  special: ['192.0.2.44', 'malicious-code', 'infected-system', 'cyclops-blink'],
  device_id: ['192.0.2.45', 'other', 'other', 'device-identification'],
  event4_honeypot_brute_force: ['192.0.2.50', 'intrusion-attempts', 'brute-force', 'ssh-brute-force'],
  event4_honeypot_ddos_amp: ['192.0.2.51', 'availability', 'ddos', 'ddos-amplification-victim'],
  event4_ip_spoofer: ['192.0.2.52', 'vulnerable', 'vulnerable-system', 'ip-spoofing'],
  event4_sinkhole_http_referer: ['192.0.2.53', 'malicious-code', 'infected-system', 'emotet'],
  phish_url: ['192.0.2.54', 'fraud', 'phishing', 'phishing-url'],
  sandbox_dns: ['192.0.2.55', 'malicious-code', 'c2-server', 'sandbox-dns'],
  sandbox_url: ['192.0.2.56', 'malicious-code', 'malware-distribution', 'sandbox-url'],
  compromised_account: ['', 'information-content-security', 'data-leak', 'compromised-account'],
  compromised_iot: ['192.0.2.60', 'intrusions', 'system-compromise', 'ssh-backdoor'],
  spam_url: ['192.0.2.61', 'abusive-content', 'spam', 'spam-url'],
  event4_honeypot_ddos_target: ['192.0.2.62', 'availability', 'ddos', 'mirai'],
  ransomware_victim: ['', 'intrusions', 'system-compromise', 'ransomware-victim'],
  targeted_host: ['192.0.2.63', 'other', 'undetermined', 'targeted-host'],
  event4_sinkhole_dns: ['192.0.2.64', 'malicious-code', 'infected-system', 'necurs'],
  population_bgp: ['192.0.2.65', 'vulnerable', 'potentially-unwanted-accessible', 'open-bgp'],
  scan_imap_vulnerable: ['192.0.2.66', 'vulnerable', 'vulnerable-system', 'cve-2021-38371'],
  scan_post_exploitation_framework: ['192.0.2.67', 'malicious-code', 'c2-server', 'cobaltstrike'],
  event4_honeypot_rdp_scan: ['192.0.2.68', 'information-gathering', 'scanner', 'rdp-scan'],
  event4_initial_access_broker: ['192.0.2.69', 'intrusions', 'system-compromise', 'initial-access-broker'],
  scan_ddos_middlebox: ['192.0.2.70', 'vulnerable', 'ddos-amplifier', 'ddos-middlebox'],
};

/** Every report type Shadowserver documents (its report schema's list of types). */
const DOCUMENTED = readFileSync(new URL('../../test/fixtures/shadowserver/documented-types.txt', import.meta.url), 'utf8')
  .split(/\s+/)
  .filter(Boolean);

const stream = (lines: string[]) => Readable.from([Buffer.from(lines.join('\n'))]);
const adHoc: FeedSpec = { id: null, name: 'ss', format: 'shadowserver', tlp: 'AMBER', dedupHours: 24 };

describe('Shadowserver report types', () => {
  it('recognises each written sample by its file name, as its own report', () => {
    for (const [name, sample] of Object.entries(SAMPLES))
      expect(detectShadowserverReport(sample.header.split(','), `2026-11-20-${name}-sweden-geo.csv`), name).toMatchObject({
        name,
        by: 'name',
      });
  });

  it('has a mapping of its own, with a valid RSIT class and type, for every report type Shadowserver documents', () => {
    expect(DOCUMENTED.length).toBeGreaterThan(170);
    for (const name of DOCUMENTED) {
      const report = detectShadowserverReport(['timestamp', 'ip', 'src_ip'], `2026-11-20-${name}-sweden-geo.csv`);
      expect(report, name).toMatchObject({ name, by: 'name' });
      expect(report.warning, name).toBeUndefined();
      const constant = (ref: FieldRef) =>
        typeof ref === 'object' && 'value' in ref ? ref.value : `not a constant: ${JSON.stringify(ref)}`;
      expect(checkRsit(constant(report.mapping.rsitClass), constant(report.mapping.rsitType)), name).toEqual([]);
    }
  });

  it('reads an IPv6 report (scan6_…, event6_…, device_id6) as its IPv4 twin, under its own name', () => {
    for (const [v6, v4] of [
      ['scan6_ssl', 'scan_ssl'],
      ['event6_sinkhole_http_referer', 'event4_sinkhole_http_referer'],
      ['device_id6', 'device_id'],
      ['population6_bgp', 'population_bgp'],
      ['compromised_iot6', 'compromised_iot'],
      ['targeted_host6', 'targeted_host'],
    ] as const) {
      const twin = detectShadowserverReport(SAMPLES[v4]!.header.split(','), `2026-11-20-${v4}-sweden-geo.csv`);
      expect(detectShadowserverReport(SAMPLES[v4]!.header.split(','), `2026-11-20-${v6}-sweden-geo.csv`), v6).toEqual({
        ...twin,
        name: v6,
      });
      expect(shadowserverReport(v6)?.name, v6).toBe(v4);
    }
    const unknown = detectShadowserverReport(['timestamp', 'ip', 'port'], '2026-11-20-scan6_newthing-sweden.csv');
    expect(unknown).toMatchObject({ name: 'scan6_newthing', warning: expect.stringMatching(/^"scan6_newthing" has no mapping/) });
    expect(unknown.mapping.identifier).toEqual({ value: 'open-newthing' });
  });

  it('reads an unknown type with an address column generically, with a warning, instead of refusing it', () => {
    const scan = detectShadowserverReport(['timestamp', 'ip', 'port', 'product'], '2026-11-20-scan_newthing-sweden.csv');
    expect(scan).toMatchObject({
      name: 'scan_newthing',
      warning: '"scan_newthing" has no mapping of its own: read as a scan (generic) report',
    });
    expect(scan.mapping.identifier).toEqual({ value: 'open-newthing' });
    expect(detectShadowserverReport(['timestamp', 'src_ip', 'dst_ip'], 'x.csv')).toMatchObject({
      name: 'event4 (generic)',
      warning: expect.any(String),
    });
    expect(() => detectShadowserverReport(['timestamp', 'hostname'], 'x.csv')).toThrow(/no address column/);
  });
});

describeEachEngine('Shadowserver reports, ingested', (get) => {
  it('each type becomes the right event, routed by the right address; scan_ssl without POODLE is no finding', async () => {
    const { db } = get();
    const org = await createOrganisation(db, 'test', {
      name: 'Kommunen',
      netblocks: [{ prefix: '192.0.2.0/24' }],
      domains: ['kommunen.example.se'],
    });
    for (const [name, sample] of Object.entries(SAMPLES)) {
      const run = await ingestFeed(
        db,
        { ...adHoc, name },
        { stream: stream([sample.header, ...sample.rows]), source: `2026-11-20-${name}.csv`, actor: 'system:test' },
      );
      expect(run, name).toMatchObject({ report: name, malformed: 0, unowned: 0 });
      expect(run.warning, name).toBeUndefined();
      const events = await db
        .selectFrom('events')
        .select(['source_ip', 'rsit_class', 'rsit_type', 'identifier', 'organisation_id'])
        .where('run_id', '=', run.runId)
        .execute();
      const [ip, rsitClass, rsitType, identifier] = EXPECTED[name]!;
      // No address (a leaked account, a ransomware victim): routed by the domain to the same organisation.
      expect(events[0], name).toEqual({
        source_ip: ip || null,
        rsit_class: rsitClass,
        rsit_type: rsitType,
        identifier,
        organisation_id: org.id,
      });
      if (name === 'scan_ssl') expect([run.events, run.skipped]).toEqual([1, 2]);
      if (name === 'scan_ssl_freak') expect([run.events, run.skipped]).toEqual([1, 1]);
    }
    const stored = await db.selectFrom('feed_runs').select(['skipped']).where('feed_name', '=', 'scan_ssl').executeTakeFirstOrThrow();
    expect(Number(stored.skipped)).toBe(2);
  });
});
