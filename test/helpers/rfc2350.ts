/** A short RFC 2350 document with every section a reader needs, as teams write them, for tests. */
export interface DocumentSpec {
  name: string;
  address: string;
  timeZone?: string;
  email?: string;
  /** Section 2.8's text, e.g. "Fingerprint: …". */
  keys?: string;
  constituency: string;
}

export function rfc2350Document(spec: DocumentSpec): string {
  return [
    '1. Document Information',
    '1.1 Date of Last Update',
    'Version 1.0, 2026-01-10.',
    '2. Contact Information',
    '2.1 Name of the Team',
    spec.name,
    '2.2 Address',
    spec.address,
    ...(spec.timeZone ? ['2.3 Time Zone', spec.timeZone] : []),
    '2.4 Telephone Number',
    '+46 8 000 00 00',
    '2.7 Electronic Mail Address',
    spec.email ?? 'incident@team.example',
    ...(spec.keys ? ['2.8 Public Keys and Encryption Information', spec.keys] : []),
    '3. Charter',
    '3.1 Mission Statement',
    'We help our constituency handle incidents.',
    '3.2 Constituency',
    spec.constituency,
    '4. Policies',
    '4.1 Types of Incidents and Level of Support',
    'All incidents are handled on a best-effort basis.',
    '5. Services',
    '5.1 Incident Response',
    'Incident coordination.',
    '6. Incident Reporting Forms',
    'None.',
    '7. Disclaimers',
    'No warranty.',
  ].join('\n');
}
