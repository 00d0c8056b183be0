import { describe, expect, it, vi } from 'vitest';
import { notifyingLibrary, ReportCache } from '../../../src/background/report-cache.js';
import type { SessionArea } from '../../../src/background/tab-state.js';
import { fakeReport } from '../popup/fake-report.js';
import { record } from './records.js';

class Session implements SessionArea {
  data: Record<string, unknown> = {};
  failSet = false;
  async get(key: string) { return { [key]: this.data[key] }; }
  async set(items: Record<string, unknown>) { if (this.failSet) throw new Error('quota'); Object.assign(this.data, items); }
  async remove(key: string) { delete this.data[key]; }
}

const page = (text = fakeReport().text) => ({ url: 'https://harbor.example/a', text });

describe('ReportCache', () => {
  it('answers for the same page text until the library changes', async () => {
    const c = new ReportCache(null);
    const r = fakeReport();
    await c.put(1, r, page());
    expect(c.reportFor(1, page())).toBe(r);
    expect(c.reportFor(1, page('other text'))).toBeUndefined();
    expect(c.reportFor(2, page())).toBeUndefined();
    c.libraryChanged();
    expect(c.reportFor(1, page())).toBeUndefined();
  });

  it('never reuses an answer made while the library was still being read', async () => {
    const c = new ReportCache(null);
    const r = fakeReport();
    await c.put(1, { ...r, corroboration: { ...r.corroboration, libraryPending: 40 } }, page());
    expect(c.reportFor(1, page())).toBeUndefined();
    await c.put(1, r, page());
    expect(c.reportFor(1, page())).toBe(r);
  });

  it('mirrors every reply to storage.session for the popup, and updates the badge', async () => {
    const session = new Session();
    const onPut = vi.fn();
    const c = new ReportCache(session, onPut);
    await c.put(3, { notArticle: 'no' });
    expect(session.data['report:3']).toEqual({ notArticle: 'no' });
    expect(onPut).toHaveBeenCalledWith(3, { notArticle: 'no' });
    await c.put(3, fakeReport(), page());
    await c.setEnabled(3, false);
    expect((session.data['report:3'] as { enabled: boolean }).enabled).toBe(false);
    await c.drop(3);
    expect(session.data['report:3']).toBeUndefined();
    expect(c.reportFor(3, page())).toBeUndefined();
  });

  it('keeps at most 12 tabs in the mirror, and a refused write leaves no stale copy', async () => {
    const session = new Session();
    const c = new ReportCache(session);
    for (let t = 1; t <= 14; t++) await c.put(t, { notArticle: String(t) });
    expect(Object.keys(session.data).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `report:${i + 3}`).sort());
    session.failSet = true;
    await c.put(5, { notArticle: 'new' });
    expect(session.data['report:5']).toBeUndefined();
  });
});

describe('notifyingLibrary', () => {
  it('reports every change, failed or not', async () => {
    const changed = vi.fn();
    const inner = { size: 2, upsert: vi.fn(async () => {}), remove: vi.fn(async () => { throw new Error('disk'); }), corroborate: vi.fn() };
    const lib = notifyingLibrary(inner, changed);
    await lib.upsert(record('a'));
    await expect(lib.remove('a')).rejects.toThrow('disk');
    expect(changed).toHaveBeenCalledTimes(2);
    expect(lib.size).toBe(2);
  });
});
