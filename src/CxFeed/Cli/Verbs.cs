using System.Text;

namespace CxFeed.Cli;

/// <summary>The verbs of <c>cxfeed</c>.</summary>
public static class Verbs
{
    public static readonly IReadOnlyDictionary<string, Verb> ByName = new[]
    {
        new Verb("serve", "cxfeed [serve] [--content DIR] [--feeds DIR] [--urls URLS] [host options]",
            "Serve every feed over HTTP, rebuilding when the content changes (the default verb).",
            Set("content", "feeds"), Set(), ServeCommand.RunAsync, PassesHostOptions: true),
        new Verb("check", "cxfeed check [--content DIR]",
            "Read every post page and list the problems found; exit 1 when there are any.",
            Set("content"), Set(), CheckCommand.RunAsync),
        new Verb("clean", "cxfeed clean --base URL < page.html",
            "Clean an HTML fragment or page from standard input into safe, portable HTML.",
            Set("base"), Set(), CleanCommand.RunAsync),
        new Verb("excerpt", "cxfeed excerpt --base URL [--words N | --chars N] [--html] < page.html",
            "Clean an HTML fragment or page from standard input and write its excerpt.",
            Set("base", "words", "chars"), Set("html"), ExcerptCommand.RunAsync),
        new Verb("pull", "cxfeed pull",
            "Pull the live blog (CxFeed:Content:Source wordpress) into the store once: what was fetched, changed, removed.",
            Set(), Set(), PullCommand.RunAsync),
        new Verb("build", "cxfeed build --out DIR [--content DIR] [--feeds DIR]",
            "Write every feed, format and page as static files (with .gz and .br siblings).",
            Set("out", "content", "feeds"), Set(), BuildCommand.RunAsync),
        new Verb("stats", "cxfeed stats [--feed NAME] [--days N]",
            "Print each feed's subscribers and requests a day, and partners' pulls, from the audience database serve writes.",
            Set("feed", "days"), Set(), StatsCommand.RunAsync),
    }.ToDictionary(verb => verb.Name, StringComparer.Ordinal);

    public static string Help()
    {
        var text = new StringBuilder("CxFeed: clean, standards-perfect RSS, Atom and JSON feeds for a blog.\n\n");
        foreach (var verb in ByName.Values)
            text.Append($"  {verb.Usage}\n      {verb.Summary}\n");
        text.Append("\nAny setting can be given as --CxFeed:Section:Name VALUE or as the environment variable CxFeed__Section__Name.\n");
        text.Append("Exit codes: 0 fine, 1 the content has problems, 2 bad usage or configuration.\n");
        return text.ToString();
    }

    private static IReadOnlySet<string> Set(params string[] names) => new HashSet<string>(names, StringComparer.Ordinal);

    // Placeholder until the verb's issue lands; each issue replaces its line above.
    private static Func<CommandContext, Task<int>> NotBuiltYet(string name) => async context =>
    {
        await context.Error.WriteLineAsync($"cxfeed {name}: not built yet");
        return ExitCode.Usage;
    };
}
