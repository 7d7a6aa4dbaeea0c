/**
 * The directory's vocabularies: team types, sectors, coverage levels, membership bodies, trust.
 * Plain data with no dependency, so that the schema (server) and the web client import the same
 * lists instead of each keeping a copy.
 */
export const TEAM_TYPES = ['national', 'governmental', 'research-education', 'commercial', 'sector', 'vendor', 'internal'] as const;
export type TeamType = (typeof TEAM_TYPES)[number];

/**
 * The sectors of the report's gap analysis (Appendix A: SME and other commercial under
 * "Commercial", government / public administration, research / education, citizens), plus critical
 * infrastructure, which the working group discussed but left out of its table, and all other.
 */
export const SECTORS = [
  'government',
  'commercial',
  'sme',
  'research-education',
  'citizens',
  'critical-infrastructure',
  'all-other',
] as const;
export type Sector = (typeof SECTORS)[number];
export const SECTOR_LABELS: Record<Sector, string> = {
  government: 'Government / public administration',
  commercial: 'Commercial',
  sme: 'SME',
  'research-education': 'Research / education',
  citizens: 'Citizens',
  'critical-infrastructure': 'Critical infrastructure',
  'all-other': 'All other',
};

export const COVERAGE_LEVELS = ['yes', 'partly', 'planned', 'none'] as const;
export type Coverage = (typeof COVERAGE_LEVELS)[number];
export const COVERAGE_LABELS: Record<Coverage, string> = { yes: 'Yes', partly: 'Partly', planned: 'Planned', none: 'No known activity' };

export const MEMBERSHIP_BODIES = ['FIRST', 'Trusted Introducer', 'TF-CSIRT', 'EGC', 'National CERT forum', 'Other'] as const;
export type MembershipBody = (typeof MEMBERSHIP_BODIES)[number];
/** Trusted Introducer's three levels, in the order a team climbs them. */
export const TI_STATUSES = ['listed', 'accredited', 'certified'] as const;

export const TRUST_LEVELS = ['unknown', 'low', 'medium', 'high'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];
