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
        if (string.IsNullOrWhiteSpace(Generator))
            yield return new Problem($"{Section}:Generator", "must not be empty");
    }
}
