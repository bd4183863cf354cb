// Reads every feed a `cxfeed build` folder holds with independent parsers and checks that they
// agree with the posts: every item's id, title, link and dates, each feed's items across its
// pages (newest first, none missing, none twice), and its paging links.
//
// usage: node check-feeds.mjs BUILD_DIR EXPECTED_JSON FEEDS_DIR
//   EXPECTED_JSON: the posts as the reader reads them from the seeds (tests/feed-parsers/expected.json,
//   kept in sync by a C# test), never taken from a feed.
//   FEEDS_DIR: the feed definitions (which posts each feed selects, its link parameters).
// Every (file, parser) pair is one check; the last line is "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import RssParser from 'rss-parser';
import { parseFeed as rowanmanningParse } from '@rowanmanning/feed-parser';
import { parseRssFeed, parseAtomFeed, parseJsonFeed } from 'feedsmith';

const [buildDir, expectedFile, feedsDir] = process.argv.slice(2);
if (!buildDir || !expectedFile || !feedsDir) {
  console.error('usage: node check-feeds.mjs BUILD_DIR EXPECTED_JSON FEEDS_DIR');
  process.exit(2);
}
const posts = JSON.parse(fs.readFileSync(expectedFile, 'utf8')).posts;
const formats = ['rss', 'atom', 'json'];

// WordPress's slug, as cxfeed names category and tag feeds: accents dropped, lower case,
// every run of other characters one '-'.
const slug = (name) => name.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase()
  .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').normalize('NFC');
const seconds = (date) => (date == null || date === '' ? NaN : Math.floor(new Date(date).getTime() / 1000));
const newestFirst = (a, b) => seconds(b.published) - seconds(a.published) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// What each feed should hold: the definitions in FEEDS_DIR, then one feed per category and tag.
function expectedFeeds() {
  const feeds = new Map();
  for (const file of fs.readdirSync(feedsDir).filter((name) => name.endsWith('.json')).sort()) {
    const definition = JSON.parse(fs.readFileSync(path.join(feedsDir, file), 'utf8'));
    const selection = definition.posts ?? 'all';
    const matches = (wanted, present) => !wanted || wanted.some((want) => present.some((name) => slug(name) === slug(want)));
    const selected = selection === 'all' ? posts : posts.filter((post) =>
      matches(selection.categories, post.categories) && matches(selection.tags, post.tags) && matches(selection.authors, post.authors));
    const query = Object.entries(definition.linkParameters ?? {})
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
    feeds.set(file.slice(0, -5), {
      posts: [...selected].sort(newestFirst),
      link: (post) => (query ? post.link + (post.link.includes('?') ? '&' : '?') + query : post.link),
      formats: definition.formats ?? formats,
    });
  }
  for (const [kind, names] of [['category', (post) => post.categories], ['tag', (post) => post.tags]]) {
    const slugs = new Set(posts.flatMap((post) => names(post).map(slug)));
    for (const s of slugs) {
      feeds.set(`${kind}/${s}`, {
        posts: posts.filter((post) => names(post).some((name) => slug(name) === s)).sort(newestFirst),
        link: (post) => post.link,
        formats,
      });
    }
  }
  return feeds;
}

// Each parser's view of a file: its items as { id, title, link, published, updated } and its
// next page's address, or none. Dates stay as the parser gives them.
const rssParser = new RssParser();
const readers = {
  rss: {
    'rss-parser': async (text) => {
      const feed = await rssParser.parseString(text);
      return { items: feed.items.map((item) => ({ id: item.guid, title: item.title, link: item.link, published: item.isoDate })) };
    },
    '@rowanmanning/feed-parser': async (text) => rowanmanning(text),
    feedsmith: async (text) => {
      const feed = parseRssFeed(text);
      return {
        next: feed.atom?.links?.find((link) => link.rel === 'next')?.href ?? null,
        items: feed.items.map((item) => ({ id: item.guid?.value, title: item.title, link: item.link, published: item.pubDate })),
      };
    },
  },
  atom: {
    'rss-parser': async (text) => {
      const feed = await rssParser.parseString(text);
      return { items: feed.items.map((item) => ({ id: item.id, title: item.title, link: item.link, published: item.isoDate })) };
    },
    '@rowanmanning/feed-parser': async (text) => rowanmanning(text, true),
    feedsmith: async (text) => {
      const feed = parseAtomFeed(text);
      return {
        next: feed.links?.find((link) => link.rel === 'next')?.href ?? null,
        items: feed.entries.map((entry) => ({
          id: entry.id,
          // Atom text constructs come as { value, type } when the type is written.
          title: typeof entry.title === 'object' ? entry.title?.value : entry.title,
          link: entry.links?.find((link) => (link.rel ?? 'alternate') === 'alternate')?.href,
          published: entry.published,
          updated: entry.updated,
        })),
      };
    },
  },
  json: {
    'JSON.parse': async (text) => {
      const feed = JSON.parse(text);
      const problems = [];
      if (feed.version !== 'https://jsonfeed.org/version/1.1') problems.push(`version is ${feed.version}`);
      if (typeof feed.title !== 'string' || feed.title === '') problems.push('no title');
      if (!Array.isArray(feed.items)) problems.push('items is not an array');
      for (const item of feed.items ?? []) {
        if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') problems.push(`${item.id}: no content`);
      }
      if (problems.length) throw new Error(`not JSON Feed 1.1: ${problems.join('; ')}`);
      return {
        next: feed.next_url ?? null,
        items: feed.items.map((item) => ({ id: item.id, title: item.title, link: item.url, published: item.date_published, updated: item.date_modified })),
      };
    },
    feedsmith: async (text) => {
      const feed = parseJsonFeed(JSON.parse(text));
      return {
        next: feed.next_url ?? null,
        items: feed.items.map((item) => ({ id: item.id, title: item.title, link: item.url, published: item.date_published, updated: item.date_modified })),
      };
    },
  },
};

function rowanmanning(text, hasUpdated = false) {
  const feed = rowanmanningParse(text);
  return {
    items: feed.items.map((item) => ({
      id: item.id,
      title: item.title,
      link: item.url,
      published: item.published?.toISOString(),
      updated: hasUpdated ? item.updated?.toISOString() : undefined,
    })),
  };
}

// The files of one feed in one format, page 1 first: feeds/NAME.ext, feeds/NAME/page/N.ext.
function pagesOf(name, format) {
  const first = path.join(buildDir, 'feeds', `${name}.${format}`);
  const pages = fs.existsSync(first) ? [first] : [];
  const folder = path.join(buildDir, 'feeds', name, 'page');
  if (fs.existsSync(folder)) {
    const numbers = fs.readdirSync(folder).filter((file) => file.endsWith(`.${format}`)).map((file) => Number(file.split('.')[0]));
    numbers.sort((a, b) => a - b).forEach((n) => pages.push(path.join(folder, `${n}.${format}`)));
  }
  return pages;
}

function allFeedFiles() {
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (formats.includes(path.extname(entry.name).slice(1))) found.push(full);
    }
  };
  walk(path.join(buildDir, 'feeds'));
  return found.sort();
}

let passed = 0;
let failed = 0;
const check = (label, problems) => {
  if (problems.length === 0) {
    passed++;
    return;
  }
  failed++;
  console.log(`FAIL ${label}`);
  for (const problem of problems.slice(0, 10)) console.log(`    ${problem}`);
  if (problems.length > 10) console.log(`    … and ${problems.length - 10} more`);
};

const feeds = expectedFeeds();
const publicAddress = (file) => '/' + path.relative(buildDir, file).split(path.sep).join('/');
const checkedFiles = new Set();

for (const [name, expected] of feeds) {
  const byId = new Map(expected.posts.map((post) => [post.id, post]));
  for (const format of expected.formats) {
    const pages = pagesOf(name, format);
    if (pages.length === 0) {
      check(`feeds/${name}.${format}`, ['the feed was not built']);
      continue;
    }
    for (const [parserName, read] of Object.entries(readers[format])) {
      const label = `feeds/${name}.${format} (${pages.length} page${pages.length > 1 ? 's' : ''}) with ${parserName}`;
      const problems = [];
      const seen = [];
      for (const [index, page] of pages.entries()) {
        checkedFiles.add(page);
        let parsed;
        try {
          parsed = await read(fs.readFileSync(page, 'utf8'));
        } catch (error) {
          problems.push(`${publicAddress(page)}: cannot be parsed: ${error.message}`);
          continue;
        }
        if ('next' in parsed) {
          const wanted = index + 1 < pages.length ? publicAddress(pages[index + 1]) : null;
          const got = parsed.next ? new URL(parsed.next).pathname : null;
          if (wanted !== got && !(wanted && got && got.endsWith(wanted))) problems.push(`${publicAddress(page)}: next page is ${got}, expected ${wanted}`);
        }
        for (const item of parsed.items) {
          seen.push(item.id);
          const post = byId.get(item.id);
          if (!post) {
            problems.push(`${publicAddress(page)}: item ${item.id} is not a post this feed selects`);
            continue;
          }
          if (item.title !== post.title) problems.push(`${item.id}: title ${JSON.stringify(item.title)}, expected ${JSON.stringify(post.title)}`);
          if (item.link !== expected.link(post)) problems.push(`${item.id}: link ${item.link}, expected ${expected.link(post)}`);
          if (seconds(item.published) !== seconds(post.published)) problems.push(`${item.id}: published ${item.published}, expected ${post.published}`);
          if (item.updated !== undefined && seconds(item.updated) !== seconds(post.updated)) problems.push(`${item.id}: updated ${item.updated}, expected ${post.updated}`);
        }
      }
      const wantedIds = expected.posts.map((post) => post.id);
      if (seen.join('\n') !== wantedIds.join('\n')) problems.push(`items across pages are [${seen.join(', ')}], expected [${wantedIds.join(', ')}]`);
      check(label, problems);
    }
  }
}

// A file that no expected feed accounts for is a feed nobody asked for.
const unexpected = allFeedFiles().filter((file) => !checkedFiles.has(file)).map(publicAddress);
check('no unexpected feed files', unexpected.map((address) => `${address} was built but no definition or category/tag asks for it`));

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
