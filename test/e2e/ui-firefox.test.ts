/**
 * The popup's plain states and the per-site switches in Firefox ESR, as far as the harness can
 * drive Firefox: over BiDi a test can't navigate to moz-extension:// pages or run code in them, so
 * the popup is opened by the E2E hook and read and clicked through its storage bridge
 * (src/shared/e2e-bridge.ts). The library page, axe and the tooltip are covered in Chromium
 * (ui-chromium.test.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launch, openPopup, serve, visit, type Session, type Site } from './harness.ts';
import { DEMO, demoPages, QUIET_ARTICLE } from './ui-helpers.ts';

const marks = (page: Page) => page.$$eval('mark[data-sourcemark-kind]', (els) => els.length);

describe('the popup in firefox', { timeout: 240_000 }, () => {
  let session: Session;
  let site: Site;
  let gazette: Page;

  before(async () => {
    const pages = demoPages();
    pages.set('/quiet/river-morning.html', QUIET_ARTICLE);
    site = await serve(pages);
    session = await launch('firefox');
  });
  after(async () => {
    await session?.close();
    await site?.close();
  });

  it('says the library is empty on the first article, then shows the statuses', async () => {
    gazette = await visit(session, site.origin + DEMO.gazette);
    let popup = await openPopup(session, gazette);
    assert.match(await popup.text(), /Your library is empty: read another article on this story/);
    for (const p of [DEMO.ledger, DEMO.wire, DEMO.reprint]) await visit(session, site.origin + p);
    await gazette.reload();
    await gazette.waitForFunction(() => document.documentElement.dataset.sourcemarkState === 'done');
    popup = await openPopup(session, gazette);
    const statuses = new Set((await popup.items()).map((i) => `${i.kind}:${i.status}`));
    for (const s of ['claim:corroborated', 'claim:contradicted', 'quote:verbatim', 'quote:variant']) assert.ok(statuses.has(s), `no ${s}: ${[...statuses].join(', ')}`);
    assert.doesNotMatch(await popup.text(), /library is empty/);
  });

  it('pauses Sourcemark on the site from the popup and turns it back on', async () => {
    assert.ok(await marks(gazette) > 0);
    let popup = await openPopup(session, gazette);
    await popup.click('[data-site-pause]');
    await gazette.waitForFunction(() => document.querySelectorAll('mark[data-sourcemark-kind]').length === 0, undefined, { timeout: 15000 });
    popup = await openPopup(session, gazette);
    assert.match(await popup.text(), /Highlights are off on this site/);
    assert.match(await popup.text(), /paused Sourcemark on 127\.0\.0\.1 until the browser restarts/);
    assert.deepEqual(await popup.items(), []);
    // A reload keeps it off.
    await gazette.reload();
    await gazette.waitForFunction(() => document.documentElement.dataset.sourcemarkState === 'done');
    assert.equal(await marks(gazette), 0);
    popup = await openPopup(session, gazette);
    await popup.click('[data-site-on]');
    await gazette.waitForFunction(() => document.querySelectorAll('mark[data-sourcemark-kind]').length > 0, undefined, { timeout: 20000 });
  });

  it('says plainly: not an article, nothing to check here', async () => {
    const front = await visit(session, site.origin + DEMO.front);
    let popup = await openPopup(session, front);
    assert.match(await popup.text(), /doesn.t look like a news article/);
    const quiet = await visit(session, `${site.origin}/quiet/river-morning.html`);
    popup = await openPopup(session, quiet);
    assert.match(await popup.text(), /Nothing to check here/);
    assert.deepEqual(await popup.items(), []);
  });
});
