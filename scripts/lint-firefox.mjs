// web-ext lint on the Firefox build: fails on any error. Warnings are printed, not fatal: Preact's
// own code trips UNSAFE_VAR_ASSIGNMENT (see ../shared/notes/extension-testing.md, Recipe 4).
import { execFileSync } from 'node:child_process';

let out;
try {
  out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
} catch (e) {
  out = e.stdout; // web-ext exits non-zero when it finds errors; the JSON says which
}
const report = JSON.parse(out);
for (const w of report.warnings) console.log(`warning ${w.code}: ${w.message} (${w.file ?? ''})`);
for (const e of report.errors) console.log(`ERROR ${e.code}: ${e.message} (${e.file ?? ''})`);
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings`);
process.exitCode = report.errors.length === 0 ? 0 : 1;
