import { Button, Checkbox, NativeSelect, TextInput, Textarea } from '@mantine/core';
/**
 * Adds an organisation, or replaces one. An edit starts from everything the organisation has and
 * sends all of it back: a field the form does not show must never be lost by saving.
 */
import { useState } from 'react';
import type { Answer } from '../api';
import { ActionForm, text, TLPS } from '../components';
import { OrganisationPicker, type Chosen } from '../organisation-picker';
import { useT } from '../i18n';

export type Organisation = Answer<'/api/organisations'>['organisations'][number];
export type Contact = Organisation['contacts'][number];

const CATEGORIES = ['municipality', 'department', 'company', 'foundation', 'supplier', 'other'] as const;
const CONTACT_ROLES = ['security', 'abuse', 'technical', 'management', 'other'] as const;
const LANGUAGES = { sv: 'Swedish', en: 'English' } as const;

const lines = (value: string) =>
  value
    .split(/[\n,;]+/)
    .map((l) => l.trim())
    .filter(Boolean);
/** Lines only, for values with spaces and commas of their own (a netblock's description). */
const textLines = (value: string) =>
  value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** "10.0.0.0/8 City hall" → a netblock. */
const netblockLine = (line: string) => {
  const [prefix = '', ...rest] = line.split(/\s+/);
  return { prefix, ...(rest.length > 0 ? { description: rest.join(' ') } : {}) };
};

type ContactDraft = Omit<Contact, 'id'> & { key: number };
let nextKey = 0;
const draft = (c?: Contact): ContactDraft => ({
  key: nextKey++,
  role: c?.role ?? 'security',
  name: c?.name ?? '',
  email: c?.email ?? '',
  phone: c?.phone ?? '',
  pgpFingerprint: c?.pgpFingerprint ?? null,
  language: c?.language ?? 'sv',
  notify: c?.notify ?? true,
});

/** What the API takes for a contact: every field the stored one has (the fingerprint comes from the key store). */
const contactInput = ({ key: _key, pgpFingerprint, ...c }: ContactDraft) => ({
  ...c,
  name: c.name.trim(),
  email: c.email.trim(),
  phone: c.phone.trim(),
  ...(pgpFingerprint ? { pgpFingerprint } : {}),
});

export function OrganisationForm({ org, parent }: { org?: Organisation; parent?: Chosen | undefined }) {
  const t = useT();
  const [contacts, setContacts] = useState<ContactDraft[]>(() => (org?.contacts ?? []).map(draft));
  const change = (key: number, patch: Partial<ContactDraft>) =>
    setContacts((all) => all.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  return (
    <details>
      <summary>{org ? t('Edit this organisation') : t('Add an organisation')}</summary>
      <ActionForm
        label={org ? t('Save organisation') : t('Add organisation')}
        method={org ? 'PUT' : 'POST'}
        path={org ? `/api/organisations/${org.id}` : '/api/organisations'}
        {...(org ? { headers: { 'if-match': `"${org.version}"` } } : {})}
        invalidates={[['organisations']]}
        fieldLabels={{
          name: t('Name'),
          shortName: t('Short name'),
          netblocks: t('Netblocks'),
          asns: t('AS numbers'),
          domains: t('Domains'),
          products: t('Product inventory (CPE or purl, one per line)'),
          contacts: t('Contacts'),
          tags: t('Tags'),
        }}
        toBody={(form) => ({
          name: text(form, 'name'),
          ...(text(form, 'shortName') ? { shortName: text(form, 'shortName') } : {}),
          category: text(form, 'category'),
          parent: text(form, 'parent') || null,
          tlpClearance: text(form, 'tlpClearance'),
          tags: lines(text(form, 'tags')),
          notes: String(form.get('notes') ?? ''),
          netblocks: textLines(text(form, 'netblocks')).map(netblockLine),
          asns: lines(text(form, 'asns')).map((a) => Number(a.replace(/^AS/i, ''))),
          domains: lines(text(form, 'domains')),
          products: textLines(text(form, 'products')),
          contacts: contacts.map(contactInput),
        })}
      >
        <TextInput label={t('Name')} name="name" required defaultValue={org?.name ?? ''} />
        <TextInput label={t('Short name')} name="shortName" defaultValue={org?.shortName ?? ''} />
        <NativeSelect label={t('Category')} name="category" defaultValue={org?.category ?? 'other'}>
          {CATEGORIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </NativeSelect>
        <OrganisationPicker
          name="parent"
          legend={t('Part of')}
          chosen={parent ? [parent] : []}
          exclude={(o) => o.kind === 'team' || o.id === org?.id}
        />
        <NativeSelect label={t('TLP clearance')} name="tlpClearance" defaultValue={org?.tlpClearance ?? 'AMBER'}>
          {TLPS.map((label) => (
            <option key={label}>{label}</option>
          ))}
        </NativeSelect>
        <TextInput label={t('Tags')} name="tags" defaultValue={org?.tags.join(', ') ?? ''} />
        <Textarea
          label={t('Netblocks (one per line: prefix, then a description)')}
          name="netblocks"
          rows={3}
          defaultValue={org?.netblocks.map((b) => `${b.prefix} ${b.description}`.trim()).join('\n') ?? ''}
        />
        <TextInput label={t('AS numbers')} name="asns" defaultValue={org?.asns.map((a) => `AS${a}`).join(', ') ?? ''} />
        <Textarea label={t('Domains')} name="domains" rows={2} defaultValue={org?.domains.join('\n') ?? ''} />
        <Textarea
          label={t('Product inventory (CPE or purl, one per line)')}
          name="products"
          rows={3}
          defaultValue={org?.products.join('\n') ?? ''}
        />
        <Textarea label={t('Notes')} name="notes" rows={3} defaultValue={org?.notes ?? ''} />
        <fieldset>
          <legend>{t('Contacts')}</legend>
          {contacts.map((c, i) => (
            <ContactRow
              key={c.key}
              contact={c}
              number={i + 1}
              onChange={(patch) => change(c.key, patch)}
              onRemove={() => setContacts((all) => all.filter((x) => x.key !== c.key))}
            />
          ))}
          <Button variant="default" onClick={() => setContacts((all) => [...all, draft()])}>
            {t('Add a contact')}
          </Button>
        </fieldset>
      </ActionForm>
    </details>
  );
}

function ContactRow({
  contact: c,
  number,
  onChange,
  onRemove,
}: {
  contact: ContactDraft;
  number: number;
  onChange: (patch: Partial<ContactDraft>) => void;
  onRemove: () => void;
}) {
  const t = useT();
  return (
    <div className="contact-row" role="group" aria-label={t('Contact {number}', { number })}>
      <NativeSelect label={t('Role')} value={c.role} onChange={(e) => onChange({ role: e.target.value })}>
        {CONTACT_ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </NativeSelect>
      <TextInput label={t('E-mail')} type="email" required value={c.email} onChange={(e) => onChange({ email: e.target.value })} />
      <TextInput label={t('Name')} value={c.name} onChange={(e) => onChange({ name: e.target.value })} />
      <TextInput label={t('Phone')} type="tel" value={c.phone} onChange={(e) => onChange({ phone: e.target.value })} />
      <NativeSelect label={t('Language')} value={c.language} onChange={(e) => onChange({ language: e.target.value })}>
        {Object.entries(LANGUAGES).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </NativeSelect>
      <Checkbox label={t('Gets notifications')} checked={c.notify} onChange={(e) => onChange({ notify: e.target.checked })} my="xs" />
      {c.pgpFingerprint && (
        <span title={c.pgpFingerprint}>
          {t('PGP key')} …{c.pgpFingerprint.slice(-16)}
        </span>
      )}
      <Button variant="default" onClick={onRemove}>
        {t('Remove contact {number}', { number })}
      </Button>
    </div>
  );
}
