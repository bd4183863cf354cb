using System.Text;

namespace CxFeed.Core.Excerpts;

/// <summary>The plain text of a cleaned tree, collapsed (see <see cref="TextSink"/>), up to a limit.</summary>
internal sealed class CollapsedText(int limit) : TextSink(limit)
{
    private readonly StringBuilder _text = new();

    public string Value => _text.ToString();

    protected override void Accept(ReadOnlySpan<char> characters) => _text.Append(characters);

    protected override void Separated(string whitespace, bool fromText) => _text.Append(whitespace);
}
