/**
 * Small fictional news articles for the storage and privacy suites: written here, about nothing
 * real, long enough to pass the article gate and to get claims, quotes and vague attributions.
 * `article(n)` gives a different story per n (a different town and figures), one URL each.
 */
const TOWNS = ['Harrowgate', 'Millbrook', 'Eastmere', 'Corwin Falls', 'Sandport', 'Ashby Vale'];

/** Returns the HTML of fictional article n, with its own canonical URL under `origin`. */
export function fictionalArticle(n: number, origin: string): string {
  const town = TOWNS[n % TOWNS.length]!;
  const budget = 12 + n * 3;
  const year = 2019 + (n % 5);
  const title = `${town} council approves a $${budget} million plan to rebuild its river bridge`;
  const paragraphs = [
    `The ${town} city council voted 7 to 2 on Tuesday to approve a $${budget} million plan to replace the ageing river bridge, which engineers closed to heavy trucks in March ${year} after finding cracks in two of its piers.`,
    `"We cannot keep patching a bridge that was built for horse carts," said Mayor Elena Brandt, who proposed the plan last autumn. "This vote gives the town a crossing that will last a century."`,
    `Construction is expected to begin next spring and to take about 18 months, according to the council's public works department. The old bridge will stay open to cars and pedestrians until the new span is finished.`,
    `Some residents reportedly oppose the design, and people familiar with the talks said the state may cover up to a third of the cost. No evidence was provided for claims that the project would raise local taxes.`,
    `Council member Tomas Reyes, who voted against the plan, said the town had not studied cheaper repairs. "We owe voters a second opinion before we spend this much," Reyes said.`,
    `The bridge carries about 9,000 vehicles a day, the department said, and is the only crossing for 20 miles in either direction.`,
  ];
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title} | The ${town} Courier</title>
  <meta property="og:site_name" content="The ${town} Courier">
  <meta property="og:type" content="article">
  <link rel="canonical" href="${origin}/news/${n}/bridge-plan">
</head>
<body>
  <header><a href="/">The ${town} Courier</a> <nav><a href="/news">News</a> <a href="/sports">Sports</a></nav></header>
  <main>
    <article>
      <h1>${title}</h1>
      ${paragraphs.map((p) => `<p>${p}</p>`).join('\n      ')}
    </article>
  </main>
  <footer>Copyright The ${town} Courier. All rights reserved.</footer>
</body>
</html>`;
}
