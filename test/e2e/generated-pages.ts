/**
 * Pages the end-to-end suites generate: news-like prose written here (no dataset text), wrapped
 * in plain article markup, plus the single-page app and the hostile pages of issue 6. Every
 * sentence is built from small parts, so pages of any size read like news to the analysis:
 * figures and dates (claims), attributed quotes, and vague attributions.
 */

const NAMES = ['Alice Brennan', 'Tomas Okoro', 'Mei Lindqvist', 'Rafael Duarte', 'Hana Sato', 'Peter Vogel', 'Leila Haddad', 'Sam Whitaker'];
const ROLES = ['the mayor', 'a council spokesperson', 'the finance director', 'the union leader', 'the police chief', 'a senior engineer'];
const TOPICS = ['road repairs', 'the new tram line', 'school meals', 'flood defences', 'the harbour bridge', 'housing grants', 'bus fares', 'the water plant'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];

/** A deterministic pseudo-random sequence (tests must not change between runs). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Returns one news paragraph (three or four sentences) for the seed. */
export function paragraph(seed: number): string {
  const r = rng(seed * 7919 + 17);
  const name = pick(r, NAMES);
  const topic = pick(r, TOPICS);
  const n = 2 + Math.floor(r() * 97);
  const sentences = [
    `The council voted ${3 + (seed % 7)} to 2 on ${pick(r, DAYS)} to spend $${n} million on ${topic} by ${2026 + (seed % 4)}.`,
    `"We have waited ${n % 12 + 2} years for this and we will not wait any longer," said ${name}, ${pick(r, ROLES)}.`,
    `Officials reportedly ignored an earlier plan for ${topic}, according to people familiar with the talks.`,
    `The work on ${topic} is expected to start in ${pick(r, MONTHS)} and employ ${n * 10} people.`,
  ];
  return sentences.slice(0, 3 + (seed % 2)).join(' ');
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface ArticleOptions {
  title: string;
  /** Raw HTML of the article body (already escaped where it must be). */
  body: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Extra HTML after the article (and its own scripts). */
  after?: string;
  head?: string;
}

/** Returns a page with site furniture around an <article>. */
export function articlePage(o: ArticleOptions): string {
  return `<!doctype html><html lang="${o.lang ?? 'en'}"${o.dir ? ` dir="${o.dir}"` : ''}><head><meta charset="utf-8">
<title>${esc(o.title)} | The Test Gazette</title><meta property="og:type" content="article">
<meta property="og:site_name" content="The Test Gazette">${o.head ?? ''}</head>
<body><header><nav><a href="/">Home</a> <a href="/city">City</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${esc(o.title)}</h1>
${o.body}
</article></main>
<footer><p>The Test Gazette, 1 Example Street.</p></footer>
${o.after ?? ''}</body></html>`;
}

/** Returns `count` paragraphs of generated news prose from `seed` on, as <p> elements. */
export function paragraphs(count: number, seed = 1): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(`<p>${esc(paragraph(seed + i))}</p>`);
  return out.join('\n');
}

/**
 * A single-page app: `window.sm.go(n)` navigates with history.pushState to story n and renders
 * it in place; `sm.more(k)` appends k paragraphs (infinite scroll / "read more"); `sm.rerender(i)`
 * renders paragraph i again from its text (new nodes, same text), as frameworks do.
 */
export function spaPage(): string {
  const stories = [1, 2, 3].map((n) => ({
    title: `Story ${n}: the city decides on ${TOPICS[n]}`,
    paras: Array.from({ length: 6 }, (_, i) => paragraph(n * 100 + i)),
  }));
  const script = `<script>
const stories = ${JSON.stringify(stories)};
const late = ${JSON.stringify(Array.from({ length: 30 }, (_, i) => paragraph(1000 + i)))};
let next = 0;
function render(n) {
  const s = stories[n - 1];
  const a = document.querySelector('article');
  a.innerHTML = '';
  const h = document.createElement('h1'); h.textContent = s.title; a.appendChild(h);
  for (const t of s.paras) { const p = document.createElement('p'); p.textContent = t; a.appendChild(p); }
  document.title = s.title;
}
window.sm = {
  go(n) { history.pushState({ n }, '', '/spa/story-' + n); render(n); },
  more(k) { const a = document.querySelector('article'); for (let i = 0; i < k; i++) { const p = document.createElement('p'); p.className = 'late'; p.textContent = late[next++ % late.length]; a.appendChild(p); } },
  rerender(i) { const p = document.querySelectorAll('article p')[i]; const q = document.createElement('p'); q.textContent = p.textContent; p.replaceWith(q); return q.textContent; },
};
addEventListener('popstate', (e) => render(e.state?.n ?? 1));
render(Number(location.pathname.split('-').pop()) || 1);
</script>`;
  return articlePage({ title: stories[0]!.title, body: '', after: script });
}

/** One generated page of the hostile set: what it is, and what must hold on it. */
export interface HostileCase {
  slug: string;
  what: string;
  html: string;
  /** The page is an article the analysis should find something in. */
  expectMarks: boolean;
}

/** Returns the hostile pages of issue 6, generated (sizes as the issue names them). */
export function hostilePages(): HostileCase[] {
  const words = (seed: number) => paragraph(seed).split(' ');
  // About 5 MB: long paragraphs of generated prose.
  const big: string[] = [];
  let size = 0;
  for (let i = 0; size < 5_000_000; i++) {
    const p = `<p>${esc([paragraph(i), paragraph(i + 50_000), paragraph(i + 90_000), paragraph(i + 130_000)].join(' '))}</p>`;
    big.push(p);
    size += p.length;
  }
  // About 50,000 nodes: every word in its own <span>.
  const spans: string[] = [];
  let nodes = 0;
  for (let i = 0; nodes < 50_000; i++) {
    const ws = words(i);
    spans.push(`<p>${ws.map((w) => `<span>${esc(w)}</span>`).join(' ')}</p>`);
    nodes += ws.length * 3 + 1;
  }
  // Nested 2,000 deep. The HTML parser flattens markup past a depth of a few hundred, so the
  // page's own script builds the nesting, as script-built pages do.
  const deep = `<script>
const a = document.querySelector('article');
let box = a;
for (let i = 0; i < 2000; i++) { const d = document.createElement('div'); d.className = 'level'; box.appendChild(d); box = d; }
for (const p of Array.from(a.querySelectorAll(':scope > p'))) box.appendChild(p);
document.documentElement.dataset.depth = String(2000);
</script>`;
  const tenK = Array.from({ length: 10_000 }, (_, i) => `<p>${esc(paragraph(i).split('. ')[0]!)}.</p>`).join('\n');
  const quotes = [
    '„Wir bauen die Brücke bis 2027“, sagte Bürgermeisterin Anna Keller am Montag.',
    '«Nous allons investir 40 millions d’euros», a déclaré le maire Louis Martin.',
    '"We will spend $40 million on the bridge by 2027," said council leader Alice Brennan. "And then the tram.',
    'He said "the plan is "fully funded" and "on track" but gave no figures.',
    '”Stray closing quote at the start, then an opening one that never ends: “the council voted 7 to 2 on Tuesday',
    '‘Single quotes’ and \'straight ones\' and ‹guillemets› and 「corner brackets」 and "" empty and """ triple.',
    '"""""""""""""""""""""""""""""""""""""""""""" 40 million """""""""""""""""""""""""""""""""',
    '"Officials reportedly ignored the plan," a source said, "and nobody knows why," the source added.',
  ].map((t) => `<p>${esc(t)}</p>`).join('\n') + paragraphs(6, 300);
  const rtl = [
    'قال رئيس البلدية يوم الثلاثاء إن المجلس وافق على إنفاق 40 مليون دولار على إصلاح الطرق بحلول عام 2027.',
    '"سنبني الجسر خلال عامين"، قال المتحدث باسم المجلس.',
    'ראש העירייה אמר ביום שלישי כי המועצה אישרה להוציא 40 מיליון דולר על תיקון כבישים עד 2027.',
    'وأفادت التقارير أن المسؤولين تجاهلوا خطة سابقة، بحسب أشخاص مطلعين على المحادثات.',
  ].map((t) => `<p>${esc(t)}</p>`).join('\n').repeat(6);
  const htmlish = [
    `"We will not stop <script>window.__pwned = 1</script> now," said council leader Alice Brennan on Tuesday.`,
    'The council voted 7 to 2 to spend $40 million, according to a memo titled <img src=x onerror="window.__pwned=2">.',
    'Officials reportedly wrote &lt;b&gt;bold&lt;/b&gt; and <b>tags</b> and </p></div> into the budget of $12 million.',
    '"<iframe src=javascript:alert(1)></iframe> is what they sent," said Tomas Okoro, the finance director, on Monday.',
  ].map((t) => `<p>${esc(t)}</p>`).join('\n') + paragraphs(4, 400);
  const frames = paragraphs(6, 500) + `<iframe id="inner" srcdoc="${esc(articlePage({ title: 'Inner story', body: paragraphs(6, 600) }))}" width="600" height="400"></iframe>`;
  const shadow = paragraphs(6, 700) + `<news-card id="open-card"></news-card><news-card id="closed-card" data-closed="1"></news-card>
<script>
customElements.define('news-card', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: this.dataset.closed ? 'closed' : 'open' });
    if (!this.dataset.closed) window.__openRoot = root;
    root.innerHTML = ${JSON.stringify(paragraphs(4, 800))};
  }
});
</script>`;
  const forms = paragraphs(5, 900) + `
<form><label>Comment <textarea id="ta">${esc(paragraph(901))}</textarea></label>
<input id="in" value="${esc(paragraph(902).slice(0, 120))}"><select id="sel"><option>${esc(paragraph(903).slice(0, 80))}</option></select></form>
<div id="ce" contenteditable="true"><p>${esc(paragraph(904))}</p><p>${esc(paragraph(905))}</p></div>
<div id="ce2" contenteditable="plaintext-only">${esc(paragraph(906))}</div>`;
  return [
    { slug: 'huge-5mb', what: `a ${(size / 1e6).toFixed(1)} MB article (${big.length} long paragraphs)`, html: articlePage({ title: 'The longest council report ever printed', body: big.join('\n') }), expectMarks: true },
    { slug: 'nodes-50k', what: `${nodes} nodes (every word in a span)`, html: articlePage({ title: 'Word by word', body: spans.join('\n') }), expectMarks: true },
    { slug: 'deep-2000', what: 'the article nested 2,000 elements deep', html: articlePage({ title: 'Deep inside the budget', body: paragraphs(8, 1200), after: deep }), expectMarks: true },
    { slug: 'paragraphs-10k', what: '10,000 paragraphs', html: articlePage({ title: 'Ten thousand lines', body: tenK }), expectMarks: true },
    { slug: 'quotes', what: 'quote characters of many scripts, unbalanced and nested quotes', html: articlePage({ title: 'Quotes everywhere', body: quotes }), expectMarks: true },
    { slug: 'rtl', what: 'right-to-left text (Arabic, Hebrew)', html: articlePage({ title: 'المجلس يوافق على الميزانية', body: rtl, lang: 'ar', dir: 'rtl' }), expectMarks: false },
    { slug: 'html-like', what: '<script>-like and HTML-like text in the article', html: articlePage({ title: 'The <script> budget', body: htmlish }), expectMarks: true },
    { slug: 'frames', what: 'an article with an iframe holding another article', html: articlePage({ title: 'Framed', body: frames }), expectMarks: true },
    { slug: 'shadow-dom', what: 'article text in open and closed shadow roots beside the article', html: articlePage({ title: 'Shadows', body: shadow }), expectMarks: true },
    { slug: 'forms', what: 'form fields and contenteditable regions holding claim-like text', html: articlePage({ title: 'Forms in the article', body: forms }), expectMarks: true },
  ];
}
