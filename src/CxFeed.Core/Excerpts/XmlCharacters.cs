namespace CxFeed.Core.Excerpts;

/// <summary>XML 1.0's Char production, one UTF-16 unit at a time (surrogate pairs are checked by the caller).</summary>
internal static class XmlCharacters
{
    public static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');
}
