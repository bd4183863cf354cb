using CxFeed.Core;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Pages;
using CxFeed.Core.Publishing;
using CxFeed.Core.Syndication;

namespace CxFeed.Cli;

/// <summary>
/// <c>cxfeed build --out DIR</c>: reads the posts, renders every feed, format and page and writes
/// them as static files into DIR, swapped into place whole. Exit 1 when the content has problems
/// (the files are still written, from the good posts), 2 for bad usage, settings or definitions.
/// </summary>
public static class BuildCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        var output = context.Option("out");
        if (string.IsNullOrWhiteSpace(output))
        {
            await context.Error.WriteLineAsync("cxfeed build: --out DIR is required");
            return ExitCode.Usage;
        }
        var site = context.Settings<SiteOptions>();
        var content = context.Settings<ContentOptions>();
        var feeds = context.Settings<FeedsOptions>();
        var publish = context.Settings<PublishOptions>();
        var cleaner = new HtmlCleaner(context.Settings<CleaningOptions>().ToPolicy());
        var definitions = await FeedDefinitionReader.ReadFolderAsync(feeds.Path, context.CancellationToken);
        if (!definitions.Problems.IsEmpty)
        {
            foreach (var problem in definitions.Problems)
                await context.Error.WriteLineAsync($"cxfeed: feed definition {problem}");
            return ExitCode.Usage;
        }
        if (!content.UsesStore && !Directory.Exists(content.Path))
        {
            await context.Error.WriteLineAsync($"cxfeed: setting {ContentOptions.Section}:Path: '{content.Path}' is not a folder");
            return ExitCode.Usage;
        }

        if (content.Source == ContentOptions.WxrSourceName)
        {
            // The export is imported into the store first, as serve does; its problems are the content's.
            var (imported, _) = await PullCommand.PullAsync(context, content);
            foreach (var problem in imported!.Problems)
                await context.Error.WriteLineAsync($"cxfeed: {problem}");
        }

        // On a terminal (standard error, so the output stays clean for scripts): pages read, files written, elapsed.
        var progress = ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected
            ? new BuildProgress(context.Error, null, TimeProvider.System, endWhenRead: false)
            : null;
        var pages = new List<PostPage>();
        await foreach (var page in ContentFolder.Open(content, site).ReadAsync(context.CancellationToken))
            pages.Add(page);
        var excerpts = new ExcerptBuilder(context.Settings<ExcerptOptions>());
        var snapshot = new SnapshotBuilder(new PostReader(content, site), cleaner, excerpts) { Progress = progress }.Build(pages);
        var renderer = new FeedRenderer(site, publish, feeds, excerpts);
        // Static files have no keys to check: a partner feed is never written, only served (docs/serving.md).
        var published = definitions.Definitions.Where(definition => definition.IsPublic).ToList();
        var publication = new PageRenderer(site, publish, context.Settings<PagesOptions>())
            .AddTo(renderer.Render(snapshot, published), snapshot, renderer.Plan(snapshot, published));

        try
        {
            await PublicationFolder.WriteAsync(publication, output, progress?.WritingFiles(publication.Files.Length), context.CancellationToken);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            progress?.End();
            await context.Error.WriteLineAsync($"cxfeed build: {failure.Message}");
            return ExitCode.Usage;
        }
        progress?.End();

        foreach (var problem in publication.Problems)
            await context.Error.WriteLineAsync($"cxfeed build: {problem}");
        var summary = $"{publication.Files.Length} files from {snapshot.Entries.Length} posts written to {output} (version {publication.Version[..12]})";
        if (publication.Problems.IsEmpty)
        {
            await context.Out.WriteLineAsync(summary);
            return ExitCode.Ok;
        }
        await context.Out.WriteLineAsync($"{summary}; {publication.Problems.Length} problems: the feeds hold the posts that could be published");
        return ExitCode.ContentProblems;
    }
}
