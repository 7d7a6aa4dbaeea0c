/** Optimistic concurrency: the version a client edited, from its If-Match header ("3", W/"3"). */
import { ValidationError } from '../core/errors.js';

export function versionFrom(ifMatch: string | undefined): number | undefined {
  if (!ifMatch) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  if (!match) throw new ValidationError([{ field: 'If-Match', reason: 'must be the version you edited as an ETag, such as "3"' }]);
  return Number(match[1]);
}
