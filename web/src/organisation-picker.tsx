/**
 * Choosing organisations of the constituency by searching for them. A national team's constituency
 * runs to thousands, so a form cannot list them all: it shows what is chosen and the first matches
 * of what is typed, and sends the chosen ids under NAME like any other field.
 */
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
  const type = multiple ? 'checkbox' : 'radio';
  return (
    <fieldset className="picker">
      <legend>{legend}</legend>
      {!multiple && (
        <label>
          <input type="radio" name={name} value="" checked={chosen.length === 0} onChange={() => setChosen([])} /> {t('(none)')}
        </label>
      )}
      {chosen.map((c) => (
        <label key={c.id}>
          <input type={type} name={name} value={c.id} checked onChange={(e) => choose(c, e.target.checked)} /> {c.name}
        </label>
      ))}
      <input
        type="search"
        aria-label={t('Find for {legend}', { legend })}
        placeholder={t('Find an organisation…')}
        value={words}
        onChange={(e) => setWords(e.target.value)}
        // Enter in the search box looks, it does not send the form.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
      />
      {offered.map((o) => (
        <label key={o.id}>
          <input type={type} name={name} value={o.id} checked={false} onChange={() => choose({ id: o.id, name: o.name }, true)} /> {o.name}
        </label>
      ))}
      {found.data?.next && <small>{t('More match: type more of the name.')}</small>}
    </fieldset>
  );
}
