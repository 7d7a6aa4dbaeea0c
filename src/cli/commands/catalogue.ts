/**
 * Every top-level command, its summary and the module that defines it. `vakt --help` is printed
 * from this table alone, and a command loads only its own module: loading every module took
 * seconds before any command started.
 */
import type { Command } from 'commander';

type Register = (program: Command) => void;

const admin = (): Promise<Register> => import('./admin.js').then((m) => m.registerAdminCommands);
const advisories = (): Promise<Register> => import('./advisories.js').then((m) => m.registerAdvisoryCommands);
const constituency = (): Promise<Register> => import('./constituency.js').then((m) => m.registerConstituencyCommands);
const directory = (): Promise<Register> => import('./directory.js').then((m) => m.registerDirectoryCommands);
const feeds = (): Promise<Register> => import('./feeds.js').then((m) => m.registerFeedCommands);
const mail = (): Promise<Register> => import('./mail.js').then((m) => m.registerMailCommands);
const profile = (): Promise<Register> => import('./profile.js').then((m) => m.registerProfileCommands);
const retention = (): Promise<Register> => import('./retention.js').then((m) => m.registerRetentionCommands);
const server = (): Promise<Register> => import('./server.js').then((m) => m.registerServerCommands);
const share = (): Promise<Register> => import('./share.js').then((m) => m.registerShareCommands);
const taxii = (): Promise<Register> => import('./taxii.js').then((m) => m.registerTaxiiCommands);

interface Entry {
  /** As `vakt --help` shows it: the name and its arguments. */
  usage: string;
  summary: string;
  load: () => Promise<Register>;
}

export const CATALOGUE: readonly Entry[] = [
  { usage: 'serve', summary: 'run the web UI and API (and, unless --no-worker, the background jobs)', load: server },
  { usage: 'worker', summary: 'run only the background jobs; several workers may share one PostgreSQL server', load: server },
  { usage: 'migrate', summary: 'apply pending database migrations', load: admin },
  { usage: 'init', summary: 'set up a new installation: the team organisation and its first admin', load: admin },
  {
    usage: 'demo',
    summary: 'load demo data (a CERT Stockholm-like team, a user of every role, reports and an incident) into an empty database',
    load: admin,
  },
  { usage: 'users', summary: 'manage users', load: admin },
  { usage: 'audit', summary: 'the tamper-evident audit log', load: admin },
  { usage: 'backup <file>', summary: 'write every record to FILE (gzip JSON lines); works on both engines', load: admin },
  { usage: 'restore <file>', summary: 'restore FILE into an empty database (either engine); all or nothing', load: admin },
  { usage: 'profile', summary: "the team's RFC 2350 profile", load: profile },
  { usage: 'retention', summary: 'the retention policy: dry run, purge now, data-subject export', load: retention },
  { usage: 'import', summary: 'import mail archives (migration from another tool); nothing is acknowledged', load: mail },
  { usage: 'mail', summary: 'outgoing mail', load: mail },
  { usage: 'keys', summary: 'contact PGP keys', load: mail },
  { usage: 'directory', summary: 'the CSIRT directory: peer teams, RFC 2350 import, coverage and gap analysis', load: directory },
  { usage: 'constituency', summary: 'the organisations of the constituency: netblocks, ASNs, domains, contacts', load: constituency },
  {
    usage: 'lookup <query>',
    summary: 'who is responsible: the constituency (longest prefix, domain suffix, ASN), else RIPE, else the national point of contact',
    load: constituency,
  },
  { usage: 'ripe', summary: 'the RIPE database, for lookups outside the constituency', load: constituency },
  { usage: 'feed', summary: 'early-warning feeds: definitions, runs, ad-hoc ingestion', load: feeds },
  {
    usage: 'advisories',
    summary: 'security advisories in CSAF 2.0: validate, import, list, show, export, publish, check a provider, subscribe',
    load: advisories,
  },
  {
    usage: 'share',
    summary: "share with peer teams: export an incident as a STIX 2.1 bundle, preview what a peer would receive, import a peer's bundle",
    load: share,
  },
  { usage: 'taxii', summary: "peers' TAXII 2.1 collections: follow one, pull what is new", load: taxii },
  {
    usage: 'notify',
    summary: 'build the notifications whose period has ended and queue their mail; --dry-run shows what each organisation would receive',
    load: feeds,
  },
];

const byName = new Map(CATALOGUE.map((e) => [e.usage.split(' ')[0]!, e]));

/** The summary of a top-level command, for the module that defines it. */
export function summary(name: string): string {
  const entry = byName.get(name);
  if (!entry) throw new Error(`no command ${name} in the catalogue`);
  return entry.summary;
}

/**
 * Registers what ARGS need: the one module that defines the command named, or, for help and
 * unknown commands, every command as its name and summary only.
 */
export async function registerFor(program: Command, args: string[]): Promise<void> {
  const name = args[0] === 'help' ? args[1] : args[0];
  const entry = name === undefined ? undefined : byName.get(name);
  if (entry) {
    (await entry.load())(program);
    return;
  }
  for (const e of CATALOGUE) program.command(e.usage).description(e.summary);
}
