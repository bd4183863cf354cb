namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// The live WordPress blog read through its REST API: section <c>CxFeed:Content:WordPress</c>,
/// used when <c>CxFeed:Content:Source</c> is <c>wordpress</c>. The Application Password is never
/// a setting (a setting can sit in a file in the repository): it comes from the environment
/// variable <see cref="PasswordVariable"/> or from the file <see cref="ApplicationPasswordFile"/>
/// names, which must lie outside any git repository (<see cref="WordPressCredentials"/>).
/// </summary>
public sealed class WordPressOptions : ISettings
{
    public static string Section => "CxFeed:Content:WordPress";

    /// <summary>The environment variable that may hold the Application Password.</summary>
    public const string PasswordVariable = "CXFEED_WORDPRESS_APPLICATION_PASSWORD";

    /// <summary>The blog's address. Every request goes to its scheme, host and port, whatever host WordPress calls itself.</summary>
    public string BaseUrl { get; init; } = "";

    /// <summary>The WordPress user the Application Password belongs to; empty for anonymous reading.</summary>
    public string User { get; init; } = "";

    /// <summary>A file holding the Application Password (outside any git repository); empty when the environment gives it or there is none.</summary>
    public string ApplicationPasswordFile { get; init; } = "";

    /// <summary>How often the blog is asked what changed.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often every post's id and modification time are listed, to find deletions, unpublishing and trash.</summary>
    public TimeSpan FullListingInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Requests to the blog at once.</summary>
    public int MaxConcurrency { get; init; } = 2;

    /// <summary>How long one request may take, all of its body included (a server that trickles bytes is cut off).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public Uri BaseUri => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/", UriKind.Absolute);

    public IEnumerable<Problem> Validate()
    {
        if (!Settings.IsHttpUrl(BaseUrl))
            yield return new Problem($"{Section}:BaseUrl", $"'{BaseUrl}' is not an absolute http(s) URL (the blog's address, as https://blog.example/)");
        else if (!string.IsNullOrEmpty(new Uri(BaseUrl).Query) || !string.IsNullOrEmpty(new Uri(BaseUrl).Fragment) || !string.IsNullOrEmpty(new Uri(BaseUrl).UserInfo))
            yield return new Problem($"{Section}:BaseUrl", $"'{new Uri(BaseUrl).GetLeftPart(UriPartial.Path)}…' must be the blog's address alone: no query, fragment or user name");
        if (PollInterval < TimeSpan.FromSeconds(1) || PollInterval > TimeSpan.FromDays(1))
            yield return new Problem($"{Section}:PollInterval", $"'{PollInterval}' must be from 00:00:01 to 1.00:00:00");
        if (FullListingInterval < PollInterval || FullListingInterval > TimeSpan.FromDays(7))
            yield return new Problem($"{Section}:FullListingInterval", $"'{FullListingInterval}' must be at least the PollInterval and at most 7.00:00:00");
        if (MaxConcurrency is < 1 or > 16)
            yield return new Problem($"{Section}:MaxConcurrency", $"'{MaxConcurrency}' must be from 1 to 16");
        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromMinutes(10))
            yield return new Problem($"{Section}:Timeout", $"'{Timeout}' must be from 00:00:01 to 00:10:00");
        foreach (var problem in WordPressCredentials.Check(this))
            yield return problem;
    }
}
