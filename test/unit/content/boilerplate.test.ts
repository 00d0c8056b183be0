// @vitest-environment node
// The structural furniture rules (src/content/boilerplate.ts) must not take article prose with
// them: each case here is prose that looks a little like furniture and has to stay.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/content/extract.js';

const FILLER = [
  'The county board met for four hours on Thursday to settle the budget for the coming year, the longest session since the flood.',
  'Board members said the new library branch would open in the autumn, two years later than first planned, because of rising costs.',
  'Residents who spoke at the meeting asked for more buses on the northern route and for the pool to stay open through September.',
];

function textOf(body: string, head = '', after = ''): string {
  const html = `<!doctype html><html lang="en"><head><title>County budget settled</title>${head}</head><body><main><article>
    <h1>County budget settled</h1>${body}${FILLER.map((p) => `<p>${p}</p>`).join('')}${after}</article></main></body></html>`;
  const r = extractArticle(new JSDOM(html, { url: 'https://county.example/budget' }).window.document, { skipGate: true });
  if (r.kind !== 'article') throw new Error(r.reason);
  return r.article.text;
}

describe('structural boilerplate rules keep prose', () => {
  it('keeps a body paragraph that the page description repeats', () => {
    const first = 'The county adopted a budget of $84 million on Thursday, with more money for roads and less for parks.';
    expect(textOf(`<p>${first}</p>`, `<meta name="description" content="${first}">`)).toContain(first);
  });

  it('drops the same sentence when it is the standfirst heading', () => {
    const dek = 'The county adopted a budget of $84 million on Thursday, with more money for roads and less for parks.';
    const text = textOf(`<header><h2>${dek}</h2></header><p>Officials said the vote was 5 to 2.</p>`, `<meta name="description" content="${dek}">`);
    expect(text).not.toContain('with more money for roads');
  });

  it('keeps a short paragraph with an emoji image in it', () => {
    const p = 'The vote passed to applause in the packed hall';
    expect(textOf(`<p><img src="/e/clap.png" alt="👏" width="16" height="16"> ${p}</p>`)).toContain(p);
  });

  it('keeps a one-sentence paragraph beside a picture', () => {
    const p = 'The new branch will have a reading room for 80 people.';
    expect(textOf(`<div><img src="/img/branch.jpg" width="600" height="400"><p>${p}</p></div>`)).toContain(p);
  });

  it('does not take a section headed by an in-page anchor for a teaser card', () => {
    const p = 'Bus service on the northern route will run every 20 minutes from March.';
    expect(textOf(`<section><h2><a href="#buses">Buses</a></h2><img src="/img/bus.jpg" width="600" height="400"><p>${p}</p></section>`)).toContain(p);
  });

  it('keeps a linked name inside a sentence (only the hover card around it goes)', () => {
    const text = textOf('<p>"We heard you," said <a href="/people/ana-ruiz">Ana Ruiz</a>, who chairs the board.</p>');
    expect(text).toContain('"We heard you," said Ana Ruiz, who chairs the board.');
  });

  it('keeps a closing sentence that starts like a credit line, and drops the credit line', () => {
    const p = 'Reporting by the county auditor found that the pool lost $200,000 last year.';
    expect(textOf('', '', `<p>${p}</p>`)).toContain(p);
    expect(textOf('', '', '<p>Reporting by Ana Ruiz in Linden; editing by Tom Weller</p>')).not.toContain('Ana Ruiz');
  });
});
