// Prints vitest's JSON results as one closing line, "N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-results.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  console.error(`no test results at ${file}: the test run did not get as far as vitest`);
  process.exit(1);
}
const results = JSON.parse(readFileSync(file, 'utf8'));
const passed = results.numPassedTests ?? 0;
// A suite that fails to load has no failed tests of its own: count it, so it is never silent.
const failedTests = results.numFailedTests ?? 0;
const failed = failedTests > 0 ? failedTests : (results.numFailedTestSuites ?? 0);
const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
// The run's own exit status, when given: an error outside any test (an unhandled rejection, a
// crashed worker) fails the run though every test passed, and the line must not say otherwise.
const runStatus = Number(process.argv[3] ?? 0);
const failedInAll = failed === 0 && runStatus !== 0 ? 1 : failed;
console.log(`${passed} passed, ${failedInAll} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failedInAll > failed) console.error('the test run failed outside any test (see "Unhandled Errors" above)');
process.exit(failedInAll > 0 || passed === 0 ? 1 : 0);
