// The baseline of CxFeed's feed benchmark: the npm `feed` package renders the same generated
// posts (exported by `--export-feed-items`) in RSS 2.0, Atom 1.0 and JSON Feed 1.1, once, in a
// fresh process. Prints one JSON line: the rendering time (building the feed and its three
// strings; loading the items is not counted), the output sizes and the process's peak resident
// memory (VmHWM, as /usr/bin/time -v reports it).
//
// usage: node render-feed.mjs ITEMS_JSON
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Feed } from 'feed';

const { site, items } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

const started = performance.now();
const feed = new Feed({
  id: `${site.feedBase}feeds/all.atom`,
  title: site.title,
  description: site.description,
  link: site.link,
  language: site.language,
  generator: 'feed',
  updated: new Date(items.reduce((newest, item) => (item.updated > newest ? item.updated : newest), '')),
  feedLinks: { rss: `${site.feedBase}feeds/all.rss`, atom: `${site.feedBase}feeds/all.atom`, json: `${site.feedBase}feeds/all.json` },
  author: { name: site.title, link: site.link },
});
for (const item of items) {
  feed.addItem({
    id: item.id,
    guid: item.id,
    title: item.title,
    link: item.link,
    description: item.summary,
    content: item.content,
    date: new Date(item.updated),
    published: new Date(item.published),
    author: [{ name: item.author }],
    category: item.categories.map((name) => ({ name })),
    image: item.image,
  });
}
const rss = feed.rss2();
const atom = feed.atom1();
const json = feed.json1();
const renderMs = performance.now() - started;

const status = fs.readFileSync('/proc/self/status', 'utf8');
const peakRssBytes = Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) * 1024;
console.log(JSON.stringify({ workload: 'feed 6.0.0', renderMs, characters: rss.length + atom.length + json.length, peakRssBytes }));
