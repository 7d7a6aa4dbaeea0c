/**
 * CVSS scores computed from their vectors (FIRST's formulas, by ae-cvss-calculator), so an
 * advisory never states a score its vector does not give. CSAF 2.0 carries CVSS v3.x in
 * `scores`; v4.0 came after it and has no field there.
 */
import cvss from 'ae-cvss-calculator';

export interface CvssScore {
  version: '3.0' | '3.1' | '4.0';
  vectorString: string;
  baseScore: number;
  baseSeverity: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
}

/** The qualitative rating of a base score, the same scale in v3.x and v4.0. */
export function severityOf(score: number): CvssScore['baseSeverity'] {
  if (score === 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9) return 'HIGH';
  return 'CRITICAL';
}

const VERSIONS = {
  'CVSS:3.0/': { version: '3.0', make: (v: string) => new cvss.Cvss3P0(v) },
  'CVSS:3.1/': { version: '3.1', make: (v: string) => new cvss.Cvss3P1(v) },
  'CVSS:4.0/': { version: '4.0', make: (v: string) => new cvss.Cvss4P0(v) },
} as const;

/** Scores a vector; throws with a reason a person can act on when it is not a full, valid base vector. */
export function scoreVector(vector: string): CvssScore {
  const text = vector.trim();
  const prefix = Object.keys(VERSIONS).find((p) => text.startsWith(p)) as keyof typeof VERSIONS | undefined;
  if (!prefix) throw new Error('must start with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/');
  const { version, make } = VERSIONS[prefix];
  let calculator: ReturnType<typeof make>;
  try {
    calculator = make(text);
  } catch (error) {
    throw new Error(`is not a valid CVSS ${version} vector: ${(error as Error).message}`);
  }
  // The calculator fills a missing base metric with its default; an advisory must state each one.
  const missing = baseMetricsOf(version).filter((metric) => !new RegExp(`/${metric}:`).test(text));
  if (missing.length > 0) throw new Error(`lacks the base metric(s) ${missing.join(', ')}`);
  const base = calculator.calculateScores().base;
  if (typeof base !== 'number' || Number.isNaN(base)) throw new Error(`gives no CVSS ${version} base score`);
  return { version, vectorString: text, baseScore: base, baseSeverity: severityOf(base) };
}

function baseMetricsOf(version: CvssScore['version']): string[] {
  return version === '4.0'
    ? ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA']
    : ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'];
}
