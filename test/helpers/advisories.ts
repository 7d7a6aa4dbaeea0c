/** An advisory as an author writes it: one critical flaw in a router, fixed in the next version. */
import type { AdvisoryContent } from '../../src/advisories/content.js';

export function sampleContent(productIds: { affected: string; fixed: string }, tlp: AdvisoryContent['tlp'] = 'CLEAR'): AdvisoryContent {
  return {
    title: 'Remote code execution in Example Router firmware',
    category: 'csaf_security_advisory',
    lang: 'en',
    status: 'final',
    tlp,
    notes: [{ category: 'summary', title: 'Summary', text: 'An unauthenticated attacker can run code on the router.' }],
    references: [{ url: 'https://vendor.example/psirt/1', summary: 'The vendor’s advisory' }],
    acknowledgments: [{ names: ['A. Researcher'], summary: 'reported the flaw' }],
    productIds: [],
    vulnerabilities: [
      {
        cve: 'CVE-2026-12345',
        cwe: { id: 'CWE-78', name: "Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')" },
        title: 'Command injection in the web interface',
        notes: [{ category: 'description', text: 'The diagnostics page passes its input to a shell.' }],
        cvssV3: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        cvssV4: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
        productStatus: { known_affected: [productIds.affected], fixed: [productIds.fixed] },
        remediations: [
          { category: 'vendor_fix', details: 'Install firmware 2.1.', productIds: [productIds.affected], url: 'https://vendor.example/fw' },
        ],
        threats: [{ category: 'exploit_status', details: 'Exploited in the wild.' }],
        references: [],
      },
    ],
  };
}
