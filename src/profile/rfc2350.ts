/**
 * The team's RFC 2350 description, built once as a tree of numbered sections and rendered as
 * plain text or HTML. Section numbers and titles follow RFC 2350 appendix D.
 */
import Holidays from 'date-holidays';
import { formatTlp } from '../core/tlp.js';
import { describeHours } from './hours-text.js';
import type { TeamProfile } from './schema.js';

export interface Section {
  number: string;
  title: string;
  paragraphs: string[];
  children?: Section[];
}

const opt = (...values: Array<string | undefined | null>): string[] => values.filter((v): v is string => Boolean(v && v.trim()));

function countryName(code: string): string {
  return new Holidays().getCountries('en')[code] ?? code;
}

export function rfc2350Sections(p: TeamProfile): Section[] {
  const name = p.team.name;
  const doc = p.document;
  const closed =
    p.holidays.closedOn.length > 0 ? `Closed on ${p.holidays.closedOn.join(' and ')} holidays in ${countryName(p.holidays.country)}.` : '';
  return [
    {
      number: '1',
      title: 'Document Information',
      paragraphs: [
        `This document contains a description of ${name} in accordance with RFC 2350. It provides basic information about the team, its channels of communication, and its roles and responsibilities.`,
      ],
      children: [
        {
          number: '1.1',
          title: 'Date of Last Update',
          paragraphs: [
            `Version ${doc.version}, ${doc.lastUpdated}.`,
            ...(doc.changes ?? []).map((c) => `${c.date}  ${c.version}  ${c.comment}`),
          ],
        },
        { number: '1.2', title: 'Distribution List for Notifications', paragraphs: opt(doc.distributionList) },
        { number: '1.3', title: 'Locations where this Document May Be Found', paragraphs: doc.locations },
        { number: '1.4', title: 'Authenticating this Document', paragraphs: opt(doc.authentication) },
      ],
    },
    {
      number: '2',
      title: 'Contact Information',
      paragraphs: [],
      children: [
        {
          number: '2.1',
          title: 'Name of the Team',
          paragraphs: [`${name} (${p.team.shortName})`, ...opt(p.team.hostOrganisation && `Hosted by ${p.team.hostOrganisation}.`)],
        },
        { number: '2.2', title: 'Address', paragraphs: p.addresses.map((a) => `${a.label}: ${a.text}`) },
        { number: '2.3', title: 'Time Zone', paragraphs: [p.timeZone, ...opt(p.timeZoneNote)] },
        { number: '2.4', title: 'Telephone Number', paragraphs: p.telephone.map((t) => (t.label ? `${t.label}: ${t.number}` : t.number)) },
        { number: '2.5', title: 'Facsimile Number', paragraphs: opt(p.fax) },
        { number: '2.6', title: 'Other Telecommunication', paragraphs: opt(p.otherTelecommunication) },
        { number: '2.7', title: 'Electronic Mail Address', paragraphs: [p.email.address, ...opt(p.email.note)] },
        {
          number: '2.8',
          title: 'Public Keys and Encryption Information',
          paragraphs: [
            ...p.encryption.keys.map((k) => opt(k.userId, k.fingerprint && `Fingerprint: ${k.fingerprint}`, k.url).join('\n')),
            ...opt(p.encryption.note),
          ],
        },
        { number: '2.9', title: 'Team Members', paragraphs: opt(p.teamMembers) },
        {
          number: '2.10',
          title: 'Other Information',
          paragraphs: [
            ...opt(p.otherInformation),
            ...p.memberships.map((m) =>
              opt(m.organisation, m.status && `(${m.status}${m.since ? ` since ${m.since}` : ''})`, m.url).join(' '),
            ),
          ],
        },
        {
          number: '2.11',
          title: 'Points of Customer Contact',
          paragraphs: [
            ...opt(p.pointsOfCustomerContact),
            'Operating hours:',
            ...describeHours(p.operatingHours),
            ...opt(closed, p.operatingHoursNote),
          ],
        },
      ],
    },
    {
      number: '3',
      title: 'Charter',
      paragraphs: [],
      children: [
        { number: '3.1', title: 'Mission Statement', paragraphs: opt(p.charter.mission) },
        { number: '3.2', title: 'Constituency', paragraphs: opt(p.charter.constituency) },
        { number: '3.3', title: 'Sponsorship and/or Affiliation', paragraphs: opt(p.charter.sponsorship) },
        { number: '3.4', title: 'Authority', paragraphs: opt(p.charter.authority) },
      ],
    },
    {
      number: '4',
      title: 'Policies',
      paragraphs: [],
      children: [
        { number: '4.1', title: 'Types of Incidents and Level of Support', paragraphs: opt(p.policies.incidentTypes) },
        {
          number: '4.2',
          title: 'Co-operation, Interaction and Disclosure of Information',
          paragraphs: [
            ...opt(p.policies.cooperation, p.tlp.policy),
            `Information received without a TLP label is handled as ${formatTlp(p.tlp.default)}.`,
          ],
        },
        { number: '4.3', title: 'Communication and Authentication', paragraphs: opt(p.policies.communication) },
      ],
    },
    {
      number: '5',
      title: 'Services',
      paragraphs: [
        ...opt(p.services.introduction),
        ...(p.services.framework.length > 0
          ? [`Services within the FIRST CSIRT Services Framework: ${p.services.framework.join('; ')}.`]
          : []),
      ],
      children: p.services.sections.map((s, i) => ({ number: `5.${i + 1}`, title: s.title, paragraphs: opt(s.text) })),
    },
    { number: '6', title: 'Incident Reporting Forms', paragraphs: opt(p.reportingForms) },
    { number: '7', title: 'Disclaimers', paragraphs: opt(p.disclaimers) },
  ];
}

const NONE = 'Not provided.';

function textOf(section: Section, out: string[]): void {
  out.push(`${section.number}. ${section.title}`, '');
  const paragraphs = section.paragraphs.length > 0 || section.children?.length ? section.paragraphs : [NONE];
  for (const paragraph of paragraphs) out.push(...paragraph.split('\n').map((line) => `   ${line}`), '');
  for (const child of section.children ?? []) textOf(child, out);
}

export function renderRfc2350Text(profile: TeamProfile): string {
  const title = `RFC 2350 description of ${profile.team.name}`;
  const out = [title, '='.repeat(title.length), ''];
  for (const section of rfc2350Sections(profile)) textOf(section, out);
  return `${out.join('\n').trimEnd()}\n`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function htmlOf(section: Section, depth: number): string {
  const h = `h${Math.min(depth + 1, 6)}`;
  const paragraphs = section.paragraphs.length > 0 || section.children?.length ? section.paragraphs : [NONE];
  return [
    `<section id="s${section.number}"><${h}>${section.number}. ${escapeHtml(section.title)}</${h}>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    ...(section.children ?? []).map((c) => htmlOf(c, depth + 1)),
    '</section>',
  ].join('\n');
}

export function renderRfc2350Html(profile: TeamProfile): string {
  const title = `RFC 2350 description of ${escapeHtml(profile.team.name)}`;
  return [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${title}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}section section{margin-left:1rem}</style>',
    `</head><body><h1>${title}</h1>`,
    ...rfc2350Sections(profile).map((s) => htmlOf(s, 1)),
    '</body></html>',
    '',
  ].join('\n');
}
