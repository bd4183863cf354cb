using System.Collections.Immutable;

namespace CxFeed.Core.Syndication;

/// <summary>The formats a feed is published in.</summary>
public enum FeedFormat
{
    Rss,
    Atom,
    Json,
}

/// <summary>What each format is called in feed definitions, its file extension and its media type.</summary>
public static class FeedFormats
{
    public static readonly ImmutableArray<FeedFormat> All = [FeedFormat.Rss, FeedFormat.Atom, FeedFormat.Json];

    /// <summary>The name in a definition's <c>formats</c>, which is also the extension of its addresses.</summary>
    public static string Name(this FeedFormat format) => format switch
    {
        FeedFormat.Rss => "rss",
        FeedFormat.Atom => "atom",
        _ => "json",
    };

    /// <summary>The media type served for it: each format's registered type, so that browsers and readers recognise it.</summary>
    public static string ContentType(this FeedFormat format) => format switch
    {
        FeedFormat.Rss => "application/rss+xml; charset=utf-8",
        FeedFormat.Atom => "application/atom+xml; charset=utf-8",
        _ => "application/feed+json; charset=utf-8",
    };

    /// <summary>The media type alone, as link elements announce it.</summary>
    public static string MediaType(this FeedFormat format) => format.ContentType().Split(';')[0];

    public static bool TryParse(string name, out FeedFormat format)
    {
        foreach (var candidate in All)
        {
            if (candidate.Name() == name)
            {
                format = candidate;
                return true;
            }
        }
        format = default;
        return false;
    }
}
