import { sql, type Kysely } from 'kysely';

/*
 * KPIs read stored tallies per UTC day and per month instead of every incident of the period
 * (measured: a year took 1.3 s at 1,000,000 incidents), and the dashboard reads the open
 * incidents' clocks stored beside them. A trigger notes the day of every incident whose timing,
 * class, priority or standing changed; the job kpi.refresh works those days off. A noted day is
 * counted from its incidents until then, so a KPI never lags a change.
 */
const STATEMENTS = [
  `create table kpi_changes (id bigint generated always as identity primary key, day date not null)`,
  `create index kpi_changes_day on kpi_changes (day)`,
  `create table kpi_days (
     day date not null, rsit_class text not null, priority text not null,
     incidents integer not null, open integer not null, overdue integer not null, steps jsonb not null,
     primary key (day, rsit_class, priority))`,
  `create table kpi_months (
     month date not null, rsit_class text not null, priority text not null,
     incidents integer not null, open integer not null, overdue integer not null, steps jsonb not null,
     primary key (month, rsit_class, priority))`,
  // settles_at: when an open step of the period falls due, so its breach count goes stale.
  `create table kpi_day_states (day date primary key, clock text not null, settles_at timestamptz)`,
  `create table kpi_month_states (month date primary key, clock text not null, settles_at timestamptz)`,
  // The dashboard's clocks: each open incident's first step not done. Keyed by day too: an incident
  // whose opening moved is under both days until the job has counted both.
  `create table kpi_open_steps (
     day date not null, incident_id bigint not null, priority text not null,
     measure text, due_at timestamptz, primary key (day, incident_id))`,
  `create index kpi_open_steps_due on kpi_open_steps (due_at)`,
  `create function incidents_kpi_change() returns trigger language plpgsql as $$
   begin
     if tg_op <> 'INSERT' then
       insert into kpi_changes (day) values ((old.opened_at at time zone 'UTC')::date);
     end if;
     if tg_op = 'INSERT' then
       insert into kpi_changes (day) values ((new.opened_at at time zone 'UTC')::date);
     elsif tg_op = 'UPDATE' then
       if (new.opened_at at time zone 'UTC')::date <> (old.opened_at at time zone 'UTC')::date then
         insert into kpi_changes (day) values ((new.opened_at at time zone 'UTC')::date);
       end if;
     end if;
     return null;
   end $$`,
  `create trigger incidents_kpi_insert_delete after insert or delete on incidents
     for each row execute function incidents_kpi_change()`,
  `create trigger incidents_kpi_update after update on incidents for each row
     when ((old.opened_at, old.acknowledged_at, old.triaged_at, old.contained_at, old.resolved_at, old.closed_at,
            old.priority, old.rsit_class, old.phase, old.merged_into_id)
           is distinct from
           (new.opened_at, new.acknowledged_at, new.triaged_at, new.contained_at, new.resolved_at, new.closed_at,
            new.priority, new.rsit_class, new.phase, new.merged_into_id))
     execute function incidents_kpi_change()`,
  // The dashboard's last week and last activity, which sorted or scanned whole tables (measured:
  // 229 ms for the activity at 100,000 incidents).
  `create index timeline_events_occurred on timeline_events (occurred_at)`,
  `create index notifications_created on notifications (created_at)`,
  `create index notification_feedback_created on notification_feedback (created_at)`,
  `insert into kpi_changes (day) select distinct (opened_at at time zone 'UTC')::date from incidents`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['timeline_events_occurred', 'notifications_created', 'notification_feedback_created'])
    await sql.raw(`drop index ${index}`).execute(db);
  await sql.raw(`drop trigger incidents_kpi_update on incidents`).execute(db);
  await sql.raw(`drop trigger incidents_kpi_insert_delete on incidents`).execute(db);
  await sql.raw(`drop function incidents_kpi_change()`).execute(db);
  for (const table of ['kpi_open_steps', 'kpi_month_states', 'kpi_day_states', 'kpi_months', 'kpi_days', 'kpi_changes'])
    await sql.raw(`drop table ${table}`).execute(db);
}
