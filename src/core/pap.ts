/**
 * Permissible Actions Protocol: a second marking beside TLP that says what a recipient may *do*
 * with an indicator (TLP says who may see it). Definitions follow the MISP PAP taxonomy.
 */
import { ValidationError } from './errors.js';

export const PAP_LABELS = ['CLEAR', 'GREEN', 'AMBER', 'RED'] as const;
export type PapLabel = (typeof PAP_LABELS)[number];

/**
 * - passive-internal: searching our own logs and stores, invisible outside;
 * - passive-external: look-ups at third parties (VirusTotal, passive DNS), a monitoring honeypot;
 * - active: touching the target: ping, scan, block, takedown request;
 * - unrestricted: anything, including publication.
 */
export const PAP_ACTIONS = ['passive-internal', 'passive-external', 'active', 'unrestricted'] as const;
export type PapAction = (typeof PAP_ACTIONS)[number];

const PERMITS: Record<PapLabel, readonly PapAction[]> = {
  RED: ['passive-internal'],
  AMBER: ['passive-internal', 'passive-external'],
  GREEN: ['passive-internal', 'passive-external', 'active'],
  CLEAR: ['passive-internal', 'passive-external', 'active', 'unrestricted'],
};

export function isPapLabel(value: unknown): value is PapLabel {
  return typeof value === 'string' && (PAP_LABELS as readonly string[]).includes(value);
}

export function parsePap(input: string, field = 'pap'): PapLabel {
  const word = input
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/^PAP\s*:\s*/i, '')
    .trim()
    .toUpperCase();
  const label = word === 'WHITE' ? 'CLEAR' : word;
  if (!isPapLabel(label)) {
    throw new ValidationError([
      { field, reason: `unknown PAP label "${input.slice(0, 40)}"; allowed: ${PAP_LABELS.map((l) => `PAP:${l}`).join(', ')}` },
    ]);
  }
  return label;
}

export function papPermits(label: PapLabel, action: PapAction): boolean {
  return PERMITS[label].includes(action);
}
