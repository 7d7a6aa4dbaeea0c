import { Anchor, Button, TextInput } from '@mantine/core';
/** "Who is responsible?": the lookup box on the constituency page, and the same answer one click from any address. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Answer as ApiAnswer } from './api';
import { ErrorText, Link, text } from './components';
import { useT } from './i18n';

type Answer = ApiAnswer<'/api/lookup'>;

/** The kinds of value the constituency lookup answers for. */
export const LOOKUP_KINDS: ReadonlySet<string> = new Set(['ipv4', 'ipv6', 'domain', 'url', 'email']);

const ask = (q: string) => api<Answer>('GET', `/api/lookup?q=${encodeURIComponent(q)}`);

export function LookupBox({ navigate }: { navigate: (to: string) => void }) {
  const t = useT();
  const lookup = useMutation({ mutationFn: ask });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    lookup.mutate(text(new FormData(event.currentTarget), 'q'));
  };
  return (
    <div className="lookup">
      <form onSubmit={submit} aria-label={t('Who is responsible?')}>
        <TextInput label={t('Who is responsible for')} name="q" placeholder={t('IP, CIDR, domain, URL, e-mail or AS number')} required />
        <Button type="submit">{t('Look up')}</Button>
      </form>
      <ErrorText error={lookup.error} />
      {lookup.data && <LookupAnswer answer={lookup.data} navigate={navigate} />}
    </div>
  );
}

/** A "who is responsible?" button beside a value; the answer opens under it. */
export function LookupInline({ value, navigate }: { value: string; navigate: (to: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const answer = useQuery({ queryKey: ['lookup', value], queryFn: () => ask(value), enabled: open, staleTime: 60_000 });
  return (
    <span className="lookup-inline">
      <Anchor component="button" type="button" size="sm" mx={4} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('who is responsible?')}
      </Anchor>
      {open && (
        <span className="lookup-popover" role="region" aria-label={t('Who is responsible for {value}', { value })}>
          {answer.isPending && t('Looking up…')}
          <ErrorText error={answer.error} />
          {answer.data && <LookupAnswer answer={answer.data} navigate={navigate} />}
        </span>
      )}
    </span>
  );
}

function LookupAnswer({ answer: a, navigate }: { answer: Answer; navigate: (to: string) => void }) {
  const t = useT();
  return (
    <div data-testid="lookup-answer">
      <p>
        <strong>{a.normalised}</strong> ({a.kind}): {t('decided by')} <strong>{a.decidedBy}</strong>. {a.reason}.
      </p>
      {a.organisations.map((o) => (
        <div key={o.id}>
          <Link to={`/constituency/${o.id}`} navigate={navigate}>
            {o.name}
          </Link>{' '}
          [{o.matched}]
          <ul>
            {o.contacts.map((c) => (
              <li key={c.email}>
                {c.role}: {c.email} ({c.language}){c.pgpFingerprint ? ' · PGP' : ''}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {a.overlaps.length > 1 && (
        <p>
          {t('Overlapping netblocks:')} {a.overlaps.map((o) => `${o.matched} ${o.name}`).join('; ')}
        </p>
      )}
      {a.ripe && (
        <p>
          RIPE {a.ripe.object} ({a.ripe.netname}):{' '}
          {a.ripe.contacts.map((c) => t('{email} via {how}', { email: c.email, how: c.via })).join('; ') || t('no abuse contact')}
        </p>
      )}
      {a.nationalPointOfContact && (
        <p>
          {t('National point of contact:')} {a.nationalPointOfContact.name} &lt;{a.nationalPointOfContact.email}&gt;
        </p>
      )}
    </div>
  );
}
