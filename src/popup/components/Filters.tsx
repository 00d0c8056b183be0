/** The popup's filter bar: kind, status, and a search box; every control labelled. */
import { CLAIM_STATUS, QUOTE_STATUS } from '../labels.js';
import type { Filters as F, KindFilter, StatusFilter } from '../filter.js';

const WORD: Record<Exclude<StatusFilter, 'all'>, string> = {
  ...Object.fromEntries(Object.entries(CLAIM_STATUS).map(([k, v]) => [k, v.word])),
  ...Object.fromEntries(Object.entries(QUOTE_STATUS).map(([k, v]) => [k, v.word])),
} as Record<Exclude<StatusFilter, 'all'>, string>;
/** Claim statuses, then quote statuses; "single source" (both kinds) last. */
const STATUSES: Exclude<StatusFilter, 'all'>[] = ['corroborated', 'contradicted', 'mixed', 'verbatim', 'variant', 'single-source'];

export function Filters({ value, onChange }: { value: F; onChange(f: F): void }) {
  return (
    <div class="filters" role="search" aria-label="Filter the items">
      <label class="filter">
        <span>Kind</span>
        <select data-filter-kind="" value={value.kind}
          onChange={(e) => onChange({ ...value, kind: (e.target as HTMLSelectElement).value as KindFilter })}>
          <option value="all">All</option>
          <option value="claim">Claims</option>
          <option value="quote">Quotes</option>
          <option value="attribution">Vague attributions</option>
        </select>
      </label>
      <label class="filter">
        <span>Status</span>
        <select data-filter-status="" value={value.status}
          onChange={(e) => onChange({ ...value, status: (e.target as HTMLSelectElement).value as StatusFilter })}>
          <option value="all">Any</option>
          {STATUSES.map((k) => <option key={k} value={k}>{WORD[k]}</option>)}
        </select>
      </label>
      <label class="filter filter-search">
        <span>Search</span>
        <input type="search" data-filter-search="" value={value.query} placeholder="Words, speaker, outlet"
          onInput={(e) => onChange({ ...value, query: (e.target as HTMLInputElement).value })} />
      </label>
    </div>
  );
}
