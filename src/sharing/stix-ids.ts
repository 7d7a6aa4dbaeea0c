/**
 * STIX 2.1 identifiers. A cyber-observable's id is deterministic, as section 2.9 of the
 * specification says: a UUIDv5 in the STIX namespace over the RFC 8785 canonical JSON of the
 * object's ID-contributing properties, so every tool names the same address the same way. Vakt's
 * own SDOs (its identity, an incident's indicators) get stable UUIDv5s in a namespace of Vakt's, so
 * exporting again gives the same ids and a peer sees new versions, not new objects.
 */
import canonicalizeModule from 'canonicalize';
import { v5 as uuidv5 } from 'uuid';

// canonicalize is CommonJS whose declarations say `export default`: under NodeNext the function is the module itself.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/** The namespace STIX 2.1 section 2.9 fixes for cyber-observable ids. */
const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** Vakt's own namespace for the SDOs it derives from its data. */
const VAKT_NAMESPACE = 'c5d0a7e4-7a4b-5c8e-9a51-2f0b6d3e8a11';

export function scoId(type: string, contributing: Record<string, unknown>): string {
  return `${type}--${uuidv5(canonicalize(contributing) ?? '', STIX_SCO_NAMESPACE)}`;
}

/** A stable UUIDv5 in Vakt's namespace over PARTS: the same parts, the same id, in STIX and MISP alike. */
export const vaktUuid = (...parts: string[]) => uuidv5(parts.join('\u0000'), VAKT_NAMESPACE);

export function derivedId(type: string, ...parts: string[]): string {
  return `${type}--${vaktUuid(...parts)}`;
}

/** STIX 2.1's cyber-observable types: versionless, identified by their content. */
export const STIX_SCO_TYPES: ReadonlySet<string> = new Set([
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
]);
