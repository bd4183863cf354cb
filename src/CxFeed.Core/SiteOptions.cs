namespace CxFeed.Core;

/// <summary>The blog being syndicated: configuration section <c>CxFeed:Site</c>.</summary>
public sealed class SiteOptions : ISettings
{
    public static string Section => "CxFeed:Site";

    public string Title { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>The blog's own address (where posts live), not where the feeds are served.</summary>
    public string BaseUrl { get; init; } = "";

    /// <summary>BCP 47 language tag, e.g. <c>en-US</c>.</summary>
    public string Language { get; init; } = "en-US";

    /// <summary>IANA time zone id used for dates without an offset and for writing dates.</summary>
    public string TimeZone { get; init; } = "UTC";

    public Uri BaseUri => new(BaseUrl, UriKind.Absolute);

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Every problem with these settings, each naming its setting.</summary>
    public IEnumerable<Problem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Title))
            yield return new Problem($"{Section}:Title", "must not be empty");
        if (!Settings.IsHttpUrl(BaseUrl))
            yield return new Problem($"{Section}:BaseUrl", $"'{BaseUrl}' is not an absolute http(s) URL");
        if (!Settings.IsLanguageTag(Language))
            yield return new Problem($"{Section}:Language", $"'{Language}' is not a language tag such as en-US");
        if (!Settings.IsTimeZone(TimeZone))
            yield return new Problem($"{Section}:TimeZone", $"'{TimeZone}' is not an IANA time zone id such as America/Chicago");
    }
}
