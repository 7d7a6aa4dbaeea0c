import { NativeSelect, TextInput, Textarea } from '@mantine/core';
/** Report an incident: constituents through the web form, analysts also for a call, a Signal message or a meeting. */
import { useState } from 'react';
import type { Session } from '../api';
import { ActionForm, TlpSelect, optional, text } from '../components';
import { useT } from '../i18n';

export function ReportFormPage({ session }: { session: Session }) {
  const t = useT();
  const [sent, setSent] = useState<string | null>(null);
  const analyst = session.permissions.includes('reports:triage');
  return (
    <section>
      <h1>{analyst ? t('Register a report') : t('Report an incident')}</h1>
      {sent && (
        <p role="status" className="ok">
          {t('Thank you: your report is registered as #{id}.', { id: sent })}
        </p>
      )}
      <ActionForm
        label={t('Submit report')}
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
            <NativeSelect label={t('How it came in')} name="channel" defaultValue="phone">
              <option value="phone">{t('phone call')}</option>
              <option value="signal">Signal</option>
              <option value="meeting">{t('meeting')}</option>
              <option value="other">{t('other')}</option>
            </NativeSelect>
            <TextInput label={t('Reporter')} name="reporterName" />
            <TextInput label={t("Reporter's e-mail")} name="reporterEmail" type="email" />
          </>
        )}
        <TextInput label={t('Subject')} name="subject" required />
        <Textarea label={t('What happened')} name="body" rows={8} />
        <TlpSelect unset={t('(team default)')} />
      </ActionForm>
    </section>
  );
}
