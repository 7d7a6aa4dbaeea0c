/**
 * The Reference Security Incident Taxonomy (RSIT, ENISA/TF-CSIRT, from its machinetag.json) and
 * the MITRE ATT&CK Enterprise technique ids (v18.1), shipped as data files in core/standards.
 */
import attack from './standards/attack-techniques.json' with { type: 'json' };
import rsit from './standards/rsit.json' with { type: 'json' };
import type { FieldIssue } from './errors.js';

export interface RsitClass {
  value: string;
  name: string;
  types: Array<{ value: string; name: string; description: string }>;
}

export const RSIT_CLASSES: readonly RsitClass[] = rsit.classes;

const techniques = new Map(attack.map((t) => [t.id, t]));

function attackTechnique(id: string): { id: string; name: string; deprecated: boolean } | undefined {
  return techniques.get(id.toUpperCase());
}

export function checkRsit(rsitClass: string | null | undefined, rsitType: string | null | undefined): FieldIssue[] {
  if (!rsitClass) return rsitType ? [{ field: 'rsitType', reason: 'a type needs its class' }] : [];
  const found = RSIT_CLASSES.find((c) => c.value === rsitClass);
  if (!found) return [{ field: 'rsitClass', reason: `not an RSIT class; one of: ${RSIT_CLASSES.map((c) => c.value).join(', ')}` }];
  if (rsitType && !found.types.some((t) => t.value === rsitType)) {
    return [{ field: 'rsitType', reason: `not a type of ${rsitClass}; one of: ${found.types.map((t) => t.value).join(', ')}` }];
  }
  return [];
}

export function checkTechniques(ids: readonly string[]): FieldIssue[] {
  return ids.flatMap((id, i) => {
    const technique = attackTechnique(id);
    if (!technique)
      return [
        {
          field: `attackTechniques[${i}]`,
          reason: `${id.slice(0, 20)} is not an ATT&CK Enterprise technique id (such as T1566 or T1566.001)`,
        },
      ];
    if (technique.deprecated)
      return [{ field: `attackTechniques[${i}]`, reason: `${technique.id} (${technique.name}) is deprecated or revoked in ATT&CK` }];
    return [];
  });
}
