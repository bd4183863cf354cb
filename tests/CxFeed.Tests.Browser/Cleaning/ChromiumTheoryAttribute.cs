namespace CxFeed.Tests.Browser.Cleaning;

/// <summary>A theory that needs Debian's chromium (<c>apt-get install -y chromium</c>); skipped, with the reason, where it is missing.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!File.Exists(ReaderBrowser.ChromiumPath))
            Skip = $"needs chromium at {ReaderBrowser.ChromiumPath} (apt-get install -y chromium, or set CXFEED_CHROMIUM)";
    }
}

/// <summary>A theory over the held-out corpus in the folder named by CXFEED_XSS_CORPUS; skipped when it is not set.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable(HeldOutCorpus.Variable) is not { Length: > 0 } folder || !Directory.Exists(folder))
            Skip = $"set {HeldOutCorpus.Variable} to a folder of HTML files to render them";
        else if (!File.Exists(ReaderBrowser.ChromiumPath))
            Skip = $"needs chromium at {ReaderBrowser.ChromiumPath}";
    }
}

/// <summary>The files of the held-out corpus: every file under the folder, in ordinal order.</summary>
public static class HeldOutCorpus
{
    public const string Variable = "CXFEED_XSS_CORPUS";

    public static IEnumerable<object[]> Files()
    {
        var folder = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            return [["(none)"]];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new object[] { Path.GetRelativePath(folder, path) });
    }
}
