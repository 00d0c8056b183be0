// `npm test`: every suite, in order, then one closing line "N passed, N failed" with the real totals.
//   1. type check (pure core without DOM types, then everything)      -> 1 check each
//   2. test build (E2E=1 node build.mjs)                                -> 1 check
//   3. web-ext lint on dist/firefox, 0 errors required                  -> 1 check
//   4. vitest unit tests (Node, happy-dom / jsdom)                      -> one per test
//   5. end-to-end tests in Debian Chromium and Firefox ESR (node:test)  -> one per test
//      (test/e2e/*.test.ts; the real-page suites in test/e2e/real-pages/ run with `npm run test:real-pages`)
// A failed step does not stop the later ones, so one run reports everything. SKIP_E2E=1 skips 5.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';

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
  console.log(`\n== end-to-end tests: ${files.join(' ')}`);
  const r = spawnSync('node', ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec',
    '--test-reporter-destination=stdout', '--test-reporter=tap', '--test-reporter-destination=test-results/e2e.tap',
    ...files], { stdio: 'inherit' });
  try {
    const tap = readFileSync('test-results/e2e.tap', 'utf8');
    const count = (key) => Number((tap.match(new RegExp(`^# ${key} (\\d+)`, 'm')) ?? [])[1] ?? 0);
    passed += count('pass');
    failed += count('fail') + count('cancelled');
    if (count('fail') + count('cancelled')) failures.push(`${count('fail') + count('cancelled')} end-to-end test(s)`);
    if (r.status !== 0 && count('fail') + count('cancelled') === 0) check('end-to-end runner', false);
  } catch {
    check('end-to-end report', false);
  }
} else {
  check('end-to-end tests (no build)', false);
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
