using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using HtmlAgilityPack;

namespace CxFeed.Core.Html;

/// <summary>
/// The small part of CSS selectors that configuration needs to name parts of a page: type
/// (<c>article</c>, <c>*</c>), class (<c>.entry-content</c>), id (<c>#main</c>), attribute
/// (<c>[data-src]</c>, <c>[rel=canonical]</c>, <c>~=</c>, <c>^=</c>, <c>*=</c>, <c>$=</c>),
/// the descendant combinator (a space) and comma-separated lists. Matching walks the tree with
/// loops, never recursion, so a hostile page's depth cannot overflow the stack.
/// </summary>
public sealed class CssSelector
{
    private readonly ImmutableArray<Complex> _alternatives;

    private CssSelector(string text, ImmutableArray<Complex> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    public string Text { get; }

    public override string ToString() => Text;

    public static CssSelector Parse(string text) =>
        TryParse(text, out var selector, out var error) ? selector : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out CssSelector? selector, out string error)
    {
        selector = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a selector must not be empty";
            return false;
        }
        var alternatives = ImmutableArray.CreateBuilder<Complex>();
        foreach (var part in text.Split(','))
        {
            if (!SelectorParser.TryParseComplex(part, out var complex, out var reason))
            {
                error = $"'{text}' is not a supported selector: {reason}";
                return false;
            }
            alternatives.Add(complex);
        }
        selector = new CssSelector(text.Trim(), alternatives.ToImmutable());
        error = "";
        return true;
    }

    public bool Matches(HtmlNode node)
    {
        if (node.NodeType != HtmlNodeType.Element)
            return false;
        foreach (var complex in _alternatives)
        {
            if (complex.Matches(node))
                return true;
        }
        return false;
    }

    /// <summary>Every matching element under <paramref name="root"/> (not itself), in document order.</summary>
    public IEnumerable<HtmlNode> SelectAll(HtmlNode root) => Select(root, outermostOnly: false);

    /// <summary>
    /// The matching elements that are not inside another match, in document order: what to
    /// remove, since removing an element removes what it holds.
    /// </summary>
    public IEnumerable<HtmlNode> SelectOutermost(HtmlNode root) => Select(root, outermostOnly: true);

    public HtmlNode? SelectFirst(HtmlNode root) => SelectAll(root).FirstOrDefault();

    /// <summary>
    /// One pass down the tree carrying, for each alternative, how many of its ancestor steps the
    /// path from the root has matched so far. For chains of descendant steps, matching the
    /// earliest step possible is exact, so each node costs one test per alternative, whatever
    /// the depth.
    /// </summary>
    private IEnumerable<HtmlNode> Select(HtmlNode root, bool outermostOnly)
    {
        var stack = new Stack<(HtmlNode Node, int[] Progress)>();
        var start = new int[_alternatives.Length];
        for (var child = root.LastChild; child is not null; child = child.PreviousSibling)
            stack.Push((child, start));
        while (stack.Count > 0)
        {
            var (node, progress) = stack.Pop();
            if (node.NodeType != HtmlNodeType.Element)
                continue;
            var matched = false;
            int[]? advanced = null;
            for (var i = 0; i < _alternatives.Length; i++)
            {
                var steps = _alternatives[i].Steps;
                if (progress[i] == steps.Length - 1 && steps[^1].Matches(node))
                    matched = true;
                if (progress[i] < steps.Length - 1 && steps[progress[i]].Matches(node))
                {
                    advanced ??= (int[])progress.Clone();
                    advanced[i]++;
                }
            }
            if (matched)
            {
                yield return node;
                if (outermostOnly)
                    continue;
            }
            var next = advanced ?? progress;
            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                stack.Push((child, next));
        }
    }

    internal enum AttributeOperator { Exists, Equals, Includes, Prefix, Suffix, Contains }

    internal sealed record AttributeTest(string Name, AttributeOperator Operator, string Value)
    {
        public bool Matches(HtmlNode node)
        {
            var attribute = node.Attributes[Name];
            if (attribute is null)
                return false;
            var value = attribute.DeEntitizeValue ?? "";
            return Operator switch
            {
                AttributeOperator.Exists => true,
                AttributeOperator.Equals => value == Value,
                AttributeOperator.Includes => value.Split(HtmlTree.Whitespace, StringSplitOptions.RemoveEmptyEntries).Contains(Value),
                AttributeOperator.Prefix => Value.Length > 0 && value.StartsWith(Value, StringComparison.Ordinal),
                AttributeOperator.Suffix => Value.Length > 0 && value.EndsWith(Value, StringComparison.Ordinal),
                AttributeOperator.Contains => Value.Length > 0 && value.Contains(Value, StringComparison.Ordinal),
                _ => false,
            };
        }
    }

    /// <summary>One element test: <c>tag.class#id[attr]</c>.</summary>
    internal sealed record Compound(string? Tag, string? Id, ImmutableArray<string> Classes, ImmutableArray<AttributeTest> Attributes)
    {
        public bool Matches(HtmlNode node)
        {
            if (node.NodeType != HtmlNodeType.Element)
                return false;
            if (Tag is not null && !string.Equals(node.Name, Tag, StringComparison.OrdinalIgnoreCase))
                return false;
            if (Id is not null && node.GetAttributeValue("id", null) != Id)
                return false;
            if (Classes.Length > 0)
            {
                var classes = (node.GetAttributeValue("class", null) ?? "").Split(HtmlTree.Whitespace, StringSplitOptions.RemoveEmptyEntries);
                foreach (var name in Classes)
                {
                    if (!classes.Contains(name))
                        return false;
                }
            }
            foreach (var test in Attributes)
            {
                if (!test.Matches(node))
                    return false;
            }
            return true;
        }
    }

    /// <summary>Compounds joined by descendant combinators, left to right; the last is the subject.</summary>
    internal sealed record Complex(ImmutableArray<Compound> Steps)
    {
        /// <summary>Tests one node alone, walking its ancestors (greedy, nearest first, which is exact).</summary>
        public bool Matches(HtmlNode node)
        {
            if (!Steps[^1].Matches(node))
                return false;
            var step = Steps.Length - 2;
            for (var ancestor = node.ParentNode; ancestor is not null && step >= 0; ancestor = ancestor.ParentNode)
            {
                if (Steps[step].Matches(ancestor))
                    step--;
            }
            return step < 0;
        }
    }
}
