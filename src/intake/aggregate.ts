/**
 * A provider's feedback loop sends thousands of ARF or X-ARF reports a day: triaged one by one
 * they would bury the queue. A feed of format `arf` with source `{ kind: 'intake', senders }`
 * names the senders whose reports are aggregated instead: each becomes an early-warning event of
 * that feed, routed to its constituent by the source address, de-duplicated, and notified per
 * constituent and period like any feed's events. The mail is kept, filed on no report.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { listFeeds, type Feed } from '../feeds/feeds.js';
import type { Mapping } from '../feeds/mapping.js';
import { ingestFeed, type RunSummary } from '../feeds/pipeline.js';
import { abuseSuggestion, type FeedbackReport } from './machine-reports.js';
import type { XarfReport } from './xarf.js';

/** The one-line JSON each report becomes, read by the feed pipeline like any JSON feed. */
const MACHINE_MAPPING: Mapping = {
  time: 'time',
  timeFormat: 'iso',
  sourceIp: 'sourceIp',
  sourceDomain: 'domain',
  sourcePort: 'sourcePort',
  rsitClass: 'rsitClass',
  rsitType: 'rsitType',
  identifier: 'identifier',
};

export function sentBy(senders: readonly string[], from: string): boolean {
  const address = from.toLowerCase();
  return senders.some((s) => (s.startsWith('@') ? address.endsWith(s.toLowerCase()) : address === s.toLowerCase()));
}

/** The enabled feed that aggregates this sender's machine reports, if there is one. */
export async function aggregatingFeed(db: Kysely<Schema>, from: string | undefined): Promise<Feed | undefined> {
  if (!from) return undefined;
  return (await listFeeds(db)).find((f) => f.enabled && f.source.kind === 'intake' && sentBy(f.source.senders, from));
}

function eventOf(report: FeedbackReport | XarfReport, receivedAt: Date): Record<string, string | number | null> | undefined {
  const suggestion = abuseSuggestion(report);
  // Opt-outs and not-spam are a recipient's preference: kept with the mail, no event.
  if (!suggestion) return undefined;
  const when = Date.parse((report.format === 'arf' ? report.arrivalDate : report.date) ?? '');
  const url = report.format === 'arf' ? report.reportedUris[0] : report.url;
  return {
    time: new Date(Number.isNaN(when) ? receivedAt.getTime() : when).toISOString(),
    sourceIp: report.sourceIp,
    domain: report.format === 'arf' ? (report.reportedDomains[0] ?? url ?? null) : report.sourceIp ? null : (report.source ?? url ?? null),
    sourcePort: report.format === 'xarf' ? report.sourcePort : null,
    rsitClass: suggestion.rsitClass,
    rsitType: suggestion.rsitType,
    identifier: report.format === 'arf' ? `arf-${report.feedbackType}` : `xarf-${(report.type ?? 'unknown').toLowerCase()}`,
  };
}

/** Stores the report as an event of the feed; undefined when it is no incident (an opt-out). */
export async function aggregate(
  db: Kysely<Schema>,
  feed: Feed,
  report: FeedbackReport | XarfReport,
  source: string,
  receivedAt = new Date(),
): Promise<RunSummary | undefined> {
  const event = eventOf(report, receivedAt);
  if (!event) return undefined;
  const spec = { id: feed.id, name: feed.name, format: 'json', tlp: feed.tlp, mapping: MACHINE_MAPPING, dedupHours: feed.dedupHours };
  const line = `${JSON.stringify(event)}\n`;
  const stream = (async function* () {
    yield line;
  })();
  return ingestFeed(db, spec, { stream, source, totalBytes: Buffer.byteLength(line), actor: 'system:intake' });
}
