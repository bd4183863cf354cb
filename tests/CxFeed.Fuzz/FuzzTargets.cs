using CxFeed.Fuzz.Targets;

namespace CxFeed.Fuzz;

/// <summary>Every target, by name. tests/CxFeed.Fuzz/corpus/NAME holds each one's seeds.</summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyList<FuzzTarget> All =
    [
        new PageTarget(),
        new CleanTarget(),
        new ExcerptTarget(),
        new FeedDefinitionTarget(),
        new RestPostTarget(),
        new WxrTarget(),
        // The crawl source's parsers go here when they land: `sitemap` (a sitemap or sitemap
        // index, XML or text) and `robots` (robots.txt, RFC 9309), each a FuzzTarget in Targets/
        // with its corpus in corpus/sitemap and corpus/robots; .ci/suites/fuzz.sh runs every name.
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(target => target.Name == name);
}
