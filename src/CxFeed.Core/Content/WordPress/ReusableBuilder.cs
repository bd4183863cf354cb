using System.Text;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// One <see cref="StringBuilder"/> per thread, lent in turn to the rendering steps that rewrite a
/// whole post (wptexturize, each wpautop step, the shortcodes): a new builder for each step would
/// allocate the post's size twice per step, the builder's buffer and then its string. A step that
/// asks while another holds it (a shortcode rendered inside a shortcode) gets a builder of its own.
/// </summary>
internal static class ReusableBuilder
{
    /// <summary>A builder that grew past this many characters is let go rather than kept for the thread.</summary>
    private const int MaxKept = 1 << 20;

    [ThreadStatic]
    private static StringBuilder? _kept;

    public static StringBuilder Take(int capacity)
    {
        var builder = _kept;
        if (builder is null || capacity > MaxKept)
            return new StringBuilder(capacity);
        _kept = null;
        builder.Clear();
        builder.EnsureCapacity(capacity);
        return builder;
    }

    /// <summary>The builder's text; the builder goes back to the thread.</summary>
    public static string Release(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= MaxKept)
            _kept = builder;
        return text;
    }
}
