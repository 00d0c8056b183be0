import { describe, expect, it } from 'vitest';
import { SiteSettings, type KeyValueArea } from '../../../src/background/site-settings.js';
import { normalizeSite, siteOf } from '../../../src/background/site.js';

/** A storage area in memory; `fail` makes the next set throw (a full or refusing store). */
class Area implements KeyValueArea {
  data: Record<string, unknown> = {};
  fail = false;
  async get(key: string) { return key in this.data ? { [key]: structuredClone(this.data[key]) } : {}; }
  async set(items: Record<string, unknown>) {
    if (this.fail) throw new Error('QUOTA_BYTES quota exceeded');
    Object.assign(this.data, structuredClone(items));
  }
}

describe('siteOf / normalizeSite', () => {
  it('takes the host without www., port or case', () => {
    expect(siteOf('https://www.News.Example.com:8443/a/b?c#d')).toBe('news.example.com');
    expect(siteOf('http://127.0.0.1:5173/x')).toBe('127.0.0.1');
    expect(normalizeSite(' https://www.Example.com/some/page ')).toBe('example.com');
    expect(normalizeSite('example.com:8080')).toBe('example.com');
    expect(normalizeSite('bücher.example')).toBe('xn--bcher-kva.example');
  });
  it('has no site for other schemes or non-hosts', () => {
    expect(siteOf('file:///home/a.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(normalizeSite('ftp://example.com')).toBeNull();
    expect(normalizeSite('two words')).toBeNull();
    expect(normalizeSite('')).toBeNull();
    expect(normalizeSite('javascript:alert(1)')).toBeNull();
  });
});

describe('SiteSettings', () => {
  it('keeps "off" in local storage and "paused" in session storage', async () => {
    const local = new Area();
    const session = new Area();
    let now = 100;
    const s = new SiteSettings(local, session, () => now++);
    expect(await s.entryFor('https://a.example/x')).toBeNull();
    await s.set('a.example', 'off');
    await s.set('b.example', 'paused');
    expect(await s.entryFor('https://www.a.example/x')).toEqual({ site: 'a.example', mode: 'off', since: 100 });
    expect(await s.entryFor('https://b.example/')).toMatchObject({ mode: 'paused' });
    expect(local.data['sites:off']).toEqual({ 'a.example': 100 });
    expect(session.data['sites:paused']).toEqual({ 'b.example': 101 });
    // A new worker reads both back; a browser restart (new session area) forgets the pause.
    expect((await new SiteSettings(local, session).list()).map((e) => e.site)).toEqual(['b.example', 'a.example']);
    expect(await new SiteSettings(local, new Area()).entryFor('https://b.example/')).toBeNull();
  });

  it('switching a site to another mode or back on replaces its entry', async () => {
    const s = new SiteSettings(new Area(), new Area(), () => 5);
    await s.set('a.example', 'paused');
    expect(await s.set('a.example', 'off')).toEqual([{ site: 'a.example', mode: 'off', since: 5 }]);
    expect(await s.set('a.example', 'on')).toEqual([]);
    expect(await s.entryFor('https://a.example/')).toBeNull();
  });

  it('a failed write throws and changes nothing', async () => {
    const local = new Area();
    const s = new SiteSettings(local, new Area());
    await s.set('a.example', 'off');
    local.fail = true;
    await expect(s.set('b.example', 'off')).rejects.toThrow(/quota/);
    expect((await s.list()).map((e) => e.site)).toEqual(['a.example']);
    expect(await s.entryFor('https://b.example/')).toBeNull();
  });

  it('ignores stored values of the wrong shape', async () => {
    const local = new Area();
    local.data['sites:off'] = { 'a.example': 'yesterday', 'b.example': 3, '': 1 };
    expect(await new SiteSettings(local, null).list()).toEqual([{ site: 'b.example', mode: 'off', since: 3 }]);
    local.data['sites:off'] = ['a.example'];
    expect(await new SiteSettings(local, null).list()).toEqual([]);
  });
});
