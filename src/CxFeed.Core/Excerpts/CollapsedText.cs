using System.Text;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// The plain text of a cleaned tree, collapsed (see <see cref="TextSink"/>), up to a limit, and a
/// record of what the walk gave it: the HTML form is written from that record, with no second
/// walk over the tree.
/// </summary>
internal sealed class CollapsedText(int limit) : TextSink(limit)
{
    // Sized for an excerpt's worth of text, so that neither grows while it is read.
    private readonly StringBuilder _text = new(Math.Min(limit, 1024));
    private readonly List<ReadingEvent> _events = new(128);

    public string Value => _text.ToString();

    /// <summary>Everything the walk gave, in order, up to where the sink stopped it.</summary>
    public IReadOnlyList<ReadingEvent> Events => _events;

    public override void Enter(MarkupNode element, bool isBlock)
    {
        _events.Add(ReadingEvent.Enter(element, isBlock));
        base.Enter(element, isBlock);
    }

    public override void Leave(MarkupNode element, bool isBlock)
    {
        _events.Add(ReadingEvent.Leave(element, isBlock));
        base.Leave(element, isBlock);
    }

    public override bool Text(string text)
    {
        _events.Add(ReadingEvent.Of(text));
        return base.Text(text);
    }

    protected override void Accept(ReadOnlySpan<char> characters) => _text.Append(characters);

    protected override void Separated(string whitespace, bool fromText) => _text.Append(whitespace);
}
