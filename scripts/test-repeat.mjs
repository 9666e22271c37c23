// `npm run test:repeat [-- N]`: runs the whole suite N times (10 by default) and checks that every
// run passes the same set of tests, to show nothing is flaky. Prints each run's time and, for a run
// that differs, which tests failed or went missing. Extra arguments go to vitest (a file filter).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const [count = '10', ...filters] = process.argv.slice(2);
const runs = Number(count);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`usage: npm run test:repeat [-- <runs> [vitest filters…]] (got ${count})`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'test-repeat-'));
/** Runs the suite once; the names of the tests that passed, and those that did not. */
function runOnce(index) {
  const output = join(dir, `run-${index}.json`);
  const started = performance.now();
  const result = spawnSync('vitest', ['run', ...filters, '--reporter=dot', '--reporter=json', `--outputFile=${output}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const seconds = ((performance.now() - started) / 1_000).toFixed(1);
  const passed = new Set();
  const failed = [];
  try {
    for (const file of JSON.parse(readFileSync(output, 'utf8')).testResults) {
      for (const test of file.assertionResults) {
        const name = `${relative(process.cwd(), file.name)} > ${test.fullName}`;
        if (test.status === 'passed') passed.add(name);
        else failed.push(`${test.status}: ${name}`);
      }
    }
  } catch (error) {
    failed.push(`no report (vitest exited with ${result.status}): ${error.message}`);
  }
  return { passed, failed, seconds, status: result.status };
}

let first;
let bad = 0;
for (let index = 1; index <= runs; index++) {
  const run = runOnce(index);
  first ??= run.passed;
  const missing = [...first].filter((name) => !run.passed.has(name));
  const extra = [...run.passed].filter((name) => !first.has(name));
  const same = run.status === 0 && run.failed.length === 0 && missing.length === 0 && extra.length === 0;
  console.log(`run ${index}/${runs}: ${run.passed.size} passed in ${run.seconds} s${same ? '' : ' — DIFFERS'}`);
  if (same) continue;
  bad++;
  for (const line of [...run.failed, ...missing.map((n) => `missing: ${n}`), ...extra.map((n) => `new: ${n}`)]) console.log(`  ${line}`);
}
rmSync(dir, { recursive: true, force: true });
console.log(bad === 0 ? `same ${first.size} tests passed in all ${runs} runs` : `${bad} of ${runs} runs differed`);
process.exit(bad === 0 ? 0 : 1);
