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
