#!/usr/bin/env bash
# The first build of a large blog against Debian's Hugo, side by side in one run: COUNT (10,000)
# posts from tests/CxFeed.Benchmarks' seeded generator, as HTML pages for `cxfeed build --out`
# (nothing stored before: every page read, cleaned, excerpted, every feed, page and format rendered
# and compressed, gzip and br) and as the same posts in Markdown with front matter for `hugo`
# (every post's page, the home, section, category and tag lists, each with its RSS feed). ROUNDS
# (3) rounds, interleaved, each build into an empty folder; medians of wall and CPU time and their
# ratios. Also `cxfeed check` on the same pages in the first round: reading, cleaning and excerpting
# alone, on one core, so that its CPU time against the build's says where the build's time goes.
# PAGES=DIR and MARKDOWN=DIR reuse posts generated before; APP=DIR a published CxFeed.
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
count=${COUNT:-10000}
rounds=${ROUNDS:-3}
work=$(mktemp -d /tmp/cxfeed-hugo.XXXXXX)
trap 'rm -rf "$work"' EXIT
command -v hugo >/dev/null || { echo "hugo is missing (apt-get install hugo)"; exit 1; }

generate() { # generate MODE DIR
  timeout 900 dotnet run -c Release --project tests/CxFeed.Benchmarks -- "$1" "$2" "$count" >/dev/null || exit 1
}
pages=${PAGES:-$work/pages}
markdown=${MARKDOWN:-$work/markdown}
[ -n "${PAGES:-}" ] || { echo "== generating $count pages"; generate pages "$pages"; }
[ -n "${MARKDOWN:-}" ] || { echo "== generating the same $count posts in Markdown"; generate markdown "$markdown"; }
if [ -n "${APP:-}" ]; then app=$APP; else
  app="$work/app"
  timeout 600 dotnet publish src/CxFeed -c Release -o "$app" --nologo -v q >/dev/null || exit 1
fi

# The Hugo site: the posts in content/posts, two small templates (a post, a list with summaries),
# categories and tags as taxonomies, RSS for home, section and every term (Hugo's own template),
# raw HTML in Markdown passed through as the posts' bodies are HTML.
site="$work/site"
mkdir -p "$site/content" "$site/layouts/_default"
ln -s "$markdown" "$site/content/posts"
cat >"$site/config.toml" <<'TOML'
baseURL = "https://www.heartofthecustomer.com/"
title = "Heart of the Customer"
languageCode = "en-us"
disableKinds = ["sitemap", "robotsTXT", "404"]
paginate = 10
[taxonomies]
  category = "categories"
  tag = "tags"
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
  taxonomy = ["HTML", "RSS"]
  term = ["HTML", "RSS"]
[services.rss]
  limit = 10
[markup.goldmark.renderer]
  unsafe = true
TOML
cat >"$site/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body><article><h1>{{ .Title }}</h1><p>{{ .Date.Format "January 2, 2006" }} by {{ .Params.author }}</p>{{ .Content }}</article></body></html>
HTML
cat >"$site/layouts/_default/list.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}</head>
<body>{{ range (.Paginate .Pages).Pages }}<article><h2><a href="{{ .Permalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p><p><a href="{{ .Permalink }}">Read more</a></p></article>{{ end }}
{{ template "_internal/pagination.html" . }}</body></html>
HTML

echo "== $count posts: $(du -sm "$pages" | cut -f1) MiB of HTML pages, $(du -sm "$markdown" | cut -f1) MiB of Markdown; hugo $(hugo version | awk '{print $2}'); load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
TIMEFORMAT='%R %U %S'
timed() { # timed NAME COMMAND...: appends "wall cpu" to $work/NAME.times
  local t
  t=$( { time "${@:2}" >"$work/$1.log" 2>&1; } 2>&1 | tail -n 1)
  echo "$t" | awk '{printf "%.2f %.2f\n", $1, $2 + $3}' >>"$work/$1.times"
}
for round in $(seq 1 "$rounds"); do
  rm -rf "$work/out-cxfeed" "$work/out-hugo" "$site/resources"
  timed cxfeed timeout 1800 dotnet "$app/cxfeed.dll" build --out "$work/out-cxfeed" --content "$pages" --feeds "$repo/feeds"
  timed hugo timeout 1800 hugo --source "$site" --destination "$work/out-hugo" --quiet
  [ "$round" -gt 1 ] || timed check timeout 1800 dotnet "$app/cxfeed.dll" check --content "$pages"
  echo "   round $round of $rounds: cxfeed build $(tail -n1 "$work/cxfeed.times"), hugo $(tail -n1 "$work/hugo.times"), cxfeed check $(tail -n1 "$work/check.times") (wall s, CPU s)"
done
grep -h -m1 'files from' "$work/cxfeed.log" | sed 's/^/   cxfeed: /'
echo "   hugo: $(find "$work/out-hugo" -type f | wc -l) files ($(find "$work/out-hugo" -name index.xml | wc -l) RSS feeds), $(du -sm "$work/out-hugo" | cut -f1) MiB; cxfeed: $(find "$work/out-cxfeed" -type f | wc -l) files, $(du -sm "$work/out-cxfeed" | cut -f1) MiB"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for name in cxfeed hugo check; do
  declare "wall_$name=$(awk '{print $1}' "$work/$name.times" | median)"
  declare "cpu_$name=$(awk '{print $2}' "$work/$name.times" | median)"
done
printf '\n| First build of %d posts | wall (s), median of %d | CPU (s), median | wall vs hugo | CPU vs hugo |\n| --- | ---: | ---: | ---: | ---: |\n' "$count" "$rounds"
for name in hugo cxfeed check; do
  wall="wall_$name" cpu="cpu_$name"
  label=$([ "$name" == hugo ] && echo "hugo" || ([ "$name" == cxfeed ] && echo "cxfeed build --out" || echo "cxfeed check (read + clean only)"))
  printf '| %s | %s | %s | %.2f× | %.2f× |\n' "$label" "${!wall}" "${!cpu}" \
    "$(echo "${!wall} / $wall_hugo" | bc -l)" "$(echo "${!cpu} / $cpu_hugo" | bc -l)"
done
echo "   load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
