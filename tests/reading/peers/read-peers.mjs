// Runs the reading benchmark's JavaScript peers on every page of the corpus and writes what each
// gives, for the scorer (tests/CxFeed.Reading) to score exactly as it scores cxfeed:
//   node read-peers.mjs CORPUS_DIR OUT_DIR PASSES
// writes OUT_DIR/readability.json and OUT_DIR/postlight.json. A reader's time is the median of
// PASSES passes over all pages (the pages already in memory), after one pass that warms it up.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import Parser from '@postlight/parser';

const [corpus, out, passesArg] = process.argv.slice(2);
const passes = Number(passesArg ?? 3);
const pages = readdirSync(corpus)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => {
    const name = file.slice(0, -'.json'.length);
    const { url } = JSON.parse(readFileSync(join(corpus, file), 'utf8'));
    return { name, url, html: readFileSync(join(corpus, name + '.html')) };
  });

// jsdom reports stylesheets it cannot parse on the console; they are the page's, not ours.
const quiet = new VirtualConsole();

async function readability(page) {
  const dom = new JSDOM(page.html, { url: page.url, virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  if (!article) return { published: false, reason: 'no article' };
  return {
    published: true,
    title: article.title ?? null,
    date: article.publishedTime ?? null,
    authors: article.byline ? [article.byline] : [],
    html: article.content ?? null,
    excerpt: article.excerpt ?? null,
  };
}

async function postlight(page) {
  const article = await Parser.parse(page.url, { html: page.html.toString('utf8') });
  if (!article || article.error || !article.content) return { published: false, reason: article?.message ?? 'no content' };
  return {
    published: true,
    title: article.title ?? null,
    date: article.date_published ?? null,
    authors: article.author ? [article.author] : [],
    html: article.content,
    excerpt: article.excerpt ?? null,
  };
}

async function run(label, read) {
  const results = {};
  const times = [];
  for (let pass = 0; pass <= passes; pass++) {
    const start = process.hrtime.bigint();
    for (const page of pages) {
      let result;
      try {
        result = await read(page);
      } catch (error) {
        result = { published: false, reason: `threw: ${error?.message ?? error}` };
      }
      if (pass === 0) results[page.name] = result;
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (pass > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  writeFileSync(join(out, `${label}.json`), JSON.stringify({ reader: label, passes: times, medianMs: median, pages: results }));
  console.log(`${label}: ${pages.length} pages, median pass ${median.toFixed(0)} ms`);
}

await run('readability', readability);
await run('postlight', postlight);
