namespace CxFeed.Core.Excerpts;

/// <summary>One thing a <see cref="TextSink"/> was given by the walk: an element entered or left, or text.</summary>
internal readonly record struct ReadingEvent(MarkupNode? Element, bool IsBlock, bool IsLeave, string? Text)
{
    public static ReadingEvent Enter(MarkupNode element, bool isBlock) => new(element, isBlock, IsLeave: false, Text: null);

    public static ReadingEvent Leave(MarkupNode element, bool isBlock) => new(element, isBlock, IsLeave: true, Text: null);

    public static ReadingEvent Of(string text) => new(null, IsBlock: false, IsLeave: false, text);

    /// <summary>Gives the event to <paramref name="sink"/>; false when it wants no more.</summary>
    public bool SendTo(TextSink sink)
    {
        if (Text is not null)
            return sink.Text(Text);
        if (IsLeave)
            sink.Leave(Element!, IsBlock);
        else
            sink.Enter(Element!, IsBlock);
        return true;
    }
}
