using System.Net;

namespace CxFeed.Core.Excerpts;

/// <summary>What a node of an <see cref="ExcerptDocument"/> is.</summary>
internal enum MarkupNodeKind : byte
{
    Element,
    Text,

    /// <summary>A comment, or the root: read past, never read.</summary>
    Other,
}

/// <summary>An attribute as written: its name and its value with character references undecoded.</summary>
internal readonly record struct MarkupAttribute(ReadOnlyMemory<char> Name, ReadOnlyMemory<char> RawValue);

/// <summary>
/// A node of the tree an excerpt is read from: only what the excerpt looks at (names, the
/// attributes as written, text, the links between nodes), much lighter than a parser's node. An
/// element's <see cref="Role"/> is looked up once, when it is made.
/// </summary>
internal sealed class MarkupNode
{
    private static readonly MarkupAttribute[] NoAttributes = [];

    private string? _text;

    private MarkupNode(MarkupNodeKind kind, string name, ExcerptRole role, MarkupAttribute[] attributes, ReadOnlyMemory<char> rawText)
    {
        Kind = kind;
        Name = name;
        Role = role;
        Attributes = attributes;
        RawText = rawText;
    }

    public MarkupNodeKind Kind { get; }

    /// <summary>The element's name, lower case; empty for other nodes.</summary>
    public string Name { get; }

    public ExcerptRole Role { get; }

    /// <summary>The element's attributes in the order written, repeated ones included.</summary>
    public MarkupAttribute[] Attributes { get; }

    /// <summary>The text as written, character references undecoded.</summary>
    public ReadOnlyMemory<char> RawText { get; }

    public MarkupNode? Parent { get; private set; }

    public MarkupNode? FirstChild { get; private set; }

    public MarkupNode? LastChild { get; private set; }

    public MarkupNode? NextSibling { get; private set; }

    public bool IsElement => Kind == MarkupNodeKind.Element;

    /// <summary>The text with its character references decoded, as a parser gives it; decoded once.</summary>
    public string Text => _text ??= Decode(RawText);

    public static MarkupNode Root() => new(MarkupNodeKind.Other, "", ExcerptRole.None, NoAttributes, default);

    public static MarkupNode Element(string name, MarkupAttribute[]? attributes) =>
        new(MarkupNodeKind.Element, name, ExcerptRoles.Of(name), attributes is { Length: > 0 } ? attributes : NoAttributes, default);

    public static MarkupNode TextNode(ReadOnlyMemory<char> rawText) => new(MarkupNodeKind.Text, "", ExcerptRole.None, NoAttributes, rawText);

    public static MarkupNode Comment() => new(MarkupNodeKind.Other, "", ExcerptRole.None, NoAttributes, default);

    public bool Is(ExcerptRole role) => (Role & role) != 0;

    public void Append(MarkupNode child)
    {
        child.Parent = this;
        if (LastChild is null)
            FirstChild = child;
        else
            LastChild.NextSibling = child;
        LastChild = child;
    }

    /// <summary>
    /// The value, undecoded, of the attribute <paramref name="name"/>; when it is repeated, the
    /// last one, as a parser's lookup by name answers.
    /// </summary>
    public string? AttributeValue(string name)
    {
        for (var i = Attributes.Length - 1; i >= 0; i--)
        {
            if (Attributes[i].Name.Span.SequenceEqual(name))
                return Attributes[i].RawValue.ToString();
        }
        return null;
    }

    /// <summary>The node after this one in document order, staying inside <paramref name="root"/>.</summary>
    public MarkupNode? Next(MarkupNode root) => FirstChild ?? NextSkippingChildren(root);

    /// <summary>The node after this one and all it holds, staying inside <paramref name="root"/>.</summary>
    public MarkupNode? NextSkippingChildren(MarkupNode root)
    {
        for (var current = this; current is not null && current != root; current = current.Parent)
        {
            if (current.NextSibling is not null)
                return current.NextSibling;
        }
        return null;
    }

    private static string Decode(ReadOnlyMemory<char> raw)
    {
        var text = raw.ToString();
        return text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
    }
}
