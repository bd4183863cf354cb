using CxFeed.Core;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Publishing;

namespace CxFeed.Cli;

/// <summary>
/// <c>cxfeed check [--content DIR]</c>: reads every post page (with a live source, pulls into the
/// store first, a failed pull being a problem) and cleans every post as the feeds do, and prints a
/// line per problem (<c>path: reason</c>: the pull's, the reader's, then the cleaner's), a line per
/// page a crawl skipped as not a post (<c>skipped address: reason</c>, not a problem), then
/// <c>N posts read, M problems</c>. Exit 0 without problems, 1 with.
/// </summary>
public static class CheckCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        var site = context.Settings<SiteOptions>();
        var content = context.Settings<ContentOptions>();
        var source = ContentFolder.Open(content, site);
        var pulled = new List<Problem>();
        var skipped = new List<Problem>();
        if (content.UsesStore)
        {
            // A live source is checked as it would serve: pulled into the store, then the store read.
            var (report, failure) = await PullCommand.PullAsync(context, content);
            pulled.AddRange(failure is not null
                ? [new Problem(failure.Address.AbsoluteUri, $"{failure.Reason}; checked what the store holds")]
                : report!.Problems);
            // A crawl's pages that are not posts (archives, the about page) are listed, not counted as problems.
            if (report is { Skipped.IsDefault: false })
                skipped.AddRange(report.Skipped);
        }
        var reader = new PostReader(content, site);
        var readings = new List<PostReading>();
        await foreach (var page in source.ReadAsync(context.CancellationToken))
            readings.Add(reader.Read(page));
        var result = PostReader.Combine(readings);
        var problems = new List<Problem>([.. pulled, .. result.Problems]);
        var cleaner = new HtmlCleaner(context.Settings<CleaningOptions>().ToPolicy());
        var excerpts = new ExcerptBuilder(context.Settings<ExcerptOptions>());
        foreach (var post in result.Posts)
            problems.AddRange(Entry.Create(post, cleaner, excerpts, ExcerptBudget.Default).Problems);
        foreach (var problem in problems)
            await context.Out.WriteLineAsync(problem.ToString());
        foreach (var page in skipped)
            await context.Out.WriteLineAsync($"skipped {page}");
        await context.Out.WriteLineAsync(Summary(result.Posts.Length, problems.Count));
        return problems.Count == 0 ? ExitCode.Ok : ExitCode.ContentProblems;
    }

    private static string Summary(int posts, int problems) =>
        $"{Count(posts, "post")} read, {Count(problems, "problem")}";

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
