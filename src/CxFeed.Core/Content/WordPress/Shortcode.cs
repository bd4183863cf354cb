using System.Text.RegularExpressions;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// One shortcode as written in a post: <c>[name attributes]</c>, <c>[name /]</c> or
/// <c>[name attributes]content[/name]</c>, from <see cref="Start"/> to <see cref="End"/> in the text.
/// An escaped one (<c>[[name]]</c>) shows as itself with one pair of brackets less.
/// </summary>
internal sealed partial record Shortcode(
    string Name,
    string AttributeText,
    string? Content,
    bool Escaped,
    int Start,
    int End)
{
    private IReadOnlyDictionary<string, string>? _attributes;

    /// <summary>The named attributes, read when first asked for: unwrapping a paragraph or telling a core shortcode needs none.</summary>
    public IReadOnlyDictionary<string, string> Attributes => _attributes ??= ParseAttributes(AttributeText);

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    /// <summary>
    /// The shortcode that starts at <paramref name="start"/> (a <c>[</c>), found as WordPress's
    /// pattern finds one: the opening tag runs to the first <c>]</c> (a <c>/</c> before it makes
    /// it self-closing); otherwise it encloses everything up to the first <c>[/name]</c> after
    /// it, or nothing when there is none. Null when no shortcode name follows the bracket.
    /// </summary>
    public static Shortcode? At(string text, int start)
    {
        var position = start + 1;
        var escaped = position < text.Length && text[position] == '[';
        if (escaped)
            position++;
        var nameStart = position;
        while (position < text.Length && IsNameCharacter(text[position]))
            position++;
        if (position == nameStart || position >= text.Length || !IsNameStart(text[nameStart]))
            return null;
        var name = text[nameStart..position];
        var close = text.IndexOf(']', position);
        if (close < 0 || !(char.IsWhiteSpace(text[position]) || text[position] is ']' or '/'))
            return null;
        var selfClosing = text[close - 1] == '/';
        var attributeText = text[position..(selfClosing ? close - 1 : close)];
        if (attributeText.Contains('['))
            return null;
        var end = close + 1;
        string? content = null;
        if (!selfClosing)
        {
            var closingTag = $"[/{name}]";
            var closing = text.IndexOf(closingTag, end, StringComparison.Ordinal);
            if (closing >= 0)
            {
                content = text[end..closing];
                end = closing + closingTag.Length;
            }
        }
        if (escaped)
        {
            // [[name]] is the shortcode shown as text; a lone [[name] is not a shortcode at all.
            if (end >= text.Length || text[end] != ']')
                return null;
            end++;
        }
        return new Shortcode(name, attributeText, content, escaped, start, end);
    }

    /// <summary>The written shortcode, one bracket pair less: what WordPress shows for an escaped one.</summary>
    public string Unescaped(string text) => text[(Start + 1)..(End - 1)];

    /// <summary>Named attributes as WordPress reads them: <c>name="value"</c>, <c>name='value'</c>, <c>name=value</c> (bare values by position are skipped: no shortcode rendered here uses them).</summary>
    private static Dictionary<string, string> ParseAttributes(string text)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        // WordPress turns no-break and zero-width spaces between attributes into plain spaces first.
        text = text.Replace('\u00A0', ' ').Replace("\u200B", " ", StringComparison.Ordinal);
        foreach (Match match in AttributePattern().Matches(text))
        {
            if (match.Groups["name"].Success)
                named[match.Groups["name"].Value.ToLowerInvariant()] = match.Groups["value"].Value;
        }
        return named;
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    [GeneratedRegex("""(?<name>[-a-zA-Z0-9_]+)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s'"]+))|"(?<bare>[^"]*)"|'(?<bare>[^']*)'|(?<bare>[^\s'"]+)""")]
    private static partial Regex AttributePattern();
}
