// `npm test`: every suite, in order, then one closing line "N passed, N failed" with the real totals.
//   1. type check (pure core without DOM types, then everything)      -> 1 check each
//   2. test build (E2E=1 node build.mjs)                                -> 1 check
//   3. web-ext lint on dist/firefox, 0 errors required                  -> 1 check
//   4. vitest unit tests (Node, happy-dom / jsdom)                      -> one per test
//   5. end-to-end tests in Debian Chromium and Firefox ESR (node:test)  -> one per test
//      (test/e2e/*.test.ts, one file at a time)
//   6. the real-page suites (test/e2e/real-pages/*.test.ts: 153 saved pages, per page one test per
//      check kind) in Chromium and Firefox side by side: each browser is its own process and the
//      pages of one browser run in sequence, so two files in parallel use the two cores.
// A failed step does not stop the later ones, so one run reports everything. SKIP_E2E=1 skips 5
// and 6; SKIP_REAL_PAGES=1 skips 6 only. Each step prints how long it took.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';

/** Longest one e2e test or suite may take (the longest, a real-page suite in Firefox, takes about 10 min in CI). */
const TEST_TIMEOUT_MS = 25 * 60_000;
/** Longest one e2e runner may take before it is stopped (CI's limit for everything is 90 min). */
const RUNNER_TIMEOUT_MS = 40 * 60_000;

let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n== ${label}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}
function check(label, ok) {
  if (ok) passed++; else { failed++; failures.push(label); }
}

check('typecheck (core, no DOM)', run('typecheck core', 'npx', ['tsc', '-p', 'tsconfig.core.json']));
check('typecheck (all)', run('typecheck all', 'npx', ['tsc', '-p', 'tsconfig.json']));
const built = run('test build', 'node', ['build.mjs', '--no-zip'], { E2E: '1' });
check('build', built);
check('web-ext lint (dist/firefox)', built && run('lint firefox', 'node', ['scripts/lint-firefox.mjs']));

mkdirSync('test-results', { recursive: true });
rmSync('test-results/vitest.json', { force: true });
run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
try {
  const r = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  if (r.numFailedTests > 0) failures.push(`${r.numFailedTests} unit test(s)`);
  // A file that fails to load has no tests but must still count as a failure.
  const broken = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  if (broken) { failed += broken; failures.push(`${broken} unit test file(s) failed to load`); }
} catch {
  check('unit test report', false);
}

if (process.env.SKIP_E2E === '1') {
  console.log('\n== end-to-end tests skipped (SKIP_E2E=1)');
} else if (built) {
  // Files are named explicitly: node 20's --test finds only .js files when given a folder.
  const files = readdirSync('test/e2e').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `test/e2e/${f}`);
  e2e('end-to-end tests', files, 1, 'test-results/e2e.tap');
  if (process.env.SKIP_REAL_PAGES === '1') {
    console.log('\n== real-page suites skipped (SKIP_REAL_PAGES=1)');
  } else {
    const pages = readdirSync('test/e2e/real-pages').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `test/e2e/real-pages/${f}`);
    e2e('real-page suites', pages, 2, 'test-results/real-pages.tap');
  }
} else {
  check('end-to-end tests (no build)', false);
}

/** Runs node:test files, `concurrency` at a time, and adds their TAP totals to the count. */
function e2e(label, files, concurrency, tapFile) {
  console.log(`\n== ${label}: ${files.join(' ')}`);
  const started = Date.now();
  rmSync(tapFile, { force: true });
  // A test or suite that hangs (a browser that never answers) fails after TEST_TIMEOUT_MS and the
  // rest go on; a runner that hangs as a whole is stopped after RUNNER_TIMEOUT_MS and counts as failed.
  const r = spawnSync('node', ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, `--test-timeout=${TEST_TIMEOUT_MS}`, '--test-reporter=spec',
    '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files], { stdio: 'inherit', timeout: RUNNER_TIMEOUT_MS, killSignal: 'SIGKILL' });
  if (r.error) console.log(`== ${label}: ${r.error.message}`);
  console.log(`== ${label} took ${((Date.now() - started) / 60000).toFixed(1)} min`);
  try {
    const tap = readFileSync(tapFile, 'utf8');
    const count = (key) => Number((tap.match(new RegExp(`^# ${key} (\\d+)`, 'm')) ?? [])[1] ?? 0);
    passed += count('pass');
    failed += count('fail') + count('cancelled');
    if (count('fail') + count('cancelled')) failures.push(`${count('fail') + count('cancelled')} ${label}`);
    if (r.status !== 0 && count('fail') + count('cancelled') === 0) check(`${label} runner`, false);
  } catch {
    check(`${label} report`, false);
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
