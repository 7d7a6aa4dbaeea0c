/**
 * Choosing organisations of the constituency by searching for them. A national team's constituency
 * runs to thousands, so a form cannot list them all: it shows what is chosen and the first matches
 * of what is typed, and sends the chosen ids under NAME like any other field.
 */
import { Checkbox, Radio, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { api, type Answer } from './api';
import { useT } from './i18n';

type Organisations = Answer<'/api/organisations'>;
export type Organisation = Organisations['organisations'][number];
export interface Chosen {
  id: string;
  name: string;
}

/** The organisations with these ids (a page names what it shows by id); one request. */
export function useOrganisationNames(ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))].sort();
  const query = useQuery({
    queryKey: ['organisations', 'named', wanted],
    queryFn: () => api<Organisations>('GET', `/api/organisations?limit=200&${wanted.map((id) => `id=${id}`).join('&')}`),
    enabled: wanted.length > 0,
  });
  const names = new Map((query.data?.organisations ?? []).map((o) => [o.id, o.name]));
  return { pending: wanted.length > 0 && query.isPending, name: (id: string | null) => (id ? (names.get(id) ?? id) : '—') };
}

export function OrganisationPicker({
  name,
  legend,
  chosen: initial,
  multiple = false,
  exclude,
}: {
  name: string;
  legend: string;
  chosen: Chosen[];
  multiple?: boolean;
  /** Organisations that may not be chosen here (an organisation as its own parent). */
  exclude?: (o: Organisation) => boolean;
}) {
  const t = useT();
  const [chosen, setChosen] = useState(initial);
  const [words, setWords] = useState('');
  const search = useDeferredValue(words.trim());
  const found = useQuery({
    queryKey: ['organisations', 'find', search],
    queryFn: () => api<Organisations>('GET', `/api/organisations?limit=20${search ? `&q=${encodeURIComponent(search)}` : ''}`),
    placeholderData: keepPreviousData,
  });
  const offered = (found.data?.organisations ?? []).filter((o) => !chosen.some((c) => c.id === o.id) && !exclude?.(o));
  const choose = (o: Chosen, on: boolean) => setChosen(on ? (multiple ? [...chosen, o] : [o]) : chosen.filter((c) => c.id !== o.id));
  // One organisation (a parent) is a radio choice, several (those affected) are check boxes.
  const Choice = multiple ? Checkbox : Radio;
  return (
    <fieldset className="picker">
      <legend>{legend}</legend>
      {!multiple && <Radio name={name} value="" label={t('(none)')} checked={chosen.length === 0} onChange={() => setChosen([])} my={4} />}
      {chosen.map((c) => (
        <Choice key={c.id} name={name} value={c.id} label={c.name} checked onChange={(e) => choose(c, e.currentTarget.checked)} my={4} />
      ))}
      <TextInput
        type="search"
        aria-label={t('Find for {legend}', { legend })}
        placeholder={t('Find an organisation…')}
        value={words}
        onChange={(e) => setWords(e.currentTarget.value)}
        // Enter in the search box looks, it does not send the form.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        my="xs"
      />
      {offered.map((o) => (
        <Choice
          key={o.id}
          name={name}
          value={o.id}
          label={o.name}
          checked={false}
          onChange={() => choose({ id: o.id, name: o.name }, true)}
          my={4}
        />
      ))}
      {found.data?.next && <small>{t('More match: type more of the name.')}</small>}
    </fieldset>
  );
}
