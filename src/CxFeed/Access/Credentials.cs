using System.Text;

namespace CxFeed.Access;

/// <summary>
/// What a request presents: HTTP Basic (RFC 7617; a partner's name and key, or the owner's key as
/// the password), a bearer token (RFC 6750), or the key in the URL for importers that take only an
/// address (<c>/feeds/x.rss?key=KEY</c>, <see cref="QueryKey"/>). Nothing presented: null.
/// </summary>
public sealed record Credentials(string? User, string Key)
{
    /// <summary>The query parameter of the URL form. Never logged: see docs/serving.md, Access.</summary>
    public const string QueryKey = "key";

    private const int MaximumHeaderLength = 2048;

    public static Credentials? From(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length is > 0 and <= MaximumHeaderLength)
        {
            if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
                return Basic(authorization.AsSpan(6).Trim());
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return new Credentials(null, authorization[7..].Trim());
            return new Credentials(null, "");
        }
        if (authorization.Length > MaximumHeaderLength)
            return new Credentials(null, "");
        if (request.QueryString.HasValue && request.Query.TryGetValue(QueryKey, out var key))
            return new Credentials(null, key.Count == 1 ? key.ToString() : "");
        return null;
    }

    private static Credentials Basic(ReadOnlySpan<char> encoded)
    {
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
            return new Credentials(null, "");
        var text = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':');
        return colon < 0 ? new Credentials(null, "") : new Credentials(colon == 0 ? null : text[..colon], text[(colon + 1)..]);
    }

    /// <summary>The challenge of a 401 (RFC 9110 §11.6.1): Basic, UTF-8.</summary>
    public static string Challenge(string realm) => $"Basic realm=\"{realm}\", charset=\"UTF-8\"";

    /// <summary>The challenge of the owner's pages: a bearer token or Basic.</summary>
    public static string[] OwnerChallenge => ["Bearer realm=\"cxfeed owner\"", Challenge("cxfeed owner")];
}
