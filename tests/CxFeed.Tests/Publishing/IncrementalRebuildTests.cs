using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Pages;
using CxFeed.Core.Publishing;
using CxFeed.Core.Syndication;
using CxFeed.Tests.Content;
using Microsoft.Extensions.Time.Testing;

namespace CxFeed.Tests.Publishing;

/// <summary>
/// What the server does on every change, on the seed blog with the real reader, cleaner and
/// excerpts: a rebuild that reuses what did not change must publish exactly what a first build of
/// the same content publishes, byte for byte, tag for tag, date for date.
/// </summary>
public sealed class IncrementalRebuildTests : IDisposable
{
    private const string Changed = "cx-needs-change-management.html";
    private const string Deleted = "the-bots-are-coming.html";
    private const string Added = "a-brand-new-post.html";

    private readonly TemporaryFolder _content = new();
    private readonly TemporaryFolder _feeds = new();

    public IncrementalRebuildTests()
    {
        foreach (var file in Directory.GetFiles(SeedPages.Folder))
            File.Copy(file, Path.Combine(_content.Path, Path.GetFileName(file)));
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "feeds")))
            File.Copy(file, Path.Combine(_feeds.Path, Path.GetFileName(file)));
        // A feed none of the edited posts is in: only its definition changes.
        File.WriteAllText(Path.Combine(_feeds.Path, "b2b.json"), """{ "title": "B2B", "posts": { "categories": ["B2B"] }, "itemsPerPage": 2 }""");
    }

    public void Dispose()
    {
        _content.Dispose();
        _feeds.Dispose();
    }

    /// <summary>The server's rebuild, its caches kept from one build to the next.</summary>
    private sealed class Rebuilds(string content, string feeds)
    {
        private static readonly PublishOptions Publish = new() { BaseUrl = "https://feeds.heartofthecustomer.com/" };

        private readonly FolderSource _source = new(content, SeedPages.Site.BaseUri)
        {
            // A day ahead: every stamp is settled, so unchanged pages are not read at all.
            Time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(1)),
        };

        private readonly FeedRenderer _feeds = new(SeedPages.Site, Publish, new FeedsOptions(), new ExcerptBuilder(new ExcerptOptions()));
        private readonly PageRenderer _pages = new(SeedPages.Site, Publish, new PagesOptions());

        public SnapshotBuilder Builder { get; } = new(
            new PostReader(new ContentOptions(), SeedPages.Site), new HtmlCleaner(CleaningPolicy.Default), new ExcerptBuilder(new ExcerptOptions()));

        public PublishedFileCache Files { get; } = new();

        public async Task<Publication> BuildAsync()
        {
            var definitions = await FeedDefinitionReader.ReadFolderAsync(feeds);
            Assert.Empty(definitions.Problems);
            var snapshot = await Builder.BuildAsync(_source);
            var plan = _feeds.Plan(snapshot, definitions.Definitions).ToList();
            return new Publication(snapshot.Version, snapshot.Problems, Files.Publish([.. _feeds.PlanFiles(snapshot, plan), .. _pages.PlanFiles(snapshot, plan)]));
        }
    }

    /// <summary>Writes the file and gives it a last write time of its own, as any editor's save does.</summary>
    private static void Write(string file, string text, int minutesAgo)
    {
        File.WriteAllText(file, text);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-minutesAgo));
    }

    [Fact]
    public async Task A_rebuild_after_edits_publishes_exactly_what_a_first_build_of_the_same_content_does()
    {
        var rebuilds = new Rebuilds(_content.Path, _feeds.Path);
        var first = await rebuilds.BuildAsync();

        var changed = Path.Combine(_content.Path, Changed);
        var original = File.ReadAllText(changed);
        Write(changed, original
            .Replace("CX Needs Change Management", "CX Needs Change Management, Revised")
            .Replace("<div class=\"entry-content clear\" itemprop=\"text\">", "<div class=\"entry-content clear\" itemprop=\"text\"><p>An update first.</p>"), 3);
        Write(Path.Combine(_content.Path, Added), original
            .Replace("CX Needs Change Management", "A Brand New Post")
            .Replace("cx-needs-change-management/", "a-brand-new-post/")
            .Replace("?p=4603", "?p=9999")
            .Replace("2021-05-11T09:15:00-05:00", "2021-07-01T09:15:00-05:00"), 2);
        File.Delete(Path.Combine(_content.Path, Deleted));
        var customerThink = Path.Combine(_feeds.Path, "customerthink.json");
        Write(customerThink, File.ReadAllText(customerThink)
            .Replace("\"itemsPerPage\": 20", "\"itemsPerPage\": 7")
            .Replace("for republication on CustomerThink", "for CustomerThink to republish"), 1);
        Write(Path.Combine(_feeds.Path, "b2b.json"), """{ "title": "Business to business", "posts": { "categories": ["B2B"] }, "itemsPerPage": 2 }""", 1);

        var rebuilt = await rebuilds.BuildAsync();
        var fresh = await new Rebuilds(_content.Path, _feeds.Path).BuildAsync();

        Assert.Equal((20, 2, 2), rebuilds.Builder.LastBuild);
        Assert.InRange(rebuilds.Files.LastRendered, 1, rebuilt.Files.Length / 2);
        Assert.NotEqual(first.Version, rebuilt.Version);
        Assert.Contains("A Brand New Post", rebuilt.Text("/feeds/posts.rss"));
        Assert.NotNull(rebuilt.Find("/feeds/customerthink/page/3.atom"));
        Assert.Contains("Business to business", rebuilt.Text("/feeds/b2b/page/2.rss"));
        AssertSamePublication(fresh, rebuilt);
    }

    [Fact]
    public async Task A_rebuild_with_nothing_changed_reads_nothing_and_renders_nothing()
    {
        var rebuilds = new Rebuilds(_content.Path, _feeds.Path);
        var first = await rebuilds.BuildAsync();

        var again = await rebuilds.BuildAsync();

        Assert.Equal((20, 0, 0), rebuilds.Builder.LastBuild);
        Assert.Equal(0, rebuilds.Files.LastRendered);
        Assert.Equal(first.Files.ToArray(), again.Files.ToArray());
    }

    private static void AssertSamePublication(Publication expected, Publication actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Problems.ToArray(), actual.Problems.ToArray());
        Assert.Equal(expected.Files.Select(file => file.Address), actual.Files.Select(file => file.Address));
        foreach (var (want, got) in expected.Files.Zip(actual.Files))
        {
            Assert.Equal((want.Address, want.ContentType, want.LastModified), (got.Address, got.ContentType, got.LastModified));
            foreach (var (wantForm, gotForm) in want.Representations.Zip(got.Representations))
            {
                Assert.Equal((want.Address, wantForm.Coding, wantForm.ETag), (got.Address, gotForm.Coding, gotForm.ETag));
                Assert.True(wantForm.Bytes.Span.SequenceEqual(gotForm.Bytes.Span), $"{want.Address}{wantForm.Extension}: other bytes");
            }
        }
    }
}
