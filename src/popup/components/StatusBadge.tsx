/** A status as a word with a colour (never colour alone), with its meaning for screen readers. */
export function StatusBadge({ status, word, hint }: { status: string; word: string; hint: string }) {
  return (
    <span class={`badge badge-${status}`} title={hint}>
      {word}
      <span class="sr-only">: {hint}</span>
    </span>
  );
}
