/**
 * `npm run bench [-- --out bench.json] [--quick] [--smoke] [--data ../shared/eval]`
 *
 * Speed and memory of Sourcemark, each beside a baseline measured in the same run (the machines
 * are shared and noisy; an absolute time alone proves nothing). See issue 7 for the budgets.
 *   --quick  libraries of 1k/10k instead of 10k/100k, fewer repeats, 30 heap pages
 *   --smoke  one page, tiny libraries, one repeat, no heap run (what the e2e smoke test runs)
 *   --only popup[,sizes,node,pages,longest,heap]  run only these parts (the rest print as null)
 *   --only annotate  the content-script figures in Chromium: bundle sizes, real pages, longest task
 *            (the same as --only sizes,pages,longest)
 *   --pages slug,slug  narrow the real pages (the longest-task page stays the largest of them)
 */
import { readFileSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { evalSpeed } from '../../src/cli/eval/speed.ts';
import { evalLibrary, syntheticRecords } from '../../src/cli/eval/library.ts';
import { Library } from '../../src/corpus/library.ts';
import { MemoryStore } from '../../src/corpus/memory-store.ts';
import { parseCsv } from '../../src/cli/eval/csv.ts';
import { splitSentences } from '../../src/corpus/sentences.ts';
import { serve } from '../e2e/harness.ts';
import { BLANK_PAGE, buildChrome } from './build.ts';
import { launchBench, launchPlain, measureBlankPage, measurePage, measurePopup, recordLongTasks, tabIdOf, visitPage, type PageTiming } from './browser.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const opt = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const smoke = flag('--smoke');
const quick = flag('--quick') || smoke;
const dataDir = path.resolve(opt('--data') ?? path.join('..', 'shared', 'eval'));
const out = opt('--out');
/** Parts can run as separate processes (--no-node / --no-browser) and their JSON be merged. */
const only = opt('--only')?.split(',').flatMap((p) => (p === 'annotate' ? ['sizes', 'pages', 'longest'] : [p]));
/** True when the part runs: every part by default, else only those named by --only. */
const part = (name: string) => !only || only.includes(name);
const runNode = !flag('--no-node') && part('node');
const runBrowser = !flag('--no-browser');
const pageFilter = opt('--pages')?.split(',').filter(Boolean);
const loads = Number(opt('--repeats')) || 0;
let bodiesCache: string[] | undefined;
let sizes: [number, number] = [0, 0];

const median = (xs: number[]) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };
const round = (x: number, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);
const t0 = Date.now();
const log = (s: string) => process.stderr.write(`bench +${((Date.now() - t0) / 1000).toFixed(1)}s: ${s}\n`);

const result: Record<string, unknown> = { mode: smoke ? 'smoke' : quick ? 'quick' : 'full' };

// ---- bundle sizes: gzip -9 of a production build's bundles -------------------------------------
log('building (production, then bench)');
if (part('sizes')) {
const prod = await buildChrome({ bench: false, e2e: false });
for (const name of ['content', 'background', 'popup']) {
  const bytes = prod.files[`${name}.js`]!;
  result[`${name}_js_gzip_kb`] = round(gzipSync(bytes, { level: 9 }).length / 1024, 1);
  result[`${name}_js_raw_kb`] = round(bytes.length / 1024, 1);
}
result.bench_marks_in_production = /sm:[a-z]/.test(Buffer.from(prod.files['content.js']!).toString('latin1'));
// Baseline for the content bundle: Readability + mark.js alone, the libraries it must carry.
{
  const esbuild = await import('esbuild');
  const r = await esbuild.build({
    stdin: { contents: "import { Readability, isProbablyReaderable } from '@mozilla/readability'; import Mark from 'mark.js/dist/mark.es6.js'; (globalThis as any).x = [Readability, isProbablyReaderable, Mark];", loader: 'ts', resolveDir: process.cwd() },
    bundle: true, format: 'iife', minify: true, legalComments: 'none', write: false, target: ['chrome120'],
  });
  result.readability_markjs_gzip_kb = round(gzipSync(r.outputFiles[0]!.contents, { level: 9 }).length / 1024, 1);
}
await rm(prod.root, { recursive: true, force: true });
}
const benchBuild = await buildChrome({ bench: true, e2e: true });

// ---- Node: analysis throughput vs tokeniser; library matching -----------------------------------
if (runNode) {
log('analysis speed (Node)');
const speed = await evalSpeed(dataDir, smoke ? 1 : 5);
result.analysis_words_per_s = speed?.words_per_second ?? null;
result.tokenizer_words_per_s = speed?.tokenizer_words_per_second ?? null;
result.analysis_vs_tokenizer = speed ? round(speed.ratio_to_tokenizer, 3) : null;
// The tokenizer baseline skips the tagger and entity stages the analysis needs; this second
// baseline (the product's own wink pipe alone) shows what our code costs on top of them.
result.wink_pipe_words_per_s = speed?.wink_pipe_words_per_second ?? null;
result.analysis_vs_wink_pipe = speed ? round(speed.ratio_to_wink_pipe, 3) : null;
sizes = smoke ? [200, 1000] : quick ? [1000, 10_000] : [10_000, 100_000];
log(`library matching at ${sizes.join(' and ')} articles (Node)`);
// evalLibrary spends ~20 s building its sentence pool from all of FNC-1; the smoke run uses a
// pool from 100 bodies and the same synthetic records, Library and query pattern.
const lib = smoke ? await smokeLibrary(sizes) : await evalLibrary(dataDir, sizes);
result.library_sizes = sizes;
result.match_ms_p50_10k = lib ? round(lib.match_ms_p50_10k) : null;
result.match_ms_p95_10k = lib ? round(lib.match_ms_p95_10k) : null;
result.match_ms_p50_100k = lib ? round(lib.match_ms_p50_100k) : null;
result.match_ms_p95_100k = lib ? round(lib.match_ms_p95_100k) : null;
result.index_mb_100k = lib ? round(lib.index_mb_100k, 1) : null;
}

// ---- Chromium -------------------------------------------------------------------------------
const realRoot = path.join(dataDir, 'real-pages');
let slugs = existsSync(realRoot) ? readdirSync(realRoot).sort().filter((d) => existsSync(path.join(realRoot, d, 'source.html'))) : [];
if (pageFilter) slugs = slugs.filter((s) => pageFilter.includes(s));
const largest = slugs.slice().sort((a, b) => statSync(path.join(realRoot, b, 'source.html')).size - statSync(path.join(realRoot, a, 'source.html')).size)[0];
if (smoke) slugs = [slugs.includes('ars-1') ? 'ars-1' : slugs[0]!].filter(Boolean);
if (!part('pages')) slugs = [];
const pages = new Map<string, string>();
for (const s of slugs) pages.set(`/real/${s}/`, readFileSync(path.join(realRoot, s, 'source.html'), 'utf8'));
const bodies = fncBodies(dataDir);
pages.set('/popup-article/', popupArticle(bodies));
const site = await serve(pages);
const readabilitySrc = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');

const b = runBrowser ? await launchBench(benchBuild.dir) : null;
// The cold baseline's browser (no extension), only for the page part.
const plain = b && slugs.length ? await launchPlain() : null;
if (b) try {
  // Content-side work vs a Readability parse of the same page, in the same page.
  const repeats = loads || (smoke ? 1 : quick ? 2 : 3);
  log(`${slugs.length} real pages x ${repeats} loads in Chromium`);
  const perPage: { slug: string; ratio: number; ratio_same_page: number; cold_ms: number; content_ms: number; extract_ms: number; mark_ms: number; readability_ms: number; warm_ms: number; breakdown: Record<string, number | null> }[] = [];
  let notArticle = 0;
  const allRuns: PageTiming[] = [];
  for (const slug of slugs) {
    const runs: PageTiming[] = [];
    const cold: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const { page, state } = await visitPage(b, `${site.origin}/real/${slug}/`);
      if (state === 'done') runs.push(await measurePage(page, readabilitySrc, 3));
      await page.close();
      if (state !== 'done') break;
      // Interleaved with the extension's loads, so both sides see the same machine load.
      cold.push(await plain!.coldReadabilityMs(`${site.origin}/real/${slug}/`, readabilitySrc));
    }
    if (runs.length === 0) { notArticle++; continue; }
    allRuns.push(...runs);
    const content = median(runs.map((x) => x.content_ms));
    const base = median(runs.map((x) => x.readability_ms));
    const coldMs = median(cold);
    perPage.push({ slug, ratio: content / coldMs, ratio_same_page: median(runs.map((x) => x.content_ms / x.readability_ms)), cold_ms: coldMs,
      content_ms: content, readability_ms: base,
      extract_ms: median(runs.map((x) => x.extract_ms)), mark_ms: median(runs.map((x) => x.mark_ms)), warm_ms: median(runs.map((x) => x.readability_warm_ms)),
      breakdown: Object.fromEntries(Object.keys(runs[0]!.breakdown).map((k) => [k, round(median(runs.map((x) => x.breakdown[k as keyof PageTiming['breakdown']])))])) });
  }
  result.pages = slugs.length;
  result.pages_annotated = perPage.length;
  result.pages_not_article = notArticle;
  // Headline: our cold work against Readability's cold parse of the same page (both first in their
  // process). The same-page figure (Readability parsed after our script, warm pattern cache) is kept beside it.
  result.annotate_vs_readability = round(median(perPage.map((p) => p.ratio)), 3);
  result.annotate_vs_readability_same_page = round(median(perPage.map((p) => p.ratio_same_page)), 3);
  result.readability_cold_ms_median = round(median(perPage.map((p) => p.cold_ms)));
  result.annotate_ms_median = round(median(perPage.map((p) => p.content_ms)));
  result.readability_ms_median = round(median(perPage.map((p) => p.readability_ms)));
  result.extract_ms_median = round(median(perPage.map((p) => p.extract_ms)));
  result.mark_ms_median = round(median(perPage.map((p) => p.mark_ms)));
  result.readability_warm_ms_median = round(median(perPage.map((p) => p.warm_ms)));
  result.extract_vs_readability = round(median(perPage.map((p) => p.extract_ms / p.cold_ms)), 3);
  result.content_breakdown_ms_median = allRuns.length ? Object.fromEntries((['copy', 'readability', 'text', 'gate', 'prune', 'keep', 'plan', 'slices'] as const)
    .map((k) => [k, round(median(allRuns.map((x) => x.breakdown[k])))])) : null;
  result.annotate_vs_readability_warm = round(median(perPage.map((p) => p.content_ms / p.warm_ms)), 3);
  result.per_page = Object.fromEntries(perPage.map((p) => [p.slug, { ratio: round(p.ratio, 2), ratio_same_page: round(p.ratio_same_page, 2), content_ms: round(p.content_ms), readability_cold_ms: round(p.cold_ms), readability_ms: round(p.readability_ms), ...p.breakdown }]));
  result.worst_pages = perPage.sort((x, y) => y.ratio - x.ratio).slice(0, 5).map((p) => ({ slug: p.slug, ratio: round(p.ratio, 2), content_ms: round(p.content_ms), extract_ms: round(p.extract_ms), mark_ms: round(p.mark_ms), readability_ms: round(p.readability_ms) }));

  // Longest main-thread task on the largest real page (long tasks overlapping our marks).
  if (largest && !smoke && part('longest')) {
    const url = `${site.origin}/largest/`;
    site.pages.set('/largest/', readFileSync(path.join(realRoot, largest, 'source.html'), 'utf8'));
    const runs: PageTiming[] = [];
    for (let r = 0; r < 3; r++) {
      const { page, state } = await visitPage(b, url, recordLongTasks);
      if (state === 'done') runs.push(await measurePage(page, readabilitySrc, 3));
      await page.close();
    }
    result.largest_page = largest;
    result.longest_task_ms = round(median(runs.map((x) => Math.max(x.longest_task_ms, x.longest_piece_ms))));
    result.longest_piece_ms = round(median(runs.map((x) => x.longest_piece_ms)));
    result.longest_task_extract_ms = round(median(runs.map((x) => x.extract_ms)));
    result.longest_task_readability_ms = round(median(runs.map((x) => x.readability_ms)));
    result.page_own_longest_task_ms = round(median(runs.map((x) => x.page_longest_task_ms)));
    result.longest_task_breakdown_ms = runs.length ? Object.fromEntries((['copy', 'readability', 'text', 'gate', 'prune', 'keep', 'plan', 'slices'] as const)
      .map((k) => [k, round(median(runs.map((x) => x.breakdown[k])))])) : null;
  } else {
    result.longest_task_ms = null;
  }

  // Popup with >= 50 items: navigation start (performance.now() 0) to the first item's frame.
  if (part('popup')) {
  log('popup first paint');
  const articleUrl = `${site.origin}/popup-article/`;
  const { page: articlePage } = await visitPage(b, articleUrl);
  const tabId = await tabIdOf(b, articlePage);
  const pops: Awaited<ReturnType<typeof measurePopup>>[] = [];
  // Interleaved with the popup: the blank extension page (the browser's own floor), same run.
  const blanks: number[] = [];
  for (let r = 0; r < (smoke ? 1 : 7); r++) {
    blanks.push(await measureBlankPage(b, BLANK_PAGE));
    pops.push(await measurePopup(b, tabId));
  }
  await articlePage.close();
  result.popup_items = pops[0]?.items ?? 0;
  result.popup_first_paint_ms = round(median(pops.map((p) => p.first_frame_ms)), 1);
  result.popup_first_item_dom_ms = round(median(pops.map((p) => p.first_item_ms)), 1);
  result.popup_blank_page_first_paint_ms = round(median(blanks), 1);
  result.popup_first_paint_vs_blank_page = round(median(pops.map((p, i) => p.first_frame_ms / blanks[i]!)), 2);
  result.popup_own_ms = round(median(pops.map((p, i) => p.first_frame_ms - blanks[i]!)), 1);
  result.popup_dcl_ms_baseline = round(median(pops.map((p) => p.dcl_ms)), 1);
  result.popup_report_rpc_ms = round(median(pops.map((p) => p.report_rpc_ms)), 1);
  result.popup_first_paint_vs_dcl = round(median(pops.map((p) => p.first_frame_ms / p.dcl_ms)), 2);
  result.popup_dom_interactive_ms_baseline = round(median(pops.map((p) => p.dom_interactive_ms)), 1);
  result.popup_first_paint_vs_dom_interactive = round(median(pops.map((p) => p.first_frame_ms / p.dom_interactive_ms)), 2);
  const markNames = [...new Set(pops.flatMap((p) => Object.keys(p.marks)))];
  result.popup_marks_ms_median = Object.fromEntries(markNames.map((k) => [k, round(median(pops.map((p) => p.marks[k] ?? NaN)), 1)]));
  }

  // Background heap after N distinct articles analysed (FNC-1 bodies as pages).
  const heapPages = smoke || !part('heap') ? 0 : quick ? 30 : 100;
  if (heapPages > 0 && bodies.length >= heapPages) {
    log(`service worker heap over ${heapPages} article pages`);
    const heap: Record<number, number> = { 0: await b.swHeap() };
    let annotated = 0;
    for (let i = 1; i <= heapPages; i++) {
      site.pages.set(`/heap/${i}/`, articleHtml(`Report ${i}: ${bodies[i]!.split(/[.!?]/)[0]!.slice(0, 80)}`, bodies[i]!));
      const { page, state } = await visitPage(b, `${site.origin}/heap/${i}/`);
      if (state === 'done') annotated++;
      await page.close();
      if (i === Math.floor(heapPages / 2) || i === heapPages) heap[i] = await b.swHeap();
    }
    const mid = Math.floor(heapPages / 2);
    const textMb = bodies.slice(mid + 1, heapPages + 1).reduce((s, t) => s + t.length * 2, 0) / 1e6;
    result.heap_pages = heapPages;
    result.heap_pages_annotated = annotated;
    result.heap_mb_baseline = round(heap[0]! / 1e6, 1);
    result.heap_mb_after_50_pages = round(heap[mid]! / 1e6, 1);
    result.heap_mb_after_100_pages = round(heap[heapPages]! / 1e6, 1);
    result.heap_growth_mb_50_to_100 = round((heap[heapPages]! - heap[mid]!) / 1e6, 2);
    result.heap_text_mb_50_to_100 = round(textMb, 2);
  } else {
    result.heap_mb_after_100_pages = null;
  }
} finally {
  await plain?.close();
  await b?.close();
}
await site.close();
await rm(benchBuild.root, { recursive: true, force: true });

// ---- report ---------------------------------------------------------------------------------
const num = (k: string) => (typeof result[k] === 'number' ? (result[k] as number) : null);
const budgets: [string, boolean | null, string][] = [
  ['annotate_vs_readability <= 1.5', num('annotate_vs_readability') === null ? null : num('annotate_vs_readability')! <= 1.5, `${result.annotate_ms_median} ms vs Readability cold ${result.readability_cold_ms_median} ms (median page; after our script in the same page: ${result.readability_ms_median} ms, ratio ${result.annotate_vs_readability_same_page})`],
  ['analysis >= 40% of tokenizer', num('analysis_vs_tokenizer') === null ? null : num('analysis_vs_tokenizer')! >= 0.4, `${result.analysis_words_per_s} vs ${result.tokenizer_words_per_s} words/s (the product's wink pipe alone: ${result.wink_pipe_words_per_s} words/s, analysis ${result.analysis_vs_wink_pipe} of it)`],
  [`match p50 <= 50 ms (${sizes[0]})`, num('match_ms_p50_10k') === null ? null : num('match_ms_p50_10k')! <= 50, `${result.match_ms_p50_10k} ms`],
  [`match p50 <= 200 ms (${sizes[1]})`, num('match_ms_p50_100k') === null ? null : num('match_ms_p50_100k')! <= 200, `${result.match_ms_p50_100k} ms`],
  ['popup_first_paint <= 100 ms', num('popup_first_paint_ms') === null ? null : num('popup_first_paint_ms')! <= 100, `${result.popup_first_paint_ms} ms, ${result.popup_items} items (a blank extension page: ${result.popup_blank_page_first_paint_ms} ms, ratio ${result.popup_first_paint_vs_blank_page}; DCL ${result.popup_dcl_ms_baseline} ms, tab/report round trip ${result.popup_report_rpc_ms} ms)`],
  ['content_js_gzip <= 60 KB', num('content_js_gzip_kb') === null ? null : num('content_js_gzip_kb')! <= 60, `${result.content_js_gzip_kb} KB (Readability + mark.js alone ${result.readability_markjs_gzip_kb} KB)`],
  ['longest_task <= 50 ms', num('longest_task_ms') === null ? null : num('longest_task_ms')! <= 50, `${result.longest_task_ms} ms on ${result.largest_page ?? '-'} (page's own ${result.page_own_longest_task_ms ?? '-'} ms)`],
  ['heap <= 150 MB', num('heap_mb_after_100_pages') === null ? null : num('heap_mb_after_100_pages')! <= 150, `${result.heap_mb_after_100_pages} MB (start ${result.heap_mb_baseline ?? '-'}, +${result.heap_growth_mb_50_to_100 ?? '-'} MB from page ${result.heap_mb_after_50_pages === undefined ? '-' : Math.floor(Number(result.heap_pages) / 2)} to ${result.heap_pages ?? '-'})`],
];
result.budgets = Object.fromEntries(budgets.map(([k, v]) => [k, v]));
console.log(`\nSourcemark bench (${result.mode}; ${result.pages} real pages)\n`);
for (const [k, v, detail] of budgets) console.log(`${v === null ? ' -- ' : v ? ' ok ' : 'MISS'}  ${k.padEnd(34)} ${detail}`);
console.log(`      bundles gzip -9: content ${result.content_js_gzip_kb} KB, background ${result.background_js_gzip_kb} KB, popup ${result.popup_js_gzip_kb} KB`);
if (out) {
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nwrote ${out}`);
}

/** A tiny version of evalLibrary for the smoke run (same records, index and query pattern). */
async function smokeLibrary(n: [number, number]) {
  const pool = fncBodies(dataDir).slice(0, 100).flatMap((t) => splitSentences(t).map((sp) => t.slice(sp.start, sp.end)))
    .filter((s) => s.length > 40 && s.length < 400);
  if (pool.length === 0) return null;
  const run = async (count: number) => {
    const records = syntheticRecords(pool, ['A headline'], count);
    const lib = await Library.open(new MemoryStore());
    for (const r of records) lib.index(r);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      lib.corroborate(records[(i * 7919) % records.length]!);
      times.push(performance.now() - t);
    }
    return { p50: median(times), p95: times.sort((a, b) => a - b)[Math.floor(times.length * 0.95)]! };
  };
  const [a, c] = [await run(n[0]), await run(n[1])];
  return { match_ms_p50_10k: a.p50, match_ms_p95_10k: a.p95, match_ms_p50_100k: c.p50, match_ms_p95_100k: c.p95, index_mb_100k: NaN };
}

// ---- pages ----------------------------------------------------------------------------------
/** Returns FNC-1 article bodies of a useful length (real news text; distinct articles). */
function fncBodies(dir: string): string[] {
  if (bodiesCache) return bodiesCache;
  const f = path.join(dir, 'fnc-1', 'competition_test_bodies.csv');
  if (!existsSync(f)) return [];
  const [, ...rows] = parseCsv(readFileSync(f, 'utf8'));
  return (bodiesCache = rows.map((r) => r[1]!).filter((t) => t.length > 1500 && t.length < 8000));
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Returns a plain news page around the text: one <p> per blank-line block or three sentences. */
function articleHtml(title: string, text: string): string {
  const paras: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const sents = splitSentences(block).map((sp) => block.slice(sp.start, sp.end));
    for (let i = 0; i < sents.length; i += 3) paras.push(sents.slice(i, i + 3).join(' '));
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Bench Daily"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>${esc(title)}</h1><p class="byline">By Bench Reporter</p>
${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article><footer><p>Bench Daily, 1 Example Street.</p></footer></body></html>`;
}

/** Returns an article with plenty of claims (sentences with figures) and attributed quotes. */
function popupArticle(pool: string[]): string {
  const names = ['Maria Lopez', 'John Carter', 'Aisha Khan', 'Peter Novak', 'Li Wei', 'Sarah Miller'];
  const numbered = pool.flatMap((t) => splitSentences(t).map((sp) => t.slice(sp.start, sp.end)))
    .filter((s) => /\d/.test(s) && s.length > 60 && s.length < 240 && !/"/.test(s)).slice(0, 40);
  const parts: string[] = [];
  for (let i = 0; i < 40; i++) {
    parts.push(numbered[i] ?? `The agency said spending rose by ${i + 3} percent in ${2000 + i}.`);
    if (i % 2 === 0) parts.push(`"We have seen ${i + 12} cases this year and we expect more," said ${names[i % names.length]}, a spokesperson for the ministry.`);
  }
  return articleHtml('Officials report rising figures across the region', parts.join(' '));
}
