/**
 * Builds realistic news pages around the seed articles at test time: site navigation, a
 * related-links rail, a newsletter box and a footer around the article. The seed text itself is
 * read from ../shared/seeds and never copied into the repository; its own leftovers ("Skip to
 * content", "Image", "author avatar", "Subscribe now") stay in the article as they came.
 */

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PageChrome {
  outlet: string;
  path: string;
  /** Links of the site's navigation and related rail (chrome that must never be highlighted). */
  related: string[];
}

/** Returns the seed's title: the first line of four or more words. */
export function seedTitle(seed: string): string {
  return seed.split('\n').map((l) => l.trim()).find((l) => l.split(/\s+/).length >= 4) ?? 'Untitled';
}

/** Returns a full HTML page with the seed as the article body. */
export function seedPage(seed: string, chrome: PageChrome): string {
  const lines = seed.split('\n').map((l) => l.trim()).filter(Boolean);
  const title = seedTitle(seed);
  let titleUsed = false;
  const body = lines.map((line) => {
    if (!titleUsed && line === title) {
      titleUsed = true;
      return `<h1>${escapeHtml(line)}</h1>`;
    }
    return `<p>${escapeHtml(line)}</p>`;
  }).join('\n        ');
  const related = chrome.related.map((r, i) => `<li><a href="/related/${i}">${escapeHtml(r)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)} | ${escapeHtml(chrome.outlet)}</title>
  <meta property="og:site_name" content="${escapeHtml(chrome.outlet)}">
  <meta property="og:title" content="${escapeHtml(title)}">
  <meta property="og:type" content="article">
  <link rel="canonical" href="${chrome.path}">
  <style>
    body { font: 17px/1.6 Georgia, serif; margin: 0; color: #222; }
    header, footer { background: #f4f4f4; padding: 12px 24px; }
    nav a { margin-right: 16px; }
    main { display: flex; gap: 32px; padding: 24px; }
    article { max-width: 680px; }
    aside { width: 240px; font-size: 14px; }
  </style>
</head>
<body>
  <header>
    <a class="logo" href="/">${escapeHtml(chrome.outlet)}</a>
    <nav><a href="/politics">Politics</a><a href="/world">World</a><a href="/tech">Technology</a><a href="/opinion">Opinion</a></nav>
  </header>
  <main>
    <article>
      <div class="entry-content">
        ${body}
      </div>
    </article>
    <aside>
      <h2>Related stories</h2>
      <ul>${related}</ul>
      <div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our newsletter to receive the top stories every day.</p><button>Sign up</button></div>
    </aside>
  </main>
  <footer>
    <p>&copy; 2024 ${escapeHtml(chrome.outlet)}. All rights reserved. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p>
  </footer>
</body>
</html>`;
}
