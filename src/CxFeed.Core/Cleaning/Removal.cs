using System.Collections.Immutable;
using System.Globalization;

namespace CxFeed.Core.Cleaning;

/// <summary>Why the cleaner took something out.</summary>
public enum RemovalReason
{
    /// <summary>An element in the policy's dropped set (script, style, form, svg…), with all it held.</summary>
    Dropped,
    /// <summary>An element the policy does not allow: its tags are gone, its content kept.</summary>
    Unwrapped,
    /// <summary>Site chrome matched by a selector (share buttons, related posts, "Read more"), with its content.</summary>
    SiteChrome,
    /// <summary>An HTML comment, including Word's conditional comments.</summary>
    Comment,
    /// <summary>A downlevel-hidden conditional comment (<c>&lt;!--[if gte mso 9]&gt;…&lt;![endif]--&gt;</c>): Word's XML, styles and VML, which browsers never show.</summary>
    WordConditional,
    /// <summary>An attribute the element may not carry (class, style, on*, data-*, target…).</summary>
    AttributeNotAllowed,
    /// <summary>An attribute whose value cannot be kept (a width of "100%", a colspan of 0).</summary>
    InvalidValue,
    /// <summary>A URL with a scheme that is not allowed, or that is not a URL at all; the attribute goes.</summary>
    UrlNotAllowed,
    /// <summary>A lazy-loading placeholder replaced by the image's real source.</summary>
    LazyPlaceholder,
    /// <summary>A noscript copy of an image that is already kept.</summary>
    NoscriptCopy,
    /// <summary>A 1×1 image or an image from a known beacon host.</summary>
    TrackingPixel,
    /// <summary>An image with no usable source.</summary>
    ImageWithoutSource,
    /// <summary>An iframe, embed, video or audio that was replaced by a link to its media.</summary>
    EmbedLinked,
    /// <summary>An iframe, embed, video or audio with no media a reader can link to.</summary>
    EmbedDropped,
    /// <summary>An element left with no content (an empty paragraph, a paragraph of only &amp;nbsp;).</summary>
    Empty,
    /// <summary>Markup where HTML does not allow it (text between table rows, a list inside a paragraph): kept as text where it has any.</summary>
    Misplaced,
    /// <summary>An element nested deeper than the policy's limit, flattened to its content.</summary>
    TooDeep,
    /// <summary>Input past the policy's length limit.</summary>
    TooLong,
}

/// <summary>One thing the cleaner took out, and why: <paramref name="Element"/> and, for an attribute, its name and value.</summary>
public sealed record Removal(RemovalReason Reason, string Element, string? Attribute = null, string? Value = null)
{
    public override string ToString() =>
        Attribute is null ? $"<{Element}> {Reason}" : $"<{Element} {Attribute}=\"{Value}\"> {Reason}";
}

/// <summary>
/// The one place removals go through. Counting is always on (problems come from it); the full
/// list is kept only when a caller asks to see it (<see cref="HtmlCleaner.Explain"/>), so that
/// cleaning a feed does not pay for it.
/// </summary>
internal sealed class RemovalLog(CleaningPolicy policy, bool keepList)
{
    private const int ExamplesKept = 3;
    private const int ExampleLength = 80;

    private static readonly int ReasonCount = Enum.GetValues<RemovalReason>().Length;

    private readonly int[] _counts = new int[ReasonCount];
    private readonly List<Removal>? _removals = keepList ? [] : null;
    private List<string>? _droppedEmbeds;
    private int _textOffered;
    private int _textWritten;

    public void Remove(RemovalReason reason, string element, string? attribute = null, string? value = null)
    {
        _counts[(int)reason]++;
        _removals?.Add(new Removal(reason, element, attribute, value));
        if (reason == RemovalReason.EmbedDropped)
        {
            _droppedEmbeds ??= [];
            if (_droppedEmbeds.Count < ExamplesKept)
                _droppedEmbeds.Add(value is null ? $"<{element}>" : $"<{element}> from {Shorten(value)}");
        }
    }

    /// <summary>
    /// The post's visible text the walk reached (everything but what the policy removes by name:
    /// scripts, styles, site chrome, embeds, dropped elements) and how much of it was written.
    /// </summary>
    public void TextKept(int offered, int written)
    {
        _textOffered = offered;
        _textWritten = written;
    }

    /// <summary>Whether each removal is listed (not only counted): callers skip work that only the list needs.</summary>
    public bool KeepsList => _removals is not null;

    public int Count(RemovalReason reason) => _counts[(int)reason];

    public ImmutableArray<Removal> Removals => _removals is null ? [] : [.. _removals];

    /// <summary>What had to be cut or could not be kept, one line per kind, in a fixed order.</summary>
    public ImmutableArray<string> Problems()
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        if (Count(RemovalReason.TooLong) > 0)
            problems.Add(Invariant($"the HTML is longer than {policy.MaxInputChars:N0} characters; the rest was cut"));
        if (Count(RemovalReason.TooDeep) is var deep and > 0)
            problems.Add(Invariant($"{deep:N0} elements nested deeper than {policy.MaxDepth:N0} were flattened to their text"));
        // A guard for what no rule foresaw: whatever the cause, a post that lost most of its text says so.
        if (_textOffered > 0 && (long)_textWritten * 2 < _textOffered)
            problems.Add(Invariant($"cleaning kept only {_textWritten:N0} of the {_textOffered:N0} characters of visible text (not counting scripts, styles, site chrome and embeds the policy removes): the rest was lost, check the cleaned post and the cleaning settings"));
        if (Count(RemovalReason.EmbedDropped) is var embeds and > 0)
            problems.Add(Invariant($"removed {embeds:N0} embedded frame or media element(s) with nothing to link to: {string.Join(", ", _droppedEmbeds!)}{(embeds > ExamplesKept ? ", …" : "")}"));
        return problems.ToImmutable();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string value) => value.Length <= ExampleLength ? value : value[..ExampleLength] + "…";
}
