using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using static CxFeed.Core.Html.CssSelector;

namespace CxFeed.Core.Html;

/// <summary>Reads one comma-free part of a <see cref="CssSelector"/>.</summary>
internal static class SelectorParser
{
    public static bool TryParseComplex(string text, [NotNullWhen(true)] out Complex? complex, out string error)
    {
        complex = null;
        var steps = ImmutableArray.CreateBuilder<Compound>();
        var position = 0;
        while (true)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
                position++;
            if (position == text.Length)
                break;
            if (!TryParseCompound(text, ref position, out var compound, out error))
                return false;
            steps.Add(compound);
        }
        if (steps.Count == 0)
        {
            error = "an empty part between commas";
            return false;
        }
        complex = new Complex(steps.ToImmutable());
        error = "";
        return true;
    }

    private static bool TryParseCompound(string text, ref int position, [NotNullWhen(true)] out Compound? compound, out string error)
    {
        compound = null;
        string? tag = null;
        string? id = null;
        var classes = ImmutableArray.CreateBuilder<string>();
        var attributes = ImmutableArray.CreateBuilder<AttributeTest>();
        if (text[position] == '*')
            position++;
        else if (IsNameChar(text[position]))
            tag = ReadName(text, ref position).ToLowerInvariant();
        while (position < text.Length && !char.IsWhiteSpace(text[position]))
        {
            var c = text[position++];
            switch (c)
            {
                case '.':
                    var className = ReadName(text, ref position);
                    if (className.Length == 0)
                        return Fail("a '.' with no class name", out error);
                    classes.Add(className);
                    break;
                case '#':
                    id = ReadName(text, ref position);
                    if (id.Length == 0)
                        return Fail("a '#' with no id", out error);
                    break;
                case '[':
                    if (!TryParseAttribute(text, ref position, out var test, out error))
                        return false;
                    attributes.Add(test);
                    break;
                default:
                    return Fail($"'{c}' is not supported (only type, .class, #id, [attribute] and descendant selectors are)", out error);
            }
        }
        compound = new Compound(tag, id, classes.ToImmutable(), attributes.ToImmutable());
        error = "";
        return true;
    }

    private static bool TryParseAttribute(string text, ref int position, [NotNullWhen(true)] out AttributeTest? test, out string error)
    {
        test = null;
        var name = ReadName(text, ref position).ToLowerInvariant();
        if (name.Length == 0)
            return Fail("an attribute selector with no name", out error);
        if (position < text.Length && text[position] == ']')
        {
            position++;
            test = new AttributeTest(name, AttributeOperator.Exists, "");
            error = "";
            return true;
        }
        var op = AttributeOperator.Equals;
        if (position < text.Length && "~^$*".Contains(text[position]))
        {
            op = text[position] switch
            {
                '~' => AttributeOperator.Includes,
                '^' => AttributeOperator.Prefix,
                '$' => AttributeOperator.Suffix,
                _ => AttributeOperator.Contains,
            };
            position++;
        }
        if (position >= text.Length || text[position] != '=')
            return Fail($"attribute selector [{name}…] is not closed or has an unknown operator", out error);
        position++;
        string value;
        if (position < text.Length && text[position] is '"' or '\'')
        {
            var quote = text[position++];
            var end = text.IndexOf(quote, position);
            if (end < 0)
                return Fail($"attribute selector [{name}…] has an unclosed quote", out error);
            value = text[position..end];
            position = end + 1;
        }
        else
        {
            value = ReadName(text, ref position);
        }
        if (position >= text.Length || text[position] != ']')
            return Fail($"attribute selector [{name}…] is not closed", out error);
        position++;
        test = new AttributeTest(name, op, value);
        error = "";
        return true;
    }

    private static string ReadName(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && IsNameChar(text[position]))
            position++;
        return text[start..position];
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or ':';

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
