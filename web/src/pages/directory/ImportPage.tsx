import { Button, Checkbox, Table, TextInput, Textarea } from '@mantine/core';
/** An RFC 2350 document read into a directory record, shown field by field before anything is written. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, type Answer } from '../../api';
import { ErrorText, Link, optional, ScrollTable } from '../../components';
import { BackLink, Select, TYPES } from './model';
import { useT } from '../../i18n';

type Read = Answer<'/api/directory/rfc2350', 'post'>;

const show = (value: unknown) => {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 160 ? `${s.slice(0, 159)}…` : s;
};
export function ImportPage({ navigate }: { navigate: (to: string) => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [request, setRequest] = useState<Record<string, unknown> | undefined>();
  const read = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Read>('POST', '/api/directory/rfc2350', body),
  });
  const write = useMutation({
    mutationFn: () => api<Read>('POST', '/api/directory/rfc2350', { ...request, confirm: true }),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
  });
  const reading = read.data?.reading;
  return (
    <section>
      <BackLink navigate={navigate} />
      <h1>{t('Import an RFC 2350 document')}</h1>
      <p className="muted">{t('Choose the team’s RFC 2350 document as a PDF, or paste its text. Nothing is written until you confirm.')}</p>
      <form
        className="action-form"
        aria-label={t('Read the document')}
        onSubmit={async (e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const file = f.get('pdf');
          const body: Record<string, unknown> =
            file instanceof File && file.size > 0 ? { pdf: await base64(file) } : { text: String(f.get('text') ?? '') };
          const signature = f.get('signature');
          if (signature instanceof File && signature.size > 0) body.signature = await base64(signature);
          for (const key of ['country', 'type', 'shortName', 'url']) if (optional(f, key)) body[key] = optional(f, key);
          if (f.get('allowPartial')) body.allowPartial = true;
          setRequest(body);
          write.reset();
          read.mutate(body);
        }}
      >
        <label>
          {t('PDF')}
          <input type="file" name="pdf" accept="application/pdf,.pdf" data-testid="rfc2350-pdf" />
        </label>
        <label>
          {t('Detached signature (.asc), if the team publishes one')}
          <input type="file" name="signature" accept=".asc,.sig,application/pgp-signature" data-testid="rfc2350-signature-file" />
        </label>
        <Textarea label={t('or the document text')} name="text" rows={14} />
        <TextInput label={t('Country (if the address names none)')} name="country" maxLength={3} />
        <Select name="type" label={t('Type')} values={TYPES} />
        <TextInput label={t('Short name')} name="shortName" />
        <Checkbox label={t('accept a cut-off document')} name="allowPartial" my="xs" />
        <Button type="submit" disabled={read.isPending}>
          {t('Read')}
        </Button>
      </form>
      <ErrorText error={read.error} />
      {read.error instanceof ApiError && read.error.issues.length > 1 && (
        <ul>
          {read.error.issues.map((i) => (
            <li key={i.field}>
              {i.field}: {i.reason}
            </li>
          ))}
        </ul>
      )}
      {reading && (
        <div data-testid="rfc2350-reading">
          <p data-testid="rfc2350-signature" className={reading.signature.status === 'invalid' ? 'bad' : undefined}>
            {t('PGP signature')}: {reading.signature.status} — {reading.signature.detail}
          </p>
          <h2>{t('Understood')}</h2>
          <ScrollTable>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('Field')}</Table.Th>
                <Table.Th>{t('Value')}</Table.Th>
                <Table.Th>{t('From')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reading.understood.map((f, i) => (
                <Table.Tr key={`${f.field}${i}`}>
                  <Table.Td>{f.field}</Table.Td>
                  <Table.Td>{show(f.value)}</Table.Td>
                  <Table.Td>
                    {f.how === 'inferred' && <strong>inferred: </strong>}
                    {f.from}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          {reading.notUnderstood.length > 0 && (
            <>
              <h2>{t('Not found or not understood')}</h2>
              <ul data-testid="rfc2350-missing">
                {reading.notUnderstood.map((m) => (
                  <li key={m.field}>
                    {m.field}: {m.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {reading.warnings.map((w) => (
            <p key={w} className="muted">
              Warning: {w}
            </p>
          ))}
          {reading.errors.length > 0 ? (
            <div role="alert">
              <h2>{t('Cannot be imported')}</h2>
              <ul>
                {reading.errors.map((e) => (
                  <li key={e.field}>
                    {e.field}: {e.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>
              <Button variant="default" disabled={write.isPending || write.isSuccess} onClick={() => write.mutate()}>
                Write {reading.team?.name} to the directory
              </Button>
            </p>
          )}
          <ErrorText error={write.error} />
          {write.data?.outcome && (
            <p data-testid="rfc2350-written">
              {reading.team?.name}: {write.data.outcome.action}.{' '}
              <Link to={`/directory/teams/${write.data.outcome.id ?? ''}`} navigate={navigate}>
                {t('Open the team')}
              </Link>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** A file's bytes as base64, for a JSON body. */
async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
