import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_incident_loop.js';
import * as m0003 from './0003_directory.js';
import * as m0004 from './0004_constituency.js';
import * as m0005 from './0005_event_storage.js';
import * as m0006 from './0006_egress.js';
import * as m0007 from './0007_login_throttle.js';
import * as m0008 from './0008_workbench.js';
import * as m0009 from './0009_list_order.js';
import * as m0010 from './0010_machine_reports.js';
import * as m0011 from './0011_retention.js';
import * as m0012 from './0012_international_teams.js';
import * as m0013 from './0013_key_list_order.js';
import * as m0014 from './0014_watch_mail.js';
import * as m0015 from './0015_list_order_indexes.js';
import * as m0016 from './0016_advisories.js';
import * as m0017 from './0017_advisory_authoring.js';
import * as m0018 from './0018_advisory_recipients.js';
import * as m0019 from './0019_csaf_subscriptions.js';
import * as m0020 from './0020_csaf_aggregators.js';
import * as m0021 from './0021_sharing_profiles.js';
import * as m0022 from './0022_shared_objects.js';
import * as m0023 from './0023_taxii.js';
import * as m0024 from './0024_taxii_sources.js';
import * as m0025 from './0025_warninglists.js';
import * as m0026 from './0026_peer_shares.js';
import * as m0027 from './0027_feed_event_values.js';
import * as m0028 from './0028_incident_page_indexes.js';
import * as m0029 from './0029_kpi_summaries.js';

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_incident_loop': m0002,
  '0003_directory': m0003,
  '0004_constituency': m0004,
  '0005_event_storage': m0005,
  '0006_egress': m0006,
  '0007_login_throttle': m0007,
  '0008_workbench': m0008,
  '0009_list_order': m0009,
  '0010_machine_reports': m0010,
  '0011_retention': m0011,
  '0012_international_teams': m0012,
  '0013_key_list_order': m0013,
  '0014_watch_mail': m0014,
  '0015_list_order_indexes': m0015,
  '0016_advisories': m0016,
  '0017_advisory_authoring': m0017,
  '0018_advisory_recipients': m0018,
  '0019_csaf_subscriptions': m0019,
  '0020_csaf_aggregators': m0020,
  '0021_sharing_profiles': m0021,
  '0022_shared_objects': m0022,
  '0023_taxii': m0023,
  '0024_taxii_sources': m0024,
  '0025_warninglists': m0025,
  '0026_peer_shares': m0026,
  '0027_feed_event_values': m0027,
  '0028_incident_page_indexes': m0028,
  '0029_kpi_summaries': m0029,
};
