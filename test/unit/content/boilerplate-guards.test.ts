// @vitest-environment node
// The long furniture patterns sit behind plain word tests until their first use in a page
// (boilerplate.ts, `guarded`). Each case loads the module afresh, so the word test itself is what
// lets the block through to its pattern: a word missing from a guard's list fails its case here.
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';

async function freshIsBoilerplate(): Promise<(text: string, index?: number, count?: number) => boolean> {
  vi.resetModules();
  const { isBoilerplateBlock } = await import('../../../src/content/boilerplate.js');
  return (text, index = 5, count = 20) => isBoilerplateBlock({ text, linkShare: 0 }, index, count, '');
}

// Interface labels (whole blocks), one per alternative of the label pattern.
const LABELS = ['Skip to main content', 'Image', 'Photo', 'Video', 'Advertisement', 'Ad', 'Author avatar', 'Subscribe now',
  'Sign up', 'Share this story', 'Read more', 'Continue reading', 'Listen to this article', 'Print', 'E-mail', 'Comments',
  'Follow us', 'Click here', 'You may also like', 'Related stories', 'More from the desk', 'Recommended for you',
  'Advertisement - Scroll to continue', 'This slideshow requires JavaScript.', 'Tell us what you think', 'Sign in', 'Log in',
  'Breaking news', 'Latest news', 'Recent posts', "Don't miss", 'Post comment'];

// Promotion lines (short blocks), one per alternative of the promotion pattern.
const PROMOS = ['Get our Daily Newsletter every morning', 'The best stories in your inbox', 'Sign up for our briefing',
  'Subscribe today for full access', 'Delivered to your door each week', 'Get breaking news alerts on your phone',
  'Follow her on the network', 'Share this with a friend who cares', 'Did you like this story? Tell a friend',
  'This page contains affiliate links to shops', 'This website uses cookies to work', 'Join our reader community today',
  'Get the County Times app for free', 'Download the Weather app for updates', 'Related: the earlier budget vote',
  'Filed under budget news', '5 min read', 'Reading time 4 minutes', 'All rights reserved', '\u00a9 2024 County Times',
  'Copyright County Times 2024', 'Want more stories like this one?', 'Send us your tips and photos',
  'A letterbox every month for members', 'This slideshow requires JavaScript to run'];

describe('guarded furniture patterns', () => {
  it('passes every interface label to its pattern on first use', async () => {
    for (const label of LABELS) expect((await freshIsBoilerplate())(label), label).toBe(true);
  });

  it('passes every promotion line to its pattern on first use', async () => {
    for (const promo of PROMOS) expect((await freshIsBoilerplate())(promo), promo).toBe(true);
  });

  it('finds promotion lines that start after punctuation or in capitals, each case on first use', async () => {
    for (const promo of ['\u2014 Related: the earlier budget vote', '>> READ MORE: the budget in charts', '(Also on CNN.com: a map)',
      'Watch: the vote in full', 'MOST POPULAR: five stories', 'Follow them on the network', 'ESTIMATED READ TIME 3 MINUTES']) {
      expect((await freshIsBoilerplate())(promo), promo).toBe(true);
    }
    const test = await freshIsBoilerplate();
    expect(test('The board said: the library opens in May.')).toBe(false);
    expect(test('Readers asked about the 5 minute drive to the new branch.')).toBe(false);
  });

  it('drops a block that repeats the title, with and without letters outside ASCII', async () => {
    vi.resetModules();
    const { isBoilerplateBlock } = await import('../../../src/content/boilerplate.js');
    const same = (text: string, title: string) => isBoilerplateBlock({ text, linkShare: 0 }, 5, 20, title);
    expect(same('County budget \u2014 \u201csettled\u201d', 'County Budget: Settled')).toBe(true);
    expect(same('Caf\u00e9 owners\u2019 budget settled', 'CAF\u00c9 OWNERS BUDGET SETTLED')).toBe(true);
    expect(same('Cafe owners budget settled', 'Caf\u00e9 owners budget settled')).toBe(false);
    expect(same('\u0411\u044e\u0434\u0436\u0435\u0442 2024', '\u0431\u044e\u0434\u0436\u0435\u0442 \u2014 2024')).toBe(true);
  });

  it('keeps prose that no guard lets through, and still finds a label after it', async () => {
    const test = await freshIsBoilerplate();
    expect(test('The county board met for four hours on Thursday to settle the budget.')).toBe(false);
    expect(test('Advertisement')).toBe(true);
  });

  it('drops a widget by its class and a related-stories list by its heading on first use', async () => {
    vi.resetModules();
    const { extractArticle } = await import('../../../src/content/extract.js');
    const prose = ['The county board met for four hours on Thursday to settle the budget for the coming year, the longest session since the flood.',
      'Board members said the new library branch would open in the autumn, two years later than first planned, because of rising costs.',
      'Residents who spoke at the meeting asked for more buses on the northern route and for the pool to stay open through September.'];
    const html = `<!doctype html><html lang="en"><head><title>County budget settled</title></head><body><main><article>
      <h1>County budget settled</h1><p>${prose[0]}</p><div class="post-share-tools"><p>Pass this story along to your neighbours today</p></div>
      <p>${prose[1]}</p><h3>Don't miss</h3><ul><li>Bridge repairs begin in the spring</li><li>School board names new head</li></ul>
      <p>${prose[2]}</p></article></main></body></html>`;
    const r = extractArticle(new JSDOM(html, { url: 'https://county.example/budget' }).window.document, { skipGate: true });
    if (r.kind !== 'article') throw new Error(r.reason);
    expect(r.article.text).toContain(prose[2]);
    expect(r.article.text).not.toContain('Pass this story along');
    expect(r.article.text).not.toContain('Bridge repairs');
  });
});
