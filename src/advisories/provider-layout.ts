/**
 * Where a CSAF provider keeps what it publishes (CSAF 2.0 section 7.1): one folder per TLP label,
 * in it one folder per year of first release, and a file named from the tracking id.
 */
import { VaktError } from '../core/errors.js';
import type { TlpLabel } from '../core/tlp.js';
import type { TeamProfile } from '../profile/schema.js';
import { csafTlpOf } from './build-csaf.js';

export const CSAF_FOLDERS = ['white', 'green', 'amber', 'red'] as const;
export type CsafFolder = (typeof CSAF_FOLDERS)[number];

/** Requirement 2: the tracking id in lower case, each run of other characters than + - a-z 0-9 as one "_". */
export const fileNameOf = (trackingId: string) => `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;

export const folderOf = (tlp: TlpLabel): CsafFolder => csafTlpOf(tlp).toLowerCase() as CsafFolder;

/** Requirement 11: the year is that of the first release. */
export const documentPath = (tlp: TlpLabel, initialReleaseDate: string, trackingId: string) =>
  `${folderOf(tlp)}/${new Date(initialReleaseDate).getUTCFullYear()}/${fileNameOf(trackingId)}`;

/** The team's address on the web, where its provider is: the profile's, else the server's configured one. */
export function publicUrlOf(profile: TeamProfile | undefined, configured: string | undefined): string {
  const url = profile?.publicUrl ?? configured;
  if (!url)
    throw new VaktError(
      'conflict',
      "set the team profile's public URL (or VAKT_PUBLIC_URL): a CSAF provider's documents and namespace are found there",
    );
  return url.replace(/\/+$/, '');
}

export const providerBaseOf = (publicUrl: string) => `${publicUrl}/.well-known/csaf`;
