// Reads vitest's JSON report: fails unless the PostgreSQL tests ran (none skipped), and prints
// the closing line "N passed, N failed".
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const tests = report.testResults.flatMap((file) => file.assertionResults);
const count = (list, status) => list.filter((t) => t.status === status).length;
const postgres = tests.filter((t) => t.fullName.includes('[postgres]'));
console.log(
  `postgres tests: ${count(postgres, 'passed')} passed, ${count(postgres, 'failed')} failed, ${postgres.length - count(postgres, 'passed') - count(postgres, 'failed')} skipped`,
);
let ok = report.success;
if (count(postgres, 'passed') === 0 || postgres.some((t) => t.status !== 'passed' && t.status !== 'failed')) {
  console.error('ci: the PostgreSQL tests were skipped or did not run');
  ok = false;
}
console.log(
  `${count(tests, 'passed')} passed, ${count(tests, 'failed')} failed, ${tests.length - count(tests, 'passed') - count(tests, 'failed')} skipped`,
);
process.exit(ok ? 0 : 1);
