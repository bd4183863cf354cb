using System.Collections.Frozen;
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
    private readonly SubjectIndex _index;
    private readonly Compound[] _onAttributesAlone;

    private CssSelector(string text, ImmutableArray<Complex> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
        _index = new SubjectIndex(alternatives);
        _onAttributesAlone = [.. alternatives.Where(complex => complex.Steps is [{ Id: null, Classes.Length: 0, Attributes.Length: > 0 }]).Select(complex => complex.Steps[0])];
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

    /// <summary>
    /// Whether <paramref name="node"/> matches any alternative. Only the alternatives whose last
    /// step could match are tried, found by the node's tag, id and classes (as browsers index
    /// rules), so a long list of selectors costs little per element.
    /// </summary>
    public bool Matches(HtmlNode node) => node.NodeType == HtmlNodeType.Element && _index.Matches(node);

    /// <summary>
    /// Whether an element named <paramref name="tag"/> with only <paramref name="attributes"/>
    /// (decoded values, the first of each name counting) matches an alternative that is one step
    /// of a tag and attribute tests (<c>a[href*='#more-']</c>). The cleaner asks this of what it is
    /// about to write: the next cleaning reads those values, not the ones the page had.
    /// </summary>
    public bool MatchesAttributes(string tag, IReadOnlyList<(string Name, string Value)> attributes)
    {
        foreach (var compound in _onAttributesAlone)
        {
            if (compound.Tag is not null && !string.Equals(compound.Tag, tag, StringComparison.OrdinalIgnoreCase))
                continue;
            var all = true;
            foreach (var test in compound.Attributes)
            {
                if (!test.Matches(FirstValue(attributes, test.Name)))
                {
                    all = false;
                    break;
                }
            }
            if (all)
                return true;
        }
        return false;
    }

    private static string? FirstValue(IReadOnlyList<(string Name, string Value)> attributes, string name)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Name == name)
                return attributes[i].Value;
        }
        return null;
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
            var attribute = FirstAttribute(node, Name);
            if (attribute is null)
                return false;
            // Decoding copies the value character by character: only worth it when there is a reference.
            return Matches(attribute.Value is { } raw && raw.Contains('&') ? attribute.DeEntitizeValue ?? "" : attribute.Value ?? "");
        }

        /// <summary>The test on a decoded value; null when the element has no such attribute.</summary>
        public bool Matches(string? value)
        {
            if (value is null)
                return false;
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
            if (Id is not null && FirstAttribute(node, "id")?.Value != Id)
                return false;
            if (Classes.Length > 0)
            {
                var classes = FirstAttribute(node, "class")?.Value ?? "";
                foreach (var name in Classes)
                {
                    if (!HasClass(classes, name))
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

    /// <summary>Whether the whitespace-separated list <paramref name="classes"/> holds <paramref name="name"/>, without splitting it.</summary>
    internal static bool HasClass(string classes, string name)
    {
        for (var at = classes.IndexOf(name, StringComparison.Ordinal); at >= 0; at = classes.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || IsWhitespace(classes[at - 1])) && (end == classes.Length || IsWhitespace(classes[end])))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The first attribute of that name, as browsers (and the cleaner, which writes the first)
    /// read a repeated one; HtmlAgilityPack's lookup by name gives the last. Matching the last
    /// kept <c>&lt;a href="…#more-1" href="/x"&gt;</c> from the "Read more" rule, then the
    /// cleaned copy with only the first href was removed: cleaning twice differed.
    /// </summary>
    internal static HtmlAttribute? FirstAttribute(HtmlNode node, string name)
    {
        if (!node.HasAttributes)
            return null;
        // By index: the collection's enumerator is boxed behind an interface.
        var attributes = node.Attributes;
        for (var a = 0; a < attributes.Count; a++)
        {
            if (attributes[a].Name == name)
                return attributes[a];
        }
        return null;
    }

    private static bool IsWhitespace(char c) => Array.IndexOf(HtmlTree.Whitespace, c) >= 0;

    /// <summary>The alternatives grouped by what their last step needs: a class, an id, a tag, or nothing in particular.</summary>
    private sealed class SubjectIndex
    {
        private readonly FrozenDictionary<string, Complex[]> _byClass;
        private readonly FrozenDictionary<string, Complex[]>.AlternateLookup<ReadOnlySpan<char>> _byClassSpan;
        private readonly FrozenDictionary<string, Complex[]> _byId;
        private readonly FrozenDictionary<string, Complex[]> _byTag;
        private readonly Complex[] _others;

        public SubjectIndex(ImmutableArray<Complex> alternatives)
        {
            var byClass = new Dictionary<string, List<Complex>>(StringComparer.Ordinal);
            var byId = new Dictionary<string, List<Complex>>(StringComparer.Ordinal);
            var byTag = new Dictionary<string, List<Complex>>(StringComparer.Ordinal);
            var others = new List<Complex>();
            foreach (var complex in alternatives)
            {
                var subject = complex.Steps[^1];
                if (subject.Classes.Length > 0)
                    Add(byClass, subject.Classes[0], complex);
                else if (subject.Id is not null)
                    Add(byId, subject.Id, complex);
                else if (subject.Tag is not null)
                    Add(byTag, subject.Tag, complex);
                else
                    others.Add(complex);
            }
            _byClass = Freeze(byClass);
            _byClassSpan = _byClass.GetAlternateLookup<ReadOnlySpan<char>>();
            _byId = Freeze(byId);
            _byTag = Freeze(byTag);
            _others = [.. others];
        }

        public bool Matches(HtmlNode node)
        {
            if (AnyMatches(_others, node))
                return true;
            if (_byTag.Count > 0 && _byTag.TryGetValue(node.Name, out var byTag) && AnyMatches(byTag, node))
                return true;
            if (!node.HasAttributes)
                return false;
            if (_byId.Count > 0 && FirstAttribute(node, "id")?.Value is { } id && _byId.TryGetValue(id, out var byId) && AnyMatches(byId, node))
                return true;
            if (_byClass.Count == 0 || FirstAttribute(node, "class")?.Value is not { } classes)
                return false;
            foreach (var range in classes.AsSpan().SplitAny(HtmlTree.Whitespace))
            {
                var name = classes.AsSpan(range);
                if (name.Length > 0 && _byClassSpan.TryGetValue(name, out var byClass) && AnyMatches(byClass, node))
                    return true;
            }
            return false;
        }

        private static bool AnyMatches(Complex[] alternatives, HtmlNode node)
        {
            foreach (var complex in alternatives)
            {
                if (complex.Matches(node))
                    return true;
            }
            return false;
        }

        private static void Add(Dictionary<string, List<Complex>> index, string key, Complex complex)
        {
            if (!index.TryGetValue(key, out var list))
                index[key] = list = [];
            list.Add(complex);
        }

        private static FrozenDictionary<string, Complex[]> Freeze(Dictionary<string, List<Complex>> index) =>
            index.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
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
