/**
 * X-ARF abuse reports, in each form still sent: the JSON of XARF v4 (`xarf_version`, snake_case),
 * the PascalCase JSON of v3 and abusix's earlier versions (`Version`, `ReporterInfo`, `Report`),
 * and the YAML of X-ARF 0.1/0.2 (`Report-Type:`, `Schema-URL:`). They arrive as the JSON part of
 * an ARF-style `multipart/report` (Feedback-Type: xarf), as a JSON attachment, as a JSON body, or
 * as the second part of an `X-ARF: YES` mail. The JSON is checked against the XARF schemas that
 * ship in src/core/standards/xarf; whatever fails is named in `problems` and the report is still
 * read as far as it goes, never dropped.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { parseAddress } from '../constituency/ip.js';
import legacyV3 from '../core/standards/xarf/v3/xarf-v3-legacy.json' with { type: 'json' };
import botnet from '../core/standards/xarf/v4/types/infrastructure-botnet.json' with { type: 'json' };
import compromisedServer from '../core/standards/xarf/v4/types/infrastructure-compromised-server.json' with { type: 'json' };
import malware from '../core/standards/xarf/v4/types/content-malware.json' with { type: 'json' };
import cve from '../core/standards/xarf/v4/types/vulnerability-cve.json' with { type: 'json' };
import ddos from '../core/standards/xarf/v4/types/connection-ddos.json' with { type: 'json' };
import loginAttack from '../core/standards/xarf/v4/types/connection-login-attack.json' with { type: 'json' };
import portScan from '../core/standards/xarf/v4/types/connection-port-scan.json' with { type: 'json' };
import contentBase from '../core/standards/xarf/v4/types/content-base.json' with { type: 'json' };
import phishing from '../core/standards/xarf/v4/types/content-phishing.json' with { type: 'json' };
import spam from '../core/standards/xarf/v4/types/messaging-spam.json' with { type: 'json' };
import authFailure from '../core/standards/xarf/v4/types/connection-auth-failure.json' with { type: 'json' };
import ddosAmplification from '../core/standards/xarf/v4/types/connection-ddos-amplification.json' with { type: 'json' };
import reconnaissance from '../core/standards/xarf/v4/types/connection-reconnaissance.json' with { type: 'json' };
import scraping from '../core/standards/xarf/v4/types/connection-scraping.json' with { type: 'json' };
import sqlInjection from '../core/standards/xarf/v4/types/connection-sql-injection.json' with { type: 'json' };
import vulnScanning from '../core/standards/xarf/v4/types/connection-vuln-scanning.json' with { type: 'json' };
import connectionBot from '../core/standards/xarf/v4/types/connection-bot.json' with { type: 'json' };
import bulkMessaging from '../core/standards/xarf/v4/types/messaging-bulk-messaging.json' with { type: 'json' };
import infrastructureBot from '../core/standards/xarf/v4/types/infrastructure-bot.json' with { type: 'json' };
import blocklist from '../core/standards/xarf/v4/types/reputation-blocklist.json' with { type: 'json' };
import threatIntelligence from '../core/standards/xarf/v4/types/reputation-threat-intelligence.json' with { type: 'json' };
import misconfiguration from '../core/standards/xarf/v4/types/vulnerability-misconfiguration.json' with { type: 'json' };
import openService from '../core/standards/xarf/v4/types/vulnerability-open.json' with { type: 'json' };
import fraud from '../core/standards/xarf/v4/types/content-fraud.json' with { type: 'json' };
import exposedData from '../core/standards/xarf/v4/types/content-exposed-data.json' with { type: 'json' };
import remoteCompromise from '../core/standards/xarf/v4/types/content-remote_compromise.json' with { type: 'json' };
import core from '../core/standards/xarf/v4/xarf-core.json' with { type: 'json' };
import { issuesOf } from '../core/validate.js';

export interface XarfReport {
  format: 'xarf';
  /** As the document states it: "4.0.0", "3", "2", "0.2"… */
  version: string;
  /** v4 category, v3 ReportClass, 0.2 Category. */
  category: string | null;
  type: string | null;
  /** The abuse source as written: an address, a domain or a URL. */
  source: string | null;
  sourceIp: string | null;
  sourcePort: number | null;
  destinationIp: string | null;
  destinationPort: number | null;
  /** When the abuse happened, as the reporter wrote it. */
  date: string | null;
  reporter: string | null;
  reportId: string | null;
  url: string | null;
  /** The schema the document was checked against, or why none was. */
  checkedAgainst: string;
  suggestion: { rsitClass: string; rsitType: string } | null;
  /** The document itself, evidence payloads replaced by their size (the raw mail keeps them). */
  document: unknown;
  problems: string[];
}

export interface ReportPart {
  contentType: string;
  body: string;
}

const MAX_DOCUMENT = 8 * 1024 * 1024;
const MAX_YAML = 256 * 1024;
const MAX_PROBLEMS = 20;

// ajv-formats is CommonJS; under NodeNext its default export arrives one level down.
const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
for (const schema of [core, contentBase]) ajv.addSchema(schema);

/** v4 type schemas by "category/type"; a type without one is checked against the core schema. */
const TYPE_SCHEMAS: Record<string, object> = {
  'messaging/spam': spam,
  'connection/ddos': ddos,
  'connection/login_attack': loginAttack,
  'connection/port_scan': portScan,
  'content/phishing': phishing,
  'content/malware': malware,
  'infrastructure/botnet': botnet,
  'infrastructure/compromised_server': compromisedServer,
  'vulnerability/cve': cve,
  'connection/auth_failure': authFailure,
  'connection/ddos_amplification': ddosAmplification,
  'connection/reconnaissance': reconnaissance,
  'connection/scraping': scraping,
  'connection/sql_injection': sqlInjection,
  'connection/vuln_scanning': vulnScanning,
  'connection/bot': connectionBot,
  'messaging/bulk_messaging': bulkMessaging,
  'infrastructure/bot': infrastructureBot,
  'reputation/blocklist': blocklist,
  'reputation/threat_intelligence': threatIntelligence,
  'vulnerability/misconfiguration': misconfiguration,
  'vulnerability/open': openService,
  'content/fraud': fraud,
  'content/exposed_data': exposedData,
  'content/remote_compromise': remoteCompromise,
};
const validators = new Map<object, ValidateFunction>();
function validatorFor(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) validators.set(schema, (validate = ajv.getSchema((schema as { $id: string }).$id) ?? ajv.compile(schema)));
  return validate;
}

/** RSIT class/type for each report type of every X-ARF version, by "category/type" in lower case with "_" for "-". */
const RSIT: Record<string, [string, string]> = {
  spam: ['abusive-content', 'spam'],
  bulk_messaging: ['abusive-content', 'spam'],
  login_attack: ['intrusion-attempts', 'brute-force'],
  auth_failure: ['intrusion-attempts', 'brute-force'],
  port_scan: ['information-gathering', 'scanner'],
  reconnaissance: ['information-gathering', 'scanner'],
  vulnerability_scan: ['information-gathering', 'scanner'],
  vuln_scanning: ['information-gathering', 'scanner'],
  harvesting: ['information-gathering', 'scanner'],
  scraping: ['information-gathering', 'scanner'],
  sql_injection: ['intrusion-attempts', 'exploit'],
  ddos: ['availability', 'ddos'],
  dos: ['availability', 'dos'],
  ddos_amplification: ['vulnerable', 'ddos-amplifier'],
  infected_host: ['malicious-code', 'infected-system'],
  bot: ['malicious-code', 'infected-system'],
  botnet: ['malicious-code', 'infected-system'],
  compromised_server: ['intrusions', 'system-compromise'],
  remote_compromise: ['intrusions', 'application-compromise'],
  defacement: ['intrusions', 'application-compromise'],
  phishing: ['fraud', 'phishing'],
  malware: ['malicious-code', 'malware-distribution'],
  fraud: ['fraud', 'masquerade'],
  brand_infringement: ['fraud', 'masquerade'],
  suspicious_registration: ['fraud', 'masquerade'],
  csam: ['abusive-content', 'violence'],
  csem: ['abusive-content', 'violence'],
  childabuse: ['abusive-content', 'violence'],
  exposed_data: ['information-content-security', 'data-leak'],
  copyright: ['fraud', 'copyright'],
  cyberlocker: ['fraud', 'copyright'],
  link_site: ['fraud', 'copyright'],
  p2p: ['fraud', 'copyright'],
  ugc_platform: ['fraud', 'copyright'],
  usenet: ['fraud', 'copyright'],
  cve: ['vulnerable', 'vulnerable-system'],
  misconfiguration: ['vulnerable', 'vulnerable-system'],
  open_service: ['vulnerable', 'potentially-unwanted-accessible'],
  open: ['vulnerable', 'potentially-unwanted-accessible'],
  blocklist: ['other', 'undetermined'],
  threat_intelligence: ['other', 'undetermined'],
  test: ['test', 'test'],
};
/** PascalCase and 0.2 spellings ("Login-Attack", "LoginAttack", "PortScan") of the same types. */
const ALIASES: Record<string, string> = { loginattack: 'login_attack', portscan: 'port_scan', ddosamplification: 'ddos_amplification' };

export function xarfRsit(type: string | null): { rsitClass: string; rsitType: string } | null {
  if (!type) return null;
  const key = type.toLowerCase().replace(/[\s-]+/g, '_');
  const found = RSIT[key] ?? RSIT[ALIASES[key.replace(/_/g, '')] ?? ''];
  return found ? { rsitClass: found[0], rsitType: found[1] } : { rsitClass: 'other', rsitType: 'undetermined' };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, 2000) : typeof value === 'number' ? String(value) : null;
const portOf = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,5}$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : null;
};
const ipOf = (value: unknown): string | null => {
  const written = text(value)?.replace(/^\[|\]$/g, '') ?? null;
  return written && parseAddress(written) ? written : null;
};

/** Evidence payloads can be megabytes of base64; the stored facts keep their size, the raw mail the bytes. */
function withoutPayloads(value: unknown, depth = 0): unknown {
  if (depth > 12) return '[nested too deep]';
  if (Array.isArray(value)) return value.slice(0, 200).map((v) => withoutPayloads(v, depth + 1));
  if (!isObject(value)) return typeof value === 'string' && value.length > 4000 ? `${value.slice(0, 4000)}…` : value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) =>
      /^(payload|data)$/i.test(key) && typeof v === 'string'
        ? [key, `[${v.length} characters, kept in the raw mail]`]
        : [key, withoutPayloads(v, depth + 1)],
    ),
  );
}

function schemaProblems(validate: ValidateFunction, document: unknown): string[] {
  if (validate(document)) return [];
  return issuesOf(validate.errors).map((i) => `${i.field || '(document)'}: ${i.reason}`);
}

function readV4(document: Record<string, unknown>): XarfReport {
  const category = text(document.category);
  const type = text(document.type);
  const typeSchema = TYPE_SCHEMAS[`${category}/${type}`];
  const schema = typeSchema ?? (category === 'content' ? contentBase : core);
  const reporter = isObject(document.reporter) ? document.reporter : {};
  const source = text(document.source_identifier);
  return {
    format: 'xarf',
    version: text(document.xarf_version) ?? '4',
    category,
    type,
    source,
    sourceIp: ipOf(source),
    sourcePort: portOf(document.source_port),
    destinationIp: ipOf(document.destination_ip),
    destinationPort: portOf(document.destination_port),
    date: text(document.timestamp),
    reporter: [text(reporter.org), text(reporter.contact)].filter(Boolean).join(' ') || null,
    reportId: text(document.report_id),
    url: text(document.url),
    checkedAgainst: (schema as { $id: string }).$id,
    suggestion: xarfRsit(type),
    document: withoutPayloads(document),
    problems: schemaProblems(validatorFor(schema), document),
  };
}

/** v3 and abusix's versions 1 and 2: ReporterInfo and Report, the source flat or as a Source object. */
function readLegacy(document: Record<string, unknown>): XarfReport {
  const version = text(document.Version) ?? '';
  const report = isObject(document.Report) ? document.Report : {};
  const reporter = isObject(document.ReporterInfo) ? document.ReporterInfo : {};
  const sourceObject = isObject(report.Source) ? report.Source : {};
  const source = text(report.SourceIp) ?? text(sourceObject.IP) ?? text(sourceObject.Value) ?? text(report.Source);
  const isV3 = /^3(\.0)?$/.test(version);
  const problems = isV3 ? schemaProblems(validatorFor(legacyV3), document) : [];
  if (!document.Report || !isObject(document.Report)) problems.push('Report: missing');
  return {
    format: 'xarf',
    version,
    category: text(report.ReportClass),
    type: text(report.ReportType),
    source,
    sourceIp: ipOf(source),
    sourcePort: portOf(report.SourcePort ?? sourceObject.Port),
    destinationIp: ipOf(report.DestinationIp),
    destinationPort: portOf(report.DestinationPort),
    date: text(report.Date),
    reporter: [text(reporter.ReporterOrg), text(reporter.ReporterOrgEmail)].filter(Boolean).join(' ') || null,
    reportId: text(report.ReportId) ?? text(document.ReportId),
    url: text(report.Url) ?? text(report.URL),
    checkedAgainst: isV3 ? legacyV3.$id : `no schema ships for version "${version.slice(0, 20)}": read by field names`,
    suggestion: xarfRsit(text(report.ReportType)),
    document: withoutPayloads(document),
    problems,
  };
}

/** The fields every X-ARF 0.1/0.2 report carries (x-arf.org's base schema). */
const YAML_REQUIRED = [
  'Reported-From',
  'Category',
  'Report-Type',
  'Report-ID',
  'Date',
  'Source',
  'Source-Type',
  'User-Agent',
  'Schema-URL',
  'Attachment',
];

function readYamlReport(document: Record<string, unknown>): XarfReport {
  const problems = YAML_REQUIRED.filter((name) => text(document[name]) === null).map((name) => `${name}: missing`);
  const source = text(document.Source);
  const sourceType = (text(document['Source-Type']) ?? '').toLowerCase();
  if (source && /ip/.test(sourceType) && !ipOf(source)) problems.push(`Source: "${source.slice(0, 60)}" is not an IP address`);
  return {
    format: 'xarf',
    version: text(document.Version) ?? /_(\d+\.\d+)(?:\.\d+)?\.json$/.exec(text(document['Schema-URL']) ?? '')?.[1] ?? '0.2',
    category: text(document.Category),
    type: text(document['Report-Type']),
    source,
    sourceIp: ipOf(source),
    sourcePort: portOf(document.Port),
    destinationIp: ipOf(document.Destination ?? document['Destination-IP']),
    destinationPort: null,
    date: text(document.Date),
    reporter: text(document['Reported-From']),
    reportId: text(document['Report-ID']),
    url: /url|uri/.test(sourceType) ? source : null,
    checkedAgainst: 'the X-ARF 0.2 base fields',
    suggestion: xarfRsit(text(document['Report-Type'])),
    document,
    problems,
  };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function parseYamlFields(body: string): Record<string, unknown> | undefined {
  if (body.length > MAX_YAML || !/^(Report-Type|Schema-URL|Reported-From)\s*:/im.test(body)) return undefined;
  try {
    // X-ARF 0.2 is flat "Name: value" YAML; aliases and custom tags have no place in it.
    const value: unknown = parseYaml(body.replace(/^%YAML[^\n]*\n/, ''), {
      maxAliasCount: 0,
      uniqueKeys: false,
      schema: 'core',
      logLevel: 'silent',
    });
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function capped(report: XarfReport): XarfReport {
  return report.problems.length <= MAX_PROBLEMS
    ? report
    : { ...report, problems: [...report.problems.slice(0, MAX_PROBLEMS), `and ${report.problems.length - MAX_PROBLEMS} more`] };
}

/** The X-ARF document among a mail's parts (its body counts as one), if there is one. */
export function readXarf(parts: readonly ReportPart[]): XarfReport | undefined {
  for (const part of parts) {
    const body = part.body.trim();
    if (body.length > MAX_DOCUMENT) continue;
    if (body.startsWith('{')) {
      const document = parseJson(body);
      if (!isObject(document)) continue;
      if ('xarf_version' in document) return capped(readV4(document));
      if ('ReporterInfo' in document || ('Version' in document && 'Report' in document)) return capped(readLegacy(document));
      continue;
    }
    const fields = /^text\/(plain|yaml|x-yaml)|^application\/(x-)?yaml/i.test(part.contentType) ? parseYamlFields(body) : undefined;
    if (fields) return capped(readYamlReport(fields));
  }
  return undefined;
}

/** A mail that says it is X-ARF (its header or Feedback-Type) but holds no readable document: kept, and flagged. */
export function unreadableXarf(parts: readonly ReportPart[]): XarfReport {
  const json = parts.find((p) => /^application\/json/i.test(p.contentType));
  const problem = !json
    ? 'no X-ARF document (JSON or YAML) in the mail'
    : json.body.length > MAX_DOCUMENT
      ? `the JSON part is over ${MAX_DOCUMENT} bytes: not read`
      : parseJson(json.body.trim()) === undefined
        ? 'the JSON part is not valid JSON (cut off, or not UTF-8)'
        : 'the JSON part is neither XARF v4 (xarf_version) nor v3 (Version, ReporterInfo, Report)';
  return {
    format: 'xarf',
    version: 'unknown',
    category: null,
    type: null,
    source: null,
    sourceIp: null,
    sourcePort: null,
    destinationIp: null,
    destinationPort: null,
    date: null,
    reporter: null,
    reportId: null,
    url: null,
    checkedAgainst: 'nothing: no document was read',
    suggestion: null,
    document: null,
    problems: [problem],
  };
}
