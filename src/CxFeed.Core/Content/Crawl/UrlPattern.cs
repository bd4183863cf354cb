using System.Text;

namespace CxFeed.Core.Content.Crawl;

/// <summary>
/// A robots.txt path pattern (RFC 9309 §2.2.2, §2.2.3): it matches a path (with its query) that
/// starts with it, <c>*</c> standing for any characters and a final <c>$</c> for the path's end.
/// Characters outside US-ASCII are compared percent-encoded (UTF-8), as the path is sent.
/// The same syntax gives the crawl's <c>Include</c> and <c>Exclude</c> settings.
/// </summary>
public sealed class UrlPattern
{
    private readonly string[] _parts;
    private readonly bool _anchored;

    public UrlPattern(string pattern)
    {
        Text = pattern;
        var body = pattern.EndsWith('$') ? pattern[..^1] : pattern;
        _anchored = body.Length != pattern.Length;
        _parts = Encode(body).Split('*');
        // The priority of a rule is its length in octets (§2.2.2: the most specific match wins).
        Length = Encoding.UTF8.GetByteCount(pattern);
    }

    public string Text { get; }

    public int Length { get; }

    /// <param name="pathAndQuery">The path and query as sent (percent-encoded), starting with '/'.</param>
    public bool Matches(string pathAndQuery)
    {
        var path = NormalizeEscapes(pathAndQuery);
        if (!path.StartsWith(_parts[0], StringComparison.Ordinal))
            return false;
        if (_parts.Length == 1)
            return !_anchored || path.Length == _parts[0].Length;
        var at = _parts[0].Length;
        // Every part but the last is taken at its first occurrence: the earliest leaves the most room for the rest.
        for (var i = 1; i < _parts.Length - 1; i++)
        {
            var found = path.IndexOf(_parts[i], at, StringComparison.Ordinal);
            if (found < 0)
                return false;
            at = found + _parts[i].Length;
        }
        var last = _parts[^1];
        if (_anchored)
            return path.Length - last.Length >= at && path.EndsWith(last, StringComparison.Ordinal);
        return path.IndexOf(last, at, StringComparison.Ordinal) >= 0;
    }

    /// <summary>Non-ASCII characters percent-encoded as UTF-8, escapes in upper case.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                builder.Append((char)rune.Value);
                continue;
            }
            var count = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..count])
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return NormalizeEscapes(builder.ToString());
    }

    /// <summary>Escapes compared in one case: <c>%2f</c> and <c>%2F</c> are the same octet.</summary>
    private static string NormalizeEscapes(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
            return value;
        var chars = value.ToCharArray();
        for (var i = 0; i + 2 < chars.Length; i++)
        {
            if (chars[i] == '%' && Uri.IsHexDigit(chars[i + 1]) && Uri.IsHexDigit(chars[i + 2]))
            {
                chars[i + 1] = char.ToUpperInvariant(chars[i + 1]);
                chars[i + 2] = char.ToUpperInvariant(chars[i + 2]);
            }
        }
        return new string(chars);
    }
}
