/**
 * The automatic acknowledgement. Its text is a template with {team}, {tag}, {subject} and {tlp};
 * VAKT_ACK_TEMPLATE_FILE replaces the default.
 */
import { formatTlp, type TlpLabel } from '../core/tlp.js';

const DEFAULT_ACK_TEMPLATE = `{tlp}

Thank you for your report "{subject}".

It has been registered as {tag}. Please keep this tag in the subject of every message about this
matter, so that it reaches the people handling it.

This is an automatic acknowledgement; a member of the team will answer within our service hours.

{team}
`;

export interface AckValues {
  teamName: string;
  tag: string;
  subject: string;
  tlp: TlpLabel;
  template?: string;
}

export function acknowledgementText(values: AckValues): string {
  const fields: Record<string, string> = {
    team: values.teamName,
    tag: values.tag,
    subject: values.subject || '(no subject)',
    tlp: formatTlp(values.tlp),
  };
  return (values.template ?? DEFAULT_ACK_TEMPLATE).replace(/\{(team|tag|subject|tlp)\}/g, (_, key: string) => fields[key] ?? '');
}
