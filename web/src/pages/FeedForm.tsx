import { Checkbox, NativeSelect, TextInput, Textarea } from '@mantine/core';
/**
 * A feed definition, added or changed. What the form does not show as a field (a mapping, the
 * RSIT override) is shown as JSON and sent back as it was unless edited, so saving never drops it.
 */
import type { Answer } from '../api';
import { ActionButton, ActionForm, text, TlpSelect } from '../components';
import { useT } from '../i18n';

export type Feed = Answer<'/api/feeds'>['feeds'][number];

const SOURCES = ['upload', 'file', 'url', 'imap', 'intake'] as const;

/** A field of the feed's source, whichever kind it is ('' where that kind has none). */
function sourceField(feed: Feed | undefined, name: 'url' | 'path' | 'mailbox' | 'folder' | 'attachmentPattern'): string {
  const source = feed?.source;
  return source && name in source ? String((source as Record<string, unknown>)[name] ?? '') : '';
}
const NOTIFY = ['immediately', 'hourly', 'daily', 'never'] as const;

/** The senders of an intake feed, one per line. */
function sendersOf(feed: Feed | undefined): string {
  return feed?.source.kind === 'intake' ? feed.source.senders.join('\n') : '';
}

function sourceFrom(f: FormData): Record<string, string | string[]> {
  const kind = text(f, 'sourceKind');
  if (kind === 'file') return { kind, path: text(f, 'sourcePath') };
  if (kind === 'url') return { kind, url: text(f, 'sourceUrl') };
  if (kind === 'imap') {
    const pattern = text(f, 'attachmentPattern');
    return { kind, mailbox: text(f, 'sourceMailbox'), folder: text(f, 'sourceFolder'), ...(pattern ? { attachmentPattern: pattern } : {}) };
  }
  if (kind === 'intake')
    return {
      kind,
      senders: text(f, 'sourceSenders')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    };
  return { kind };
}

/** JSON typed into a field, or a problem the server reports by the field's name. */
function json(f: FormData, name: string): unknown {
  const raw = text(f, name);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return `not JSON: ${raw.slice(0, 40)}`;
  }
}

export function FeedForm({ feed }: { feed?: Feed }) {
  const t = useT();
  const path = (name: string) => `/api/feeds/${encodeURIComponent(name)}`;
  return (
    <>
      <ActionForm
        label={feed ? t('Save {name}', { name: feed.name }) : t('Add feed')}
        method="PUT"
        path={feed ? path(feed.name) : '/api/feeds/{name}'}
        {...(feed ? { headers: { 'if-match': `"${feed.version}"` } } : {})}
        invalidates={[['feeds']]}
        fieldLabels={{
          source: t('Source'),
          'source.url': 'URL',
          'source.path': t('File path'),
          mapping: t('Mapping'),
          rsit: t('RSIT class and type'),
        }}
        toBody={(f) => {
          const mapping = json(f, 'mapping');
          const rsit = json(f, 'rsit');
          return {
            name: feed?.name ?? text(f, 'name'),
            description: text(f, 'description'),
            format: text(f, 'format'),
            source: sourceFrom(f),
            schedule: text(f, 'schedule') || 'manual',
            tlp: text(f, 'tlp'),
            notify: text(f, 'notify'),
            dedupHours: Number(text(f, 'dedupHours')),
            enabled: f.get('enabled') === 'on',
            ...(mapping !== undefined ? { mapping } : {}),
            ...(rsit !== undefined ? { rsit } : {}),
          };
        }}
        pathFrom={feed ? undefined : (f) => path(text(f, 'name'))}
      >
        {!feed && <TextInput label={t('Name (lower case, digits, . _ -)')} name="name" pattern="[a-z0-9][a-z0-9._\-]{0,63}" />}
        <TextInput label={t('Description')} name="description" defaultValue={feed?.description ?? ''} />
        <TextInput
          label={t('Format (shadowserver, shadowserver:scan_rdp…, csv, json, or arf for abuse reports from mail intake)')}
          name="format"
          defaultValue={feed?.format ?? 'shadowserver'}
          list="feed-formats"
        />
        <datalist id="feed-formats">
          <option value="shadowserver" />
          <option value="csv" />
          <option value="json" />
          <option value="arf" />
        </datalist>
        <fieldset>
          <legend>{t('Source')}</legend>
          <NativeSelect label={t('Kind')} name="sourceKind" defaultValue={feed?.source.kind ?? 'upload'}>
            {SOURCES.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </NativeSelect>
          <TextInput label={t('URL (kind url)')} name="sourceUrl" defaultValue={sourceField(feed, 'url')} placeholder="https://…" />
          <TextInput label={t('File path (kind file)')} name="sourcePath" defaultValue={sourceField(feed, 'path')} />
          <TextInput label={t('Intake mailbox (kind imap)')} name="sourceMailbox" defaultValue={sourceField(feed, 'mailbox')} />
          <TextInput label={t('Folder (kind imap)')} name="sourceFolder" defaultValue={sourceField(feed, 'folder')} />
          <TextInput
            label={t('Attachment names matching (kind imap, a regular expression)')}
            name="attachmentPattern"
            defaultValue={sourceField(feed, 'attachmentPattern')}
          />
          <Textarea
            label={t('Senders whose ARF and X-ARF reports are aggregated (kind intake; an address or @domain per line)')}
            name="sourceSenders"
            rows={3}
            defaultValue={sendersOf(feed)}
          />
        </fieldset>
        <TextInput
          label={t('Schedule (“manual” or cron in UTC, e.g. “15 * * * *”)')}
          name="schedule"
          defaultValue={feed?.schedule ?? 'manual'}
        />
        <TlpSelect label={t('TLP of its events')} defaultValue={feed?.tlp ?? 'AMBER'} unset="(choose)" />
        <NativeSelect label={t('Notify the organisations')} name="notify" defaultValue={feed?.notify ?? 'daily'}>
          {NOTIFY.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </NativeSelect>
        <TextInput
          label={t('De-duplicate within (hours)')}
          name="dedupHours"
          type="number"
          min={1}
          max={720}
          defaultValue={feed?.dedupHours ?? 24}
        />
        <Checkbox label={t('enabled')} name="enabled" defaultChecked={feed?.enabled ?? true} my="xs" />
        <Textarea
          label={t('Mapping (JSON, for csv and json formats)')}
          name="mapping"
          rows={4}
          defaultValue={feed?.mapping ? JSON.stringify(feed.mapping, null, 2) : ''}
        />
        <TextInput
          label={t('RSIT class and type of every event (JSON, e.g. {example})', {
            example: '{"class": "vulnerable", "type": "vulnerable-system"}',
          })}
          name="rsit"
          defaultValue={feed?.rsit ? JSON.stringify(feed.rsit) : ''}
        />
      </ActionForm>
      {feed && (
        <ActionButton
          label={t('Remove {name}', { name: feed.name })}
          method="DELETE"
          path={path(feed.name)}
          invalidates={[['feeds']]}
          confirm={t('Remove the feed {name}? A feed that has sent notifications cannot be removed; disable it instead.', {
            name: feed.name,
          })}
        />
      )}
    </>
  );
}
