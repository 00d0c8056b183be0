// @vitest-environment jsdom
// The reading copy: what it leaves out, that every copied text knows its live node, and that the
// native-subtree path and the node-by-node path give the same copy.
import { afterEach, describe, expect, it } from 'vitest';
import { copyPage, MAX_COPY_DEPTH, type PageCopy } from '../../../src/content/page-copy.js';
import { runAll, runSliced } from '../../../src/content/yield.js';

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * The oracle: a deep clone with scripts and styles removed, and what Readability would drop on
 * its walk (hidden, modal) or what holds no prose (svg, form controls...) emptied.
 */
function expectedBody(doc: Document): string {
  const body = doc.body.cloneNode(true) as HTMLElement;
  for (const el of Array.from(body.querySelectorAll('script:not([type="application/ld+json"]), style, noscript'))) el.remove();
  const empty = (el: Element) => {
    el.replaceChildren();
    if (el instanceof HTMLTemplateElement) el.content.replaceChildren();
  };
  for (const el of Array.from(body.querySelectorAll('[hidden], [aria-hidden="true"], [aria-modal="true"][role="dialog"]'))) empty(el);
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const style = (el as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) empty(el);
  }
  for (const el of Array.from(body.querySelectorAll('svg, math, iframe, object, canvas, video, audio, select, textarea, button, link, template'))) empty(el);
  return body.innerHTML;
}

function checkPairs(copy: PageCopy): void {
  const seen = new Set<Text>();
  for (const [c, i] of copy.index) {
    const live = copy.texts[i]!;
    expect(c.data).toBe(live.data);
    expect(live.isConnected).toBe(true);
    expect(c.ownerDocument).toBe(copy.doc);
    seen.add(live);
  }
  expect(seen.size).toBe(copy.texts.length);
}

const PAGE = `<!doctype html><html lang="en"><head><title>The title</title><meta name="x" content="y">
<style>p { color: red }</style><script>var secret = 1;</script><script type="application/ld+json">{"@type":"NewsArticle"}</script>
<link rel="stylesheet" href="/a.css"></head><body>
<!-- a comment -->
<nav><a href="/">Home</a></nav>
<article><h1>Headline</h1><p>First <b>bold</b> paragraph<br>line two.</p>
<p hidden>Hidden by attribute.</p><p aria-hidden="true">Hidden from screen readers.</p>
<p style="display: none">Hidden inline.</p><meta itemprop="datePublished" content="2024-01-01" hidden><div role="dialog" aria-modal="true">A modal.</div>
<p>Icon <svg><text>svg text</text></svg> and <button>Share</button> and <select><option>Option</option></select>.</p>
<script>document.write('x')</script><noscript>Enable scripts</noscript><template><p>Template</p></template>
${Array.from({ length: 40 }, (_, i) => `<section><p>Para ${i} with <a href="/${i}">a link</a> and <i>more <em>nested</em></i> text.</p><!-- c ${i} --></section>`).join('\n')}
</article><footer>Footer text</footer></body></html>`;

describe('copyPage', () => {
  for (const cloneMax of [0, 5, 100000]) {
    it(`copies what Readability would read (native subtrees up to ${cloneMax} elements)`, () => {
      const doc = load(PAGE);
      const copy = runAll(copyPage(doc, { layout: false, cloneMax }))!;
      expect(copy.doc.body.innerHTML).toBe(expectedBody(doc));
      expect(copy.doc.title).toBe('The title');
      expect(copy.doc.querySelector('script[type="application/ld+json"]')?.textContent).toContain('NewsArticle');
      expect(copy.doc.querySelector('style, head link')).toBeNull();
      checkPairs(copy);
    });
  }

  it('records blocks, links and the block and <br> boundaries of each text', () => {
    const doc = load('<body><div><p>a<br>b<a href="/">c</a></p>d</div></body>');
    const copy = runAll(copyPage(doc, { layout: false }))!;
    const at = (s: string) => copy.texts.findIndex((t) => t.data === s);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(at) as [number, number, number, number];
    expect(copy.blocks[a]!.tagName).toBe('P');
    expect(copy.blocks[d]!.tagName).toBe('DIV');
    expect(copy.linked[c]).toBe(1);
    expect(copy.linked[b]).toBe(0);
    expect(copy.brMarks[b]! - copy.brMarks[a]!).toBe(1);
    expect(copy.blockMarks[a]!).toBe(3); // <body>, <div>, <p>
  });

  it('walks pages nested thousands deep without recursion', { timeout: 60000 }, () => {
    const depth = 1500;
    const doc = load(`<body>${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}<p>after</p></body>`);
    for (const cloneMax of [0, 100000]) {
      const copy = runAll(copyPage(doc, { layout: false, cloneMax }))!;
      expect(copy.texts.map((t) => t.data)).toEqual(['deep text', 'after']);
      checkPairs(copy);
      // Wrappers past MAX_COPY_DEPTH are flattened: Readability gets a tree of sane depth.
      let d = 0;
      for (let e: Node | null = Array.from(copy.index.keys())[0]!; e; e = e.parentNode) d++;
      expect(d).toBeLessThanOrEqual(MAX_COPY_DEPTH + 4);
    }
  });

  it('starts over when the page removes the node the walk stands on between slices', async () => {
    const doc = load(`<body>${Array.from({ length: 300 }, (_, i) => `<p>Paragraph ${i}</p>`).join('')}</body>`);
    let yields = 0;
    const copy = (await runSliced(copyPage(doc, { layout: false, chunk: 16, cloneMax: 0 }), -1, async () => {
      yields++;
      // A framework re-renders the whole page under the walk.
      if (yields === 3) doc.body.innerHTML = Array.from({ length: 200 }, (_, i) => `<p>New ${i}</p>`).join('');
    }))!;
    expect(yields).toBeGreaterThan(3);
    checkPairs(copy);
    expect(copy.texts.map((t) => t.data)).toEqual(Array.from({ length: 200 }, (_, i) => `New ${i}`));
  });

  it('keeps going when the page changes behind or ahead of the walk', async () => {
    const doc = load(`<body>${Array.from({ length: 300 }, (_, i) => `<p>Paragraph ${i}</p>`).join('')}</body>`);
    let yields = 0;
    const copy = (await runSliced(copyPage(doc, { layout: false, chunk: 16, cloneMax: 0 }), -1, async () => {
      yields++;
      if (yields === 3) doc.body.children[250]!.textContent = 'Changed ahead';
      if (yields === 5) doc.body.removeChild(doc.body.children[2]!);
    }))!;
    const texts = copy.texts.map((t) => t.data);
    expect(texts).toContain('Changed ahead');
    // What went away behind the walk stays in the copy, paired with its (now detached) node:
    // the text map skips detached nodes and the lifecycle's observer re-reads the page.
    expect(texts).toContain('Paragraph 2');
    expect(copy.texts.filter((t) => !t.isConnected).map((t) => t.data)).toEqual(['Paragraph 2']);
  });

  it('starts over when a natively copied subtree gains a child under the walk', async () => {
    // One <div> small enough to be copied in one native call, walked in step with its copy.
    const doc = load(`<body><div id="box">${Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i}</p>`).join('')}</div></body>`);
    let yields = 0;
    const copy = (await runSliced(copyPage(doc, { layout: false, chunk: 16 }), -1, async () => {
      yields++;
      // A late script appends to the subtree after it was copied: the live walk then reaches a
      // node the copy does not have.
      if (yields === 2) doc.getElementById('box')!.append(doc.createElement('p'), 'late text');
    }))!;
    checkPairs(copy);
    expect(copy.texts.map((t) => t.data)).toContain('late text');
  });

  describe('with layout (checkVisibility stubbed: jsdom has no CSS layout)', () => {
    const proto = Element.prototype as unknown as { checkVisibility?: unknown };
    afterEach(() => {
      delete proto.checkVisibility;
    });

    it('leaves out display:none subtrees and the own text of visibility:hidden elements', () => {
      const doc = load('<body><p class="gone">Gone <b>too</b></p><div class="ghost">Ghost text <span class="back">visible again</span></div><p>Shown</p></body>');
      proto.checkVisibility = function (this: Element, o?: { visibilityProperty?: boolean }) {
        if (this.closest('.gone')) return false;
        if (o?.visibilityProperty && this.matches('.ghost')) return false;
        return true;
      };
      const copy = runAll(copyPage(doc, { layout: true }))!;
      expect(copy.texts.map((t) => t.data)).toEqual(['visible again', 'Shown']);
      expect(copy.doc.body.textContent).toBe('visible againShown');
      // The hidden paragraph stays as an empty placeholder: Readability reads the same structure.
      expect(copy.doc.body.querySelector('p.gone')?.childNodes.length).toBe(0);
    });
  });
});
