using System.Collections.Immutable;

namespace CxFeed.Core.Content.Crawl;

/// <summary>What one page's request came to.</summary>
public enum AnswerKind
{
    /// <summary>2xx: <see cref="CrawlAnswer.Body"/> holds the page (cut at the byte limit when <see cref="CrawlAnswer.Cut"/> says so).</summary>
    Page,

    /// <summary>304: the page did not change since the validators sent.</summary>
    NotModified,

    /// <summary>4xx: the page is not there (any more).</summary>
    Gone,

    /// <summary>robots.txt disallows it (or a redirect to an address it disallows): not asked.</summary>
    Disallowed,
}

/// <summary>
/// The answer to one page's request, redirects followed: <paramref name="Address"/> is where the
/// page was found in the end; <paramref name="ETag"/> and <paramref name="LastModified"/> the
/// validators to send next time; <paramref name="Cut"/> why the body stopped short (the byte limit),
/// the bytes read until then kept in <paramref name="Body"/>.
/// </summary>
public sealed record CrawlAnswer(
    AnswerKind Kind,
    Uri Address,
    int Status,
    ImmutableArray<byte> Body,
    string? ETag,
    string? LastModified,
    string? ContentType,
    string? Cut);

/// <summary>The validators of a stored page, sent as <c>If-None-Match</c> and <c>If-Modified-Since</c>.</summary>
public readonly record struct Validators(string? ETag, string? LastModified);
