import { useQuery } from '@tanstack/react-query';
import { ScrollTable } from '../components';
import { api } from '../api';

interface Entry {
  seq: string;
  at: string;
  actor: string;
  action: string;
  objectType: string;
  objectId: string | null;
}
interface Verification {
  ok: boolean;
  checked: number;
  head: string;
  firstBad?: { seq: string; problem: string };
}

export function AuditPage() {
  const entries = useQuery({ queryKey: ['audit'], queryFn: () => api<Entry[]>('GET', '/api/audit?limit=100') });
  const verification = useQuery({ queryKey: ['audit-verify'], queryFn: () => api<Verification>('GET', '/api/audit/verify') });
  return (
    <section>
      <h1>Audit log</h1>
      {verification.data && (
        <p role="status" className={verification.data.ok ? 'ok' : 'bad'}>
          {verification.data.ok
            ? `Chain intact: ${verification.data.checked} entries.`
            : `Chain broken at entry ${verification.data.firstBad?.seq}: ${verification.data.firstBad?.problem}`}
        </p>
      )}
      {entries.isError && <p role="alert">{entries.error.message}</p>}
      <ScrollTable>
        <thead>
          <tr>
            <th>#</th>
            <th>Time</th>
            <th>Actor</th>
            <th>Action</th>
            <th>Object</th>
          </tr>
        </thead>
        <tbody>
          {entries.data?.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>
                {e.objectType} {e.objectId ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
