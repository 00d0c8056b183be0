/** One article in the library table: outlet, title (a link that opens it), date, claims, delete. */
import type { LibraryEntry } from '../../shared/messages.js';
import { articleDate, safeHref } from '../format.js';

export function ArticleRow({ entry, onDelete, busy }: { entry: LibraryEntry; onDelete(id: string): void; busy: boolean }) {
  const href = safeHref(entry.url);
  const date = articleDate(entry);
  const title = entry.title || entry.url;
  return (
    <tr data-library-article="" data-article-id={entry.id}>
      <td class="outlet">{entry.outlet}</td>
      <td class="title">
        {href ? <a href={href} target="_blank" rel="noopener noreferrer">{title}</a> : <span>{title}</span>}
      </td>
      <td class="date">
        {date ? <time dateTime={date.iso} title={date.read ? 'first read' : 'published'}>{date.label}{date.read ? ' (read)' : ''}</time> : '—'}
      </td>
      <td class="claims" data-claims={entry.claims}>{entry.claims}</td>
      <td class="actions">
        <button type="button" class="delete" data-library-delete="" disabled={busy}
          aria-label={`Delete “${title}” from the library`} onClick={() => onDelete(entry.id)}>Delete</button>
      </td>
    </tr>
  );
}
