/**
 * The scheduled side of early warning: every minute, run the feeds whose cron schedule has come
 * due; every five minutes, build the notifications whose period has ended. Both are pg-boss jobs,
 * so several workers share them; notifications are exactly-once by their unique period. Every
 * minute too, the addresses and domains of the runs that ended go where "seen elsewhere" looks.
 */
import type { Config } from '../config.js';
import { defineJob } from '../jobs/queue.js';
import { intakeSettings } from '../intake/settings.js';
import type { TeamKey } from '../mail/pgp.js';
import { dispatchNotifications } from '../notifications/dispatch.js';
import { indexFeedEventValues } from './event-values.js';
import { isDue, listFeeds } from './feeds.js';
import { runFeed } from './runner.js';

export function earlyWarningJobs(
  { mail, feedPrivateUrls: allowPrivateUrls, feedDir }: Pick<Config, 'mail' | 'feedPrivateUrls' | 'feedDir'>,
  teamKey?: TeamKey,
) {
  const runDueFeeds = defineJob({
    name: 'feeds.run-due',
    schedule: '* * * * *',
    options: { retryLimit: 0, expireInSeconds: 6 * 60 * 60 },
    async handle(_data, { database }) {
      const { db } = database;
      const now = new Date();
      for (const feed of await listFeeds(db)) {
        if (!feed.enabled || feed.source.kind === 'upload' || feed.source.kind === 'intake') continue;
        const last = await db
          .selectFrom('feed_runs')
          .select('started_at')
          .where('feed_name', '=', feed.name)
          .orderBy('started_at', 'desc')
          .executeTakeFirst();
        if (!isDue(feed.schedule, last ? new Date(last.started_at) : null, now)) continue;
        // A failing feed is recorded in its run log; the others still run.
        await runFeed(db, feed, { actor: 'system:scheduler', allowPrivateUrls, feedDir }).catch((error: Error) =>
          console.error(`vakt: feed ${feed.name}: ${error.message}`),
        );
      }
      await dispatchNotifications(db, { settings: await intakeSettings(db, mail, teamKey) });
    },
  });
  const dispatch = defineJob({
    name: 'notifications.dispatch',
    schedule: '*/5 * * * *',
    async handle(_data, { database }) {
      await dispatchNotifications(database.db, { settings: await intakeSettings(database.db, mail, teamKey) });
    },
  });
  const indexValues = defineJob({
    name: 'feeds.index-values',
    schedule: '* * * * *',
    async handle(_data, { database }) {
      // A backlog (after an outage) is worked off a bounded number of runs a minute.
      await indexFeedEventValues(database.db);
    },
  });
  return [runDueFeeds, dispatch, indexValues];
}
