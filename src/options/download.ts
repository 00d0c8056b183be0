/** Saves JSON as a file through an anchor with a Blob URL: no network, no downloads permission. */

/** Starts a download of `value` as pretty-printed JSON named `name`; returns the Blob's size in bytes. */
export function downloadJson(name: string, value: unknown, type = 'application/json', doc: Document = document): number {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Chrome; a minute is ample for the save to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob.size;
}
