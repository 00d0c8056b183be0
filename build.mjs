// Builds dist/chrome and dist/firefox from the one manifest.json, plus store-ready zips.
//   node build.mjs            production build (minified)
//   E2E=1 node build.mjs      test build: keeps the __E2E__ hooks the end-to-end suite needs
//   BENCH=1 node build.mjs    bench build: performance marks in the content script
//   node build.mjs --no-zip   skip the zips (faster inner loop)
//   node build.mjs --out DIR  build into DIR instead of dist (the bench builds beside running suites)
import * as esbuild from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const e2e = process.env.E2E === '1';
const bench = process.env.BENCH === '1';
const zip = !process.argv.includes('--no-zip');
const outIndex = process.argv.indexOf('--out');
const outRoot = outIndex >= 0 ? process.argv[outIndex + 1] : 'dist';
const manifest = JSON.parse(await readFile('manifest.json', 'utf8'));

/** Chrome runs background.service_worker and rejects nothing; the gecko block is Firefox's. */
function chromeManifest(m) {
  const { browser_specific_settings: _gecko, ...rest } = m;
  return rest;
}
/** Firefox MV3 runs background.scripts as an event page and needs a fixed add-on id. */
function firefoxManifest(m) {
  return { ...m, background: { scripts: [m.background.service_worker] } };
}

const entryPoints = {
  content: 'src/content/index.ts',
  background: 'src/background/index.ts',
  popup: 'src/popup/index.tsx',
  options: 'src/options/index.tsx',
  onboarding: 'src/onboarding/index.ts',
};

await rm(outRoot, { recursive: true, force: true });
const result = await esbuild.build({
  entryPoints,
  bundle: true,
  format: 'iife',
  target: ['chrome120', 'firefox128'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  legalComments: 'none',
  define: { __E2E__: String(e2e), __BENCH__: String(bench) },
  outdir: path.join(outRoot, 'build'),
  metafile: true,
  logLevel: 'warning',
});

for (const [browser, shape] of [['chrome', chromeManifest], ['firefox', firefoxManifest]]) {
  const out = path.join(outRoot, browser);
  await mkdir(out, { recursive: true });
  await cp('extension', out, { recursive: true });
  await cp(path.join(outRoot, 'build'), out, { recursive: true });
  await writeFile(path.join(out, 'manifest.json'), JSON.stringify(shape(manifest), null, 2));
  if (zip) {
    // web-ext build only zips the folder (it reads name and version); it works for both stores.
    execFileSync('npx', ['web-ext', 'build', '--source-dir', out, '--artifacts-dir', outRoot,
      '--filename', `sourcemark-${browser}-${manifest.version}.zip`, '--overwrite-dest'], { stdio: 'ignore' });
  }
}
await rm(path.join(outRoot, 'build'), { recursive: true, force: true });

const sizes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .map(([file, o]) => `${path.basename(file)} ${(o.bytes / 1024).toFixed(1)} KB`);
console.log(`built ${outRoot}/chrome and ${outRoot}/firefox${e2e ? ' (E2E hooks on)' : ''}: ${sizes.join(', ')}`);
