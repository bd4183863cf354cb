using System.Collections.Immutable;
using CxFeed.Core;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Publishing;
using CxFeed.Core.Syndication;

namespace CxFeed.Benchmarks.Feeds;

/// <summary>
/// What the feed benchmarks render, shared by BenchmarkDotNet's runs, the peak-memory runs and the
/// export for the npm baseline, so that all three see the same 10,000 posts.
/// </summary>
public static class FeedWorkloads
{
    public const int PostCount = 10_000;

    public static readonly SiteOptions Site = new()
    {
        Title = "Heart of the Customer",
        Description = "Posts by Jim Tincher on B2B customer experience, journey mapping and CX strategy.",
        BaseUrl = "https://www.heartofthecustomer.com/",
        Language = "en-US",
        TimeZone = "America/Chicago",
    };

    public static readonly PublishOptions Publish = new() { BaseUrl = "https://feeds.heartofthecustomer.com/" };

    /// <summary>The baseline's work: one feed of every post, full content, one page, three formats.</summary>
    public static readonly FeedDefinition OneFullFeed = FeedDefinition.Default("all") with
    {
        Content = FeedContent.Full,
        ItemsPerPage = FeedDefinition.MaxItemsPerPage,
    };

    /// <summary>The shipped feeds (posts: excerpts, 10 a page; customerthink: full, 20 a page, attribution, link parameters).</summary>
    public static readonly ImmutableArray<FeedDefinition> ShippedFeeds =
    [
        FeedDefinition.Default("posts"),
        FeedDefinition.Default("customerthink") with
        {
            Content = FeedContent.Full,
            ItemsPerPage = 20,
            Attribution = "This post first appeared on {site} at {link}.",
            LinkParameters = [new("utm_source", "customerthink"), new("utm_medium", "syndication")],
        },
    ];

    public static Snapshot Snapshot(int count = PostCount) => Core.Publishing.Snapshot.Create(GeneratedPosts.Create(count), []);

    public static FeedRenderer Renderer(bool automaticFeeds) =>
        new(Site, Publish, new FeedsOptions { CategoryFeeds = automaticFeeds, TagFeeds = automaticFeeds }, new ExcerptBuilder());

    /// <summary>The baseline's work, as bytes.</summary>
    public static ImmutableArray<RenderedPage> RenderOneFullFeed(Snapshot snapshot) =>
        Renderer(automaticFeeds: false).RenderPages(snapshot, [OneFullFeed]);

    /// <summary>Everything <c>cxfeed build</c> publishes: the shipped feeds and every category and tag feed, all pages, compressed.</summary>
    public static Publication PublishEveryFeed(Snapshot snapshot) =>
        Renderer(automaticFeeds: true).Render(snapshot, ShippedFeeds);
}
