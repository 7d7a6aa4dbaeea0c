import { Button, NativeSelect, TextInput, Textarea } from '@mantine/core';
/**
 * The team profile: what the team publishes (RFC 2350, security.txt) and what Vakt runs on
 * (hours, holidays, default TLP). Editing needs profile:write; a save sends the version it
 * was based on, so a colleague's newer edit is never overwritten.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, type Answer, type FieldIssue, type Session } from '../api';
import { TLPS } from '../components';
import { useLanguage, useT, weekdayName } from '../i18n';
import { RetentionFields } from './RetentionFields';

type Stored = Answer<'/api/profile'>;
type TeamProfile = Stored['profile'];

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

function hoursText(p: TeamProfile): string[] {
  return DAYS.map(
    (d) => `${d[0]!.toUpperCase()}${d.slice(1)}: ${p.operatingHours[d].map((r) => `${r.start}–${r.end}`).join(', ') || 'closed'}`,
  );
}

export function ProfilePage({ session }: { session: Session }) {
  const t = useT();
  const query = useQuery({ queryKey: ['profile'], queryFn: () => api<Stored>('GET', '/api/profile') });
  const [editing, setEditing] = useState(false);
  const canEdit = session.permissions.includes('profile:write');

  if (query.isPending) return <p>{t('Loading the profile…')}</p>;
  if (query.isError) return <p role="alert">{query.error.message}</p>;
  const { profile, version, updatedAt } = query.data;

  if (editing) return <ProfileForm stored={query.data} onDone={() => setEditing(false)} />;
  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">{profile.team.name}</h1>
      <p className="muted">
        {t('Version {version}, saved {when}', { version, when: new Date(updatedAt).toLocaleString() })} · <a href="/rfc2350">RFC 2350</a> ·{' '}
        <a href="/.well-known/security.txt">security.txt</a>
      </p>
      {canEdit && (
        <Button variant="default" onClick={() => setEditing(true)}>
          {t('Edit profile')}
        </Button>
      )}
      <dl className="facts">
        <dt>{t('Short name')}</dt>
        <dd>{profile.team.shortName}</dd>
        <dt>{t('Country')}</dt>
        <dd data-testid="profile-country">
          {profile.team.country}
          {profile.team.region ? ` (${profile.team.region})` : ''}
        </dd>
        <dt>{t('E-mail')}</dt>
        <dd data-testid="profile-email">{profile.email.address}</dd>
        <dt>{t('Telephone')}</dt>
        <dd>{profile.telephone.map((t) => (t.label ? `${t.label}: ${t.number}` : t.number)).join(' · ') || '—'}</dd>
        <dt>{t('Time zone')}</dt>
        <dd>{profile.timeZone}</dd>
        <dt>{t('Operating hours')}</dt>
        <dd>
          {hoursText(profile).map((line) => (
            <div key={line}>{line}</div>
          ))}
          <div className="muted">
            {t('Closed on {kinds} holidays ({country})', {
              kinds: profile.holidays.closedOn.join(', ') || t('no'),
              country: profile.holidays.country,
            })}
          </div>
        </dd>
        <dt>{t('Default TLP')}</dt>
        <dd>
          <span className={`tlp tlp-${profile.tlp.default.replace('+', '-').toLowerCase()}`}>TLP:{profile.tlp.default}</span>
        </dd>
        <dt>{t('Mission')}</dt>
        <dd>{profile.charter.mission}</dd>
        <dt>{t('Constituency')}</dt>
        <dd>{profile.charter.constituency}</dd>
        <dt>{t('Services')}</dt>
        <dd>{profile.services.framework.join(' · ')}</dd>
        <dt>{t('Disclaimers')}</dt>
        <dd data-testid="profile-disclaimers">{profile.disclaimers}</dd>
      </dl>
    </section>
  );
}

function issueFor(issues: FieldIssue[], field: string): string | undefined {
  return issues.find((i) => i.field === field || i.field.startsWith(`${field}.`) || i.field.startsWith(`${field}[`))?.reason;
}

function ProfileForm({ stored, onDone }: { stored: Stored; onDone: () => void }) {
  const t = useT();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<TeamProfile>(() => structuredClone(stored.profile));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState('');
  const save = useMutation({
    mutationFn: (profile: TeamProfile) => api<Stored>('PUT', '/api/profile', profile, { 'if-match': `"${stored.version}"` }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['profile'], saved);
      onDone();
    },
    onError: (error) => {
      setIssues(error instanceof ApiError ? error.issues : []);
      setMessage(error.message);
    },
  });

  const set = (update: (p: TeamProfile) => void) =>
    setDraft((current) => {
      const next = structuredClone(current);
      update(next);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };

  const field = (label: string, path: string, value: string, onChange: (v: string) => void, multiline = false) => {
    const problem = issueFor(issues, path);
    const props = {
      label,
      name: path,
      value,
      error: problem,
      errorProps: { className: 'field-error' },
      onChange: (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value),
    };
    return multiline ? <Textarea rows={4} {...props} /> : <TextInput {...props} />;
  };

  return (
    <form onSubmit={submit} aria-label={t('Edit team profile')} className="profile-form">
      <h1>{t('Edit team profile')}</h1>
      {message && <p role="alert">{message}</p>}
      <fieldset>
        <legend>{t('Team')}</legend>
        {field(t('Team name'), 'team.name', draft.team.name, (v) => set((p) => void (p.team.name = v)))}
        {field(t('Short name (subject tag)'), 'team.shortName', draft.team.shortName, (v) => set((p) => void (p.team.shortName = v)))}
        {field(t('Country (ISO code, or INT for a team of no single country)'), 'team.country', draft.team.country, (v) =>
          set((p) => void (p.team.country = v.toUpperCase())),
        )}
        {field(t('Region served (a team of no single country)'), 'team.region', draft.team.region ?? '', (v) =>
          set((p) => {
            if (v) p.team.region = v;
            else delete p.team.region;
          }),
        )}
        {field(t('E-mail address'), 'email.address', draft.email.address, (v) => set((p) => void (p.email.address = v)))}
        {field(t('Time zone (IANA)'), 'timeZone', draft.timeZone, (v) => set((p) => void (p.timeZone = v)))}
        <NativeSelect
          label={t('Default TLP for unlabelled information')}
          name="tlp.default"
          value={draft.tlp.default}
          onChange={(e) => set((p) => void (p.tlp.default = e.target.value as TeamProfile['tlp']['default']))}
        >
          {TLPS.map((l) => (
            <option key={l} value={l}>
              TLP:{l}
            </option>
          ))}
        </NativeSelect>
      </fieldset>
      <fieldset>
        <legend>{t('Operating hours (empty = closed)')}</legend>
        {DAYS.map((day) => {
          const range = draft.operatingHours[day][0];
          const problem = issueFor(issues, `operatingHours.${day}`);
          const update = (key: 'start' | 'end', value: string) =>
            set((p) => {
              const current = p.operatingHours[day][0] ?? { start: '', end: '' };
              const next = { ...current, [key]: value };
              p.operatingHours[day] = next.start || next.end ? [next, ...p.operatingHours[day].slice(1)] : p.operatingHours[day].slice(1);
            });
          return (
            <div className="hours-row" key={day}>
              <span>{weekdayName(day, language)}</span>
              <TextInput
                aria-label={t('{day} opens', { day: weekdayName(day, language) })}
                name={`${day}.start`}
                placeholder="08:00"
                value={range?.start ?? ''}
                onChange={(e) => update('start', e.currentTarget.value)}
              />
              <TextInput
                aria-label={t('{day} closes', { day: weekdayName(day, language) })}
                name={`${day}.end`}
                placeholder="16:45"
                value={range?.end ?? ''}
                onChange={(e) => update('end', e.currentTarget.value)}
              />
              {problem && <span className="field-error">{problem}</span>}
            </div>
          );
        })}
        {field(t('Holiday calendar (country code)'), 'holidays.country', draft.holidays.country, (v) =>
          set((p) => void (p.holidays.country = v.toUpperCase())),
        )}
      </fieldset>
      <fieldset>
        <legend>{t('Charter and policies')}</legend>
        {field(t('Mission statement'), 'charter.mission', draft.charter.mission, (v) => set((p) => void (p.charter.mission = v)), true)}
        {field(
          t('Constituency'),
          'charter.constituency',
          draft.charter.constituency,
          (v) => set((p) => void (p.charter.constituency = v)),
          true,
        )}
        {field(t('Incident reporting forms'), 'reportingForms', draft.reportingForms, (v) => set((p) => void (p.reportingForms = v)), true)}
        {field(t('Disclaimers'), 'disclaimers', draft.disclaimers, (v) => set((p) => void (p.disclaimers = v)), true)}
      </fieldset>
      <RetentionFields
        value={draft.retention}
        onChange={(retention) => set((p) => void (p.retention = retention))}
        problem={issueFor(issues, 'retention')}
      />
      <div className="actions">
        <Button type="submit" disabled={save.isPending}>
          {t('Save profile')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('Cancel')}
        </Button>
      </div>
    </form>
  );
}
