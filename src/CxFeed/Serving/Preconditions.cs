using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CxFeed.Serving;

/// <summary>What the conditional headers of a GET or HEAD decide.</summary>
public enum PreconditionOutcome
{
    /// <summary>Send the representation (200).</summary>
    Send,

    /// <summary>The client's copy is current (304).</summary>
    NotModified,

    /// <summary>If-Match or If-Unmodified-Since failed (412).</summary>
    PreconditionFailed,
}

/// <summary>
/// The conditional request headers of RFC 9110 §13.1, evaluated for a GET or HEAD of one
/// representation in the order of §13.2.2: If-Match, then If-Unmodified-Since (ignored when
/// If-Match is present), then If-None-Match, then If-Modified-Since (ignored when If-None-Match is
/// present). One small method per header; the outcome is chosen in one switch.
/// </summary>
public static class Preconditions
{
    /// <summary>Whether one header's condition holds; Absent when the header is missing, malformed or ignored.</summary>
    private enum Condition
    {
        Absent,
        Holds,
        Fails,
    }

    public static PreconditionOutcome Evaluate(IHeaderDictionary headers, string etag, DateTimeOffset lastModified, DateTimeOffset now)
    {
        var ifMatch = IfMatch(headers.IfMatch, etag);
        var ifUnmodifiedSince = ifMatch == Condition.Absent ? IfUnmodifiedSince(headers.IfUnmodifiedSince, lastModified) : Condition.Absent;
        var ifNoneMatch = IfNoneMatch(headers.IfNoneMatch, etag);
        var ifModifiedSince = ifNoneMatch == Condition.Absent ? IfModifiedSince(headers.IfModifiedSince, lastModified, now) : Condition.Absent;
        return (ifMatch, ifUnmodifiedSince, ifNoneMatch, ifModifiedSince) switch
        {
            (Condition.Fails, _, _, _) or (_, Condition.Fails, _, _) => PreconditionOutcome.PreconditionFailed,
            (_, _, Condition.Fails, _) or (_, _, _, Condition.Fails) => PreconditionOutcome.NotModified,
            _ => PreconditionOutcome.Send,
        };
    }

    /// <summary>RFC 9110 §13.1.1: holds when the field is "*" or lists the current tag by strong comparison.</summary>
    private static Condition IfMatch(StringValues field, string etag) =>
        StringValues.IsNullOrEmpty(field) ? Condition.Absent
        : ListsTag(field, etag, strong: true) ? Condition.Holds : Condition.Fails;

    /// <summary>
    /// RFC 9110 §13.1.4: holds when the representation was not modified after the date; a field
    /// that is not one valid HTTP-date is ignored.
    /// </summary>
    private static Condition IfUnmodifiedSince(StringValues field, DateTimeOffset lastModified) =>
        Date(field) is not { } date ? Condition.Absent
        : lastModified <= date ? Condition.Holds : Condition.Fails;

    /// <summary>
    /// RFC 9110 §13.1.2: fails (304 for GET and HEAD) when the field is "*" or lists the current
    /// tag by weak comparison, so that a tag a cache marked weak still revalidates.
    /// </summary>
    private static Condition IfNoneMatch(StringValues field, string etag) =>
        StringValues.IsNullOrEmpty(field) ? Condition.Absent
        : ListsTag(field, etag, strong: false) ? Condition.Fails : Condition.Holds;

    /// <summary>
    /// RFC 9110 §13.1.3: fails (304) when the representation was not modified after the date. A
    /// field that is not one valid HTTP-date is ignored, and so is a date ahead of the server's
    /// clock (as ASP.NET Core's StaticFileContext does): a client whose clock runs ahead must not
    /// keep an old copy.
    /// </summary>
    private static Condition IfModifiedSince(StringValues field, DateTimeOffset lastModified, DateTimeOffset now) =>
        Date(field) is not { } date || date > now ? Condition.Absent
        : lastModified <= date ? Condition.Fails : Condition.Holds;

    /// <summary>One HTTP-date (RFC 9110 §5.6.7, all three forms), or null for none, several or a malformed one.</summary>
    private static DateTimeOffset? Date(StringValues field) =>
        field.Count == 1 && HeaderUtilities.TryParseDate(field[0], out var date) ? date : null;

    /// <summary>
    /// Whether an entity-tag list (RFC 9110 §8.8.3) is "*" or holds <paramref name="etag"/> (quoted,
    /// strong). Strong comparison (§8.8.3.2) never matches a weak tag; weak comparison ignores "W/".
    /// A malformed list matches nothing.
    /// </summary>
    private static bool ListsTag(StringValues field, string etag, bool strong)
    {
        foreach (var value in field)
        {
            var rest = value.AsSpan();
            while (true)
            {
                rest = rest.TrimStart(" \t,");
                if (rest.IsEmpty)
                    break;
                if (rest[0] == '*')
                    return true;
                var weak = rest.StartsWith("W/", StringComparison.Ordinal);
                if (weak)
                    rest = rest[2..];
                if (rest.IsEmpty || rest[0] != '"')
                    return false;
                var end = rest[1..].IndexOf('"');
                if (end < 0)
                    return false;
                var tag = rest[..(end + 2)];
                if (tag.SequenceEqual(etag) && !(strong && weak))
                    return true;
                rest = rest[(end + 2)..];
            }
        }
        return false;
    }
}
