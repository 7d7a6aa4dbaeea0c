/** Report an incident: constituents through the web form, analysts also for a call, a Signal message or a meeting. */
import { useState } from 'react';
import type { Session } from '../api';
import { ActionForm, TlpSelect, optional, text } from '../components';

export function ReportFormPage({ session }: { session: Session }) {
  const [sent, setSent] = useState<string | null>(null);
  const analyst = session.permissions.includes('reports:triage');
  return (
    <section>
      <h1>{analyst ? 'Register a report' : 'Report an incident'}</h1>
      {sent && (
        <p role="status" className="ok">
          Thank you: your report is registered as #{sent}.
        </p>
      )}
      <ActionForm
        label="Submit report"
        path="/api/reports"
        invalidates={[['reports', 'new']]}
        onDone={(r) => setSent((r as { id: string }).id)}
        toBody={(f) => ({
          subject: text(f, 'subject'),
          body: text(f, 'body'),
          ...(optional(f, 'tlp') ? { tlp: text(f, 'tlp') } : {}),
          ...(analyst
            ? {
                channel: text(f, 'channel'),
                reporterName: text(f, 'reporterName'),
                ...(optional(f, 'reporterEmail') ? { reporterEmail: text(f, 'reporterEmail') } : {}),
              }
            : {}),
        })}
      >
        {analyst && (
          <>
            <label>
              How it came in
              <select name="channel" defaultValue="phone">
                <option value="phone">phone call</option>
                <option value="signal">Signal</option>
                <option value="meeting">meeting</option>
                <option value="other">other</option>
              </select>
            </label>
            <label>
              Reporter
              <input name="reporterName" />
            </label>
            <label>
              Reporter's e-mail
              <input name="reporterEmail" type="email" />
            </label>
          </>
        )}
        <label>
          Subject
          <input name="subject" required />
        </label>
        <label>
          What happened
          <textarea name="body" rows={8} />
        </label>
        <TlpSelect unset="(team default)" />
      </ActionForm>
    </section>
  );
}
