using System.Buffers;

namespace CxFeed.Core.Cleaning;

/// <summary>
/// Whether a lazy-loading attribute (<c>data-src</c>, <c>data-lazy-src</c>, <c>data-srcset</c>…)
/// holds an address at all. Themes and plugins also keep JSON, flags and words there
/// (<c>data-src='{"mobile":…}'</c>, <c>data-src="true"</c>), which read as a relative URL would
/// resolve to a page of the blog and replace a good <c>src</c>.
/// </summary>
internal static class LazySource
{
    /// <summary>What no address holds unescaped, but JSON, markup and prose do.</summary>
    private static readonly SearchValues<char> NotInAddress = SearchValues.Create("{}[]\"<>`|^ \t\n\r\f");

    /// <summary>
    /// True when <paramref name="value"/> (decoded) is one address: an absolute or protocol-relative
    /// URL, a path, or a file name — something with a scheme, a slash or a dot, and nothing JSON,
    /// markup or a sentence is made of.
    /// </summary>
    public static bool HoldsUrl(ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        return trimmed.Length > 0 && trimmed[0] != '#' && trimmed.IndexOfAny(NotInAddress) < 0 && trimmed.IndexOfAny('/', '.', ':') >= 0;
    }

    /// <summary>True when <paramref name="value"/> (decoded) is a srcset: candidates separated by commas, with nothing JSON or markup is made of.</summary>
    public static bool HoldsSrcset(ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        return trimmed.Length > 0 && trimmed.IndexOfAny("{}[]\"<>`|^") < 0 && trimmed.IndexOfAny('/', '.') >= 0;
    }
}
