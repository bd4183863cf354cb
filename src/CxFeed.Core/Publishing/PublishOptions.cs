namespace CxFeed.Core.Publishing;

/// <summary>Where and how the feeds are published: section <c>CxFeed:Publish</c>.</summary>
public sealed class PublishOptions : ISettings
{
    public static string Section => "CxFeed:Publish";

    /// <summary>
    /// The public address the feeds are served from (by <c>cxfeed serve</c> or by a web server
    /// serving <c>cxfeed build</c>'s files): every self and paging link is made absolute against it.
    /// Distinct from <c>CxFeed:Site:BaseUrl</c>, where the posts live.
    /// </summary>
    public string BaseUrl { get; init; } = "http://localhost:5080/";

    /// <summary>WebSub hubs announced in every feed (rel="hub"); none by default.</summary>
    public IReadOnlyList<string> Hubs { get; init; } = [];

    /// <summary>The generator every feed names.</summary>
    public string Generator { get; init; } = "CxFeed";

    /// <summary>
    /// Where <c>cxfeed serve</c> keeps its last publication (<see cref="PublicationStore"/>), to
    /// answer at once when it starts again; relative to the working directory. Empty: nothing is
    /// kept, and every start builds before it answers.
    /// </summary>
    public string StoredPath { get; init; } = ".cxfeed/publication";

    /// <summary><see cref="BaseUrl"/> as a URI ending in '/', so that addresses resolve below its path.</summary>
    public Uri BaseUri => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/", UriKind.Absolute);

    public IEnumerable<Uri> HubUris => Hubs.Select(hub => new Uri(hub, UriKind.Absolute));

    public IEnumerable<Problem> Validate()
    {
        if (!Settings.IsHttpUrl(BaseUrl))
            yield return new Problem($"{Section}:BaseUrl", $"'{BaseUrl}' is not an absolute http(s) URL");
        else if (new Uri(BaseUrl).Query.Length > 0 || new Uri(BaseUrl).Fragment.Length > 0)
            yield return new Problem($"{Section}:BaseUrl", $"'{BaseUrl}' must not have a query or a fragment: feed addresses never depend on one");
        for (var i = 0; i < Hubs.Count; i++)
        {
            if (!Settings.IsHttpUrl(Hubs[i]))
                yield return new Problem($"{Section}:Hubs:{i}", $"'{Hubs[i]}' is not an absolute http(s) URL");
        }
        if (StoredPath.Length > 0 && StoredProblem(StoredPath) is { } stored)
            yield return new Problem($"{Section}:StoredPath", stored);
        if (string.IsNullOrWhiteSpace(Generator))
            yield return new Problem($"{Section}:Generator", "must not be empty");
    }

    private static string? StoredProblem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return "must name a folder, or be empty to keep no publication on disk";
        try
        {
            var full = System.IO.Path.GetFullPath(path);
            return File.Exists(full) ? $"'{path}' is a file, not a folder" : null;
        }
        catch (Exception failure) when (failure is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"'{path}' is not a path: {failure.Message}";
        }
    }
}
