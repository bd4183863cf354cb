using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace CxFeed.Core.Cleaning;

/// <summary>
/// Judges a URL against the allowed schemes and makes it absolute against the post's address.
/// A URL is judged on what the browser would see: after its character references are decoded
/// (the caller does that) and with every whitespace, control and format character removed,
/// ignoring case, so <c>jav&amp;#x09;ascript:</c> and <c>JaVaScRiPt:</c> are both javascript:.
/// What comes out is absolute (protocol-relative becomes https) and is checked once more after
/// resolving, so the string written is one whose scheme is allowed.
/// </summary>
internal sealed class UrlRewriter
{
    private const int MaxSchemeLength = 32;

    /// <summary>What a path may hold for a protocol-relative URL to be written without resolving it.</summary>
    private static readonly SearchValues<char> PlainPathCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./");

    private readonly FrozenSet<string> _schemes;
    private readonly Uri _base;
    private readonly string _origin;

    /// <param name="schemes">The allowed schemes, lowercase (built once per policy: freezing a set costs more than cleaning a short post).</param>
    public UrlRewriter(FrozenSet<string> schemes, Uri baseUrl)
    {
        _schemes = schemes;
        _base = baseUrl;
        _origin = baseUrl.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>
    /// The absolute URL to write for <paramref name="value"/>, or null when it must go. What is
    /// written is judged the same way the next time (cleaning the output again keeps it as it is):
    /// a value that resolving changes into one that would be read differently again — a host of
    /// U+FFFD that <see cref="Uri"/> writes as no host at all, <c>http:///?%EF%BF%BD</c>, dropped by
    /// the next reading — is resolved once more, and goes if it still does not settle.
    /// </summary>
    public string? Rewrite(string value)
    {
        // What XML forbids is left out of the written value: the URL is judged without it.
        var result = RewriteOnce(XmlCharacters.Keep(value));
        for (var round = 0; round < 2; round++)
        {
            if (result is null || IsPlainAbsolute(result))
                return result;
            var again = RewriteOnce(result);
            if (again == result)
                return result;
            result = again;
        }
        return null;
    }

    private string? RewriteOnce(string value)
    {
        if (IsPlainAbsolute(value))
            return value;
        var scheme = SchemeOf(value);
        if (scheme is not null && !_schemes.Contains(scheme))
            return null;
        var trimmed = TrimForParsing(value);
        if (trimmed.Length == 0)
            return null;
        if (scheme is not null && scheme is not "http" and not "https")
            return trimmed;
        if (trimmed[0] == '/' && trimmed.Length > 1 && trimmed[1] != '/' && trimmed[1] != '\\' && IsPlain(trimmed, 1))
            return _origin + trimmed;
        if (IsPlainProtocolRelative(trimmed) && _schemes.Contains("https"))
            return "https:" + trimmed;
        // Browsers read a backslash as a slash in http(s) URLs: \\evil.example is protocol-relative.
        var slashed = trimmed.Replace('\\', '/');
        if (slashed.StartsWith("//", StringComparison.Ordinal))
            slashed = "https:" + slashed;
        if (!Uri.TryCreate(_base, slashed, out var resolved) || resolved.Scheme is not ("http" or "https"))
            return null;
        var result = resolved.AbsoluteUri;
        if (!Ascii.IsValid(resolved.Host))
        {
            // Uri writes an international host as it is; browsers ask for its ASCII (punycode) form,
            // and one that has none (U+FFFD, a soft hyphen) is no address at all.
            try
            {
                result = new UriBuilder(resolved) { Host = resolved.IdnHost }.Uri.AbsoluteUri;
            }
            catch (UriFormatException)
            {
                return null;
            }
        }
        // The last word: the string written must itself be read with an allowed scheme.
        return SchemeOf(result) is { } written && _schemes.Contains(written) ? result : null;
    }

    /// <summary>The scheme a browser would read (lowercase), or null for a relative URL.</summary>
    public static string? SchemeOf(string value)
    {
        Span<char> scheme = stackalloc char[MaxSchemeLength];
        var length = 0;
        foreach (var c in value)
        {
            if (IsIgnoredInScheme(c))
                continue;
            if (c == ':')
                return length == 0 ? null : length > MaxSchemeLength ? "(too long)" : new string(scheme[..length]);
            var isSchemeChar = char.IsAsciiLetter(c) || (length > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'));
            if (!isSchemeChar)
                return null;
            if (length < MaxSchemeLength)
                scheme[length] = char.ToLowerInvariant(c);
            length++;
        }
        return null;
    }

    /// <summary>The host of an absolute http(s) URL (as written: compare it ignoring case), or empty.</summary>
    public static ReadOnlySpan<char> Host(string absolute)
    {
        var start = absolute.IndexOf("//", StringComparison.Ordinal);
        if (start < 0)
            return default;
        var authority = absolute.AsSpan(start + 2);
        var end = authority.IndexOfAny('/', '?', '#');
        if (end >= 0)
            authority = authority[..end];
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        var port = authority.LastIndexOf(':');
        return port < 0 ? authority : authority[..port];
    }

    /// <summary>The last path segment of an absolute URL, for recognising placeholder images.</summary>
    public static ReadOnlySpan<char> FileName(string absolute)
    {
        var span = absolute.AsSpan();
        var query = span.IndexOfAny('?', '#');
        if (query >= 0)
            span = span[..query];
        return span[(span.LastIndexOf('/') + 1)..];
    }

    /// <summary>
    /// An http(s) URL that needs no work: written as it is. Only printable ASCII that has no
    /// second reading (no backslash, no quote, no angle bracket, no reference).
    /// </summary>
    private static bool IsPlainAbsolute(string value)
    {
        var offset = value.StartsWith("https://", StringComparison.Ordinal) ? 8
            : value.StartsWith("http://", StringComparison.Ordinal) ? 7
            : 0;
        return offset > 0 && value.Length > offset && IsPlain(value, offset);
    }

    /// <summary>
    /// A protocol-relative URL that resolving would leave as it is (lowercase host name, a path
    /// of letters, digits, '-', '_', '.' and '/' with no dot segments, no query): WordPress
    /// writes image sources this way, and resolving each with <see cref="Uri"/> is costly.
    /// </summary>
    private static bool IsPlainProtocolRelative(string value)
    {
        if (!value.StartsWith("//", StringComparison.Ordinal))
            return false;
        var slash = value.IndexOf('/', 2);
        if (slash < 0 || !IsPlainHost(value.AsSpan(2, slash - 2)))
            return false;
        var path = value.AsSpan(slash);
        return path.IndexOfAnyExcept(PlainPathCharacters) < 0 && !path.Contains("/.", StringComparison.Ordinal);
    }

    /// <summary>Dot-separated labels of lowercase letters, digits and '-', the last of letters only (no IP address, no port, no user).</summary>
    private static bool IsPlainHost(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty)
            return false;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-')
                return false;
            foreach (var c in label)
            {
                if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
                    return false;
            }
        }
        return host[(host.LastIndexOf('.') + 1)..].IndexOfAnyExceptInRange('a', 'z') < 0;
    }

    private static bool IsPlain(string value, int from)
    {
        for (var i = from; i < value.Length; i++)
        {
            var c = value[i];
            if (c <= ' ' || c >= '\u007f' || c is '\\' or '"' or '<' or '>' or '`' or '\'')
                return false;
        }
        return true;
    }

    /// <summary>What a browser drops before reading a URL: surrounding spaces and controls, and tabs and newlines anywhere.</summary>
    private static string TrimForParsing(string value)
    {
        var span = value.AsSpan().Trim(" \t\n\r\f\v\0");
        if (span.IndexOfAny('\t', '\n', '\r') < 0 && !HasControl(span))
            return span.Length == value.Length ? value : span.ToString();
        var result = new StringBuilder(span.Length);
        foreach (var c in span)
        {
            if (!char.IsControl(c))
                result.Append(c);
        }
        return result.ToString().Trim();
    }

    private static bool HasControl(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsControl(c))
                return true;
        }
        return false;
    }

    /// <summary>Whitespace, controls and invisible format characters are not part of the scheme a URL is judged by.</summary>
    private static bool IsIgnoredInScheme(char c) =>
        c <= ' ' || char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
}
