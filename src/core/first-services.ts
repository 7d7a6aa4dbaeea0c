/** The FIRST CSIRT Services Framework v2.1: service areas and services, shipped with Vakt. */
import framework from './standards/services-v2.1.json' with { type: 'json' };

interface Framework {
  service_areas: Array<{ name: string; services: Array<{ name: string; purpose: string }> }>;
}

const data = framework as Framework;

export const FIRST_SERVICE_AREAS: readonly string[] = data.service_areas.map((area) => area.name);
export const FIRST_SERVICES: readonly string[] = data.service_areas.flatMap((area) => area.services.map((s) => s.name));

/** A name a team may list: a service area or a service, compared without regard to case. */
export function isFirstServiceName(name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return [...FIRST_SERVICE_AREAS, ...FIRST_SERVICES].some((known) => known.toLowerCase() === wanted);
}
