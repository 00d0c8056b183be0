import { describe, expect, it } from 'vitest';
import { codePointOffset, selectorsFor, toWebAnnotations, type AnnotatedPage } from '../../../src/corpus/export-annotations.js';
import { fakeReport, TEXT } from '../popup/fake-report.js';

/**
 * The terms the W3C Web Annotation JSON-LD context (http://www.w3.org/ns/anno.jsonld) defines,
 * copied from that document so the test runs offline. A key or type outside it would be lost
 * (or misread) by a JSON-LD processor.
 */
const CONTEXT_TERMS = new Set([
  'id', 'type', 'Annotation', 'Dataset', 'Image', 'Video', 'Audio', 'Text', 'TextualBody', 'ResourceSelection',
  'SpecificResource', 'FragmentSelector', 'CssSelector', 'XPathSelector', 'TextQuoteSelector', 'TextPositionSelector',
  'DataPositionSelector', 'SvgSelector', 'RangeSelector', 'TimeState', 'HttpRequestState', 'CssStylesheet', 'Choice',
  'Person', 'Software', 'Organization', 'AnnotationCollection', 'AnnotationPage', 'Audience', 'Motivation',
  'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking',
  'moderating', 'questioning', 'replying', 'reviewing', 'assessing', 'tagging', 'auto', 'ltr', 'rtl',
  'body', 'target', 'source', 'selector', 'state', 'scope', 'refinedBy', 'startSelector', 'endSelector', 'renderedVia',
  'creator', 'generator', 'rights', 'homepage', 'via', 'canonical', 'stylesheet', 'cached', 'conformsTo', 'items',
  'partOf', 'first', 'last', 'next', 'prev', 'audience', 'motivation', 'purpose', 'textDirection', 'accessibility',
  'bodyValue', 'format', 'language', 'processingLanguage', 'value', 'exact', 'prefix', 'suffix', 'styleClass', 'name',
  'email', 'email_sha1', 'nickname', 'label', 'created', 'modified', 'generated', 'sourceDate', 'sourceDateStart',
  'sourceDateEnd', 'start', 'end', 'total', 'startIndex',
]);
/** Terms whose values are vocabulary terms (`@type: @vocab` or `@id` types) in the context. */
const VOCAB_VALUED = new Set(['type', 'motivation', 'purpose']);
/** Terms whose values the context types as xsd:nonNegativeInteger or xsd:dateTime. */
const NON_NEG_INT = new Set(['start', 'end', 'total', 'startIndex']);
const DATE_TIME = new Set(['created', 'modified', 'generated']);

/** Returns every problem found checking the document against the context's terms. */
function checkAgainstContext(doc: unknown, path = '$'): string[] {
  const problems: string[] = [];
  if (Array.isArray(doc)) doc.forEach((x, i) => problems.push(...checkAgainstContext(x, `${path}[${i}]`)));
  else if (typeof doc === 'object' && doc !== null) {
    for (const [k, v] of Object.entries(doc)) {
      if (k === '@context') continue;
      if (!CONTEXT_TERMS.has(k)) problems.push(`${path}.${k}: not a term of the context`);
      if (VOCAB_VALUED.has(k) && !(typeof v === 'string' && CONTEXT_TERMS.has(v))) problems.push(`${path}.${k}: ${String(v)} is not a defined term`);
      if (NON_NEG_INT.has(k) && !(Number.isInteger(v) && (v as number) >= 0)) problems.push(`${path}.${k}: not a non-negative integer`);
      if (DATE_TIME.has(k) && !(typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v))) problems.push(`${path}.${k}: not an xsd:dateTime`);
      if (k === 'id' && !(typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v))) problems.push(`${path}.id: not an IRI`);
      if (k === 'source' && !(typeof v === 'string' && /^https?:\/\//.test(v))) problems.push(`${path}.source: not a URL`);
      if (typeof v === 'object') problems.push(...checkAgainstContext(v, `${path}.${k}`));
    }
  }
  return problems;
}

function page(over: Partial<AnnotatedPage> = {}): AnnotatedPage {
  const r = fakeReport();
  return { source: 'https://harbor.example/story', title: r.title, text: r.text, analysis: r.analysis, corroboration: r.corroboration, lang: 'en', ...over };
}

const ids = () => { let n = 0; return () => `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`; };
const created = '2026-11-23T12:00:00.000Z';

describe('toWebAnnotations', () => {
  const doc = toWebAnnotations(page(), { created, newId: ids() });
  const items = doc.first.items;

  it('is an AnnotationCollection in the W3C context, every key and type a term of that context', () => {
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.total).toBe(items.length);
    expect(checkAgainstContext(JSON.parse(JSON.stringify(doc)))).toEqual([]);
  });

  it('the context check catches what it should (a test that cannot fail is a defect)', () => {
    const bad = JSON.parse(JSON.stringify(doc));
    bad.first.items[0].rating = 3;
    bad.first.items[0].motivation = 'rating';
    bad.first.items[0].target.selector[1].start = -1;
    bad.first.items[0].created = 'yesterday';
    expect(checkAgainstContext(bad)).toHaveLength(4);
  });

  it('has one annotation per highlight, in text order, each with a unique IRI', () => {
    expect(items).toHaveLength(6);
    expect(items.map((a) => a.body[0]!.value)).toEqual(['claim', 'claim', 'claim', 'quote', 'quote', 'vague-attribution']);
    expect(new Set([doc.id, doc.first.id, ...items.map((a) => a.id)]).size).toBe(8);
    expect(items.every((a) => a.motivation === 'highlighting' && a.created === created)).toBe(true);
  });

  it('targets the canonical URL with a TextQuoteSelector and a TextPositionSelector that agree', () => {
    for (const a of items) {
      expect(a.target.source).toBe('https://harbor.example/story');
      const [quote, pos] = a.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(pos.type).toBe('TextPositionSelector');
      // ASCII text: code points are UTF-16 units, so positions index the text directly.
      expect(TEXT.slice(pos.start, pos.end)).toBe(quote.exact);
      expect(TEXT.slice(pos.start - quote.prefix.length, pos.start)).toBe(quote.prefix);
      expect(TEXT.slice(pos.end, pos.end + quote.suffix.length)).toBe(quote.suffix);
      expect(quote.prefix.length).toBeLessThanOrEqual(32);
      expect(quote.suffix.length).toBeLessThanOrEqual(32);
    }
    expect(items[0]!.target.selector[0]).toMatchObject({ exact: 'The utility said 40,000 homes were affected.', prefix: '' });
  });

  it('describes status and outlets as plain text, never as markup', () => {
    expect(items[0]!.body[1]!.value).toBe('Check-worthy claim, contradicted by another outlet. Reported differently by Valley Courier.');
    expect(items[1]!.body[1]!.value).toContain('Also reported by Valley Courier. Reported differently by Metro Wire.');
    expect(items[3]!.body[1]!.value).toBe('Quote attributed to Mayor Ruiz; quoted with different words elsewhere.');
    expect(items[5]!.body[1]!.value).toBe('The source is not named.');
    expect(items.every((a) => a.body.every((b) => b.format === 'text/plain'))).toBe(true);
    expect(items[2]!.target.selector[0].exact).toContain('<script>'); // kept verbatim as text, to be shown as text
  });

  it('counts positions in code points and never splits a surrogate pair in the context', () => {
    const text = '😀😀 Officials said 5 people 😀 were hurt.';
    const start = text.indexOf('Officials');
    const end = text.indexOf('.') + 1;
    expect(codePointOffset(text, start)).toBe(3);
    const [q, p] = selectorsFor(text, start, end);
    expect(p).toEqual({ type: 'TextPositionSelector', start: 3, end: 3 + [...text.slice(start, end)].length });
    expect(q.exact).toBe(text.slice(start, end));
    // 32 units before "Officials" starts inside the emoji: the prefix takes the whole emoji.
    const long = `😀${'x'.repeat(31)}Officials said it 😀.`;
    const [q2] = selectorsFor(long, long.indexOf('O'), long.indexOf('it') + 2);
    expect(q2.prefix).toBe(`😀${'x'.repeat(31)}`);
    expect(q2.suffix).toBe(' 😀.');
  });

  it('exports an analysis with no highlights as an empty collection', () => {
    const empty = toWebAnnotations(page({ analysis: { ...page().analysis, claims: [], quotes: [], attributions: [] }, corroboration: null }), { created, newId: ids() });
    expect(empty.total).toBe(0);
    expect(empty.first.items).toEqual([]);
  });
});
