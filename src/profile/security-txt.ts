/** RFC 9116 security.txt from the team profile; its CSAF line names the team's CSAF provider (CSAF 2.0 requirement 8). */
import type { TeamProfile } from './schema.js';

const DEFAULT_VALIDITY_DAYS = 180;

export function renderSecurityTxt(profile: TeamProfile, publicUrl: string | undefined, now = new Date()): string {
  const base = (profile.publicUrl ?? publicUrl)?.replace(/\/+$/, '');
  const expires = profile.securityTxt.expires
    ? new Date(profile.securityTxt.expires)
    : new Date(now.getTime() + DEFAULT_VALIDITY_DAYS * 24 * 3600 * 1000);
  const lines = [
    `# ${profile.team.name} (${profile.team.shortName}): how to report a security incident or vulnerability`,
    `Contact: mailto:${profile.email.address}`,
    ...profile.telephone.map((t) => `Contact: tel:${t.number.replace(/[^+0-9]/g, '')}`),
    ...(profile.securityTxt.contacts ?? []).map((c) => `Contact: ${c}`),
    `Expires: ${expires.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    ...profile.encryption.keys.filter((k) => k.url).map((k) => `Encryption: ${k.url}`),
    ...(profile.securityTxt.acknowledgments ? [`Acknowledgments: ${profile.securityTxt.acknowledgments}`] : []),
    ...(profile.securityTxt.preferredLanguages.length > 0
      ? [`Preferred-Languages: ${profile.securityTxt.preferredLanguages.join(', ')}`]
      : []),
    ...(base ? [`Canonical: ${base}/.well-known/security.txt`] : []),
    ...(base ? [`CSAF: ${base}/.well-known/csaf/provider-metadata.json`] : []),
    ...(profile.securityTxt.policy ? [`Policy: ${profile.securityTxt.policy}`] : base ? [`Policy: ${base}/rfc2350`] : []),
    ...(profile.securityTxt.hiring ? [`Hiring: ${profile.securityTxt.hiring}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
