/**
 * The words of a notification, in Swedish and English. Placeholders are filled from data the
 * team controls (organisation and feed names, counts); nothing from a feed's rows enters the
 * text, only the attachment, so a hostile feed cannot write the mail.
 */
import type { Language } from '../constituency/schema.js';

export interface NotificationText {
  teamName: string;
  shortName: string;
  organisation: string;
  feed: string;
  feedDescription: string;
  periodStart: Date;
  periodEnd: Date;
  total: number;
  attached: number;
  /** Events per identifier ("open-rdp": 12), most first. */
  byIdentifier: Array<[string, number]>;
  tlp: string;
  feedbackUrl: string;
}

const day = (date: Date, language: Language) =>
  date.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' });

export function notificationSubject(t: NotificationText, language: Language): string {
  const what =
    language === 'sv' ? `${t.total} händelser för ${t.organisation}` : `${t.total} event${t.total === 1 ? '' : 's'} for ${t.organisation}`;
  return `[${t.tlp}] [${t.shortName}] ${t.feed}: ${what}`;
}

export function notificationBody(t: NotificationText, language: Language): string {
  const list = t.byIdentifier.map(([id, n]) => `  - ${id || (language === 'sv' ? 'övrigt' : 'other')}: ${n}`).join('\n');
  const partial = t.attached < t.total;
  if (language === 'sv') {
    return [
      t.tlp,
      '',
      'Hej,',
      '',
      `${t.teamName} har fått information från flödet "${t.feed}"${t.feedDescription ? ` (${t.feedDescription})` : ''} om system som hör till ${t.organisation}.`,
      `Perioden ${day(t.periodStart, 'sv')} – ${day(t.periodEnd, 'sv')} (UTC): ${t.total} händelser.`,
      '',
      list,
      '',
      partial
        ? `De första ${t.attached} händelserna finns i den bifogade CSV-filen; kontakta oss för resten.`
        : 'Alla händelser finns i den bifogade CSV-filen.',
      '',
      'Var informationen till nytta? Svara med ett klick (användbar / inte användbar / falsklarm):',
      t.feedbackUrl,
      '',
      `Informationen är märkt ${t.tlp} och får bara delas enligt Traffic Light Protocol (https://www.first.org/tlp/).`,
      '',
      'Med vänlig hälsning,',
      t.teamName,
      '',
      t.tlp,
    ].join('\n');
  }
  return [
    t.tlp,
    '',
    'Hello,',
    '',
    `${t.teamName} has received information from the feed "${t.feed}"${t.feedDescription ? ` (${t.feedDescription})` : ''} about systems belonging to ${t.organisation}.`,
    `Period ${day(t.periodStart, 'en')} – ${day(t.periodEnd, 'en')} (UTC): ${t.total} event${t.total === 1 ? '' : 's'}.`,
    '',
    list,
    '',
    partial
      ? `The first ${t.attached} events are in the attached CSV file; contact us for the rest.`
      : 'All events are in the attached CSV file.',
    '',
    'Was this useful? Tell us with one click (useful / not useful / false positive):',
    t.feedbackUrl,
    '',
    `This information is marked ${t.tlp} and may be shared only as the Traffic Light Protocol allows (https://www.first.org/tlp/).`,
    '',
    'Kind regards,',
    t.teamName,
    '',
    t.tlp,
  ].join('\n');
}
