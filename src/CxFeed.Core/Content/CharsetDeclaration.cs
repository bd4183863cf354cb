using System.Text;

namespace CxFeed.Core.Content;

/// <summary>
/// Finds the charset a page declares, reading its bytes as ASCII before decoding them: the
/// WHATWG "prescan" (<c>&lt;meta charset&gt;</c>, or <c>&lt;meta http-equiv="Content-Type"
/// content="…; charset=…"&gt;</c>; comments skipped, quoted attribute values respected). Browsers
/// prescan 1,024 bytes and then still honour a later declaration by reparsing; this scan goes on to
/// the <c>&lt;body&gt;</c> start tag so that a declaration anywhere in the head counts.
/// </summary>
internal static class CharsetDeclaration
{
    /// <summary>
    /// The labels declared before <c>&lt;body&gt;</c>, as written, in document order: the first
    /// that names a usable encoding wins (as in the prescan, an unusable one is passed over).
    /// </summary>
    public static List<string> Find(ReadOnlySpan<byte> bytes)
    {
        var labels = new List<string>();
        var position = 0;
        while (position < bytes.Length)
        {
            var next = bytes[position..].IndexOf((byte)'<');
            if (next < 0)
                break;
            position += next;
            var rest = bytes[position..];
            if (rest.StartsWith("<!--"u8))
            {
                var end = rest[2..].IndexOf("-->"u8);
                if (end < 0)
                    break;
                position += 2 + end + 3;
                continue;
            }
            var isEndTag = rest.Length > 1 && rest[1] == '/';
            var nameStart = isEndTag ? 2 : 1;
            if (rest.Length > nameStart && IsAsciiLetter(rest[nameStart]))
            {
                var nameLength = 0;
                while (nameStart + nameLength < rest.Length && !IsSpace(rest[nameStart + nameLength]) && rest[nameStart + nameLength] is not (byte)'/' and not (byte)'>')
                    nameLength++;
                var name = Encoding.ASCII.GetString(rest.Slice(nameStart, nameLength)).ToLowerInvariant();
                if (!isEndTag && name == "body")
                    break;
                var attributes = ReadAttributes(bytes, position + nameStart + nameLength, out position);
                if (!isEndTag && name == "meta" && FromMeta(attributes) is { Length: > 0 } label)
                    labels.Add(label);
                continue;
            }
            if (rest.Length > 1 && rest[1] is (byte)'!' or (byte)'/' or (byte)'?')
            {
                var end = rest.IndexOf((byte)'>');
                if (end < 0)
                    break;
                position += end + 1;
                continue;
            }
            position++;
        }
        return labels;
    }

    /// <summary>WHATWG: a <c>charset</c> attribute wins; else <c>content</c> counts only beside <c>http-equiv="content-type"</c>.</summary>
    private static string? FromMeta(List<(string Name, string Value)> attributes)
    {
        string? charset = null;
        string? content = null;
        var pragma = false;
        foreach (var (name, value) in attributes)
        {
            switch (name)
            {
                case "charset":
                    charset ??= value;
                    break;
                case "content":
                    content ??= value;
                    break;
                case "http-equiv":
                    pragma |= value.Trim().Equals("content-type", StringComparison.OrdinalIgnoreCase);
                    break;
            }
        }
        if (charset is not null)
            return charset.Trim();
        return pragma && content is not null ? FromContent(content) : null;
    }

    /// <summary>The charset in a Content-Type value such as <c>text/html; charset="windows-1252"</c>.</summary>
    private static string? FromContent(string content)
    {
        var at = 0;
        while ((at = content.IndexOf("charset", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var i = at + "charset".Length;
            while (i < content.Length && char.IsWhiteSpace(content[i]))
                i++;
            if (i >= content.Length || content[i] != '=')
            {
                at = i;
                continue;
            }
            i++;
            while (i < content.Length && char.IsWhiteSpace(content[i]))
                i++;
            if (i < content.Length && content[i] is '"' or '\'')
            {
                var end = content.IndexOf(content[i], i + 1);
                return end < 0 ? null : content[(i + 1)..end];
            }
            var start = i;
            while (i < content.Length && !char.IsWhiteSpace(content[i]) && content[i] != ';')
                i++;
            return i > start ? content[start..i] : null;
        }
        return null;
    }

    /// <summary>Reads attributes from <paramref name="start"/> to the tag's <c>&gt;</c>; <paramref name="end"/> is just past it.</summary>
    private static List<(string Name, string Value)> ReadAttributes(ReadOnlySpan<byte> bytes, int start, out int end)
    {
        var attributes = new List<(string, string)>();
        var i = start;
        while (i < bytes.Length)
        {
            while (i < bytes.Length && (IsSpace(bytes[i]) || bytes[i] == '/'))
                i++;
            if (i >= bytes.Length || bytes[i] == '>')
                break;
            var nameStart = i;
            while (i < bytes.Length && !IsSpace(bytes[i]) && bytes[i] is not (byte)'/' and not (byte)'>' and not (byte)'=')
                i++;
            var name = Encoding.ASCII.GetString(bytes[nameStart..i]).ToLowerInvariant();
            while (i < bytes.Length && IsSpace(bytes[i]))
                i++;
            var value = "";
            if (i < bytes.Length && bytes[i] == '=')
            {
                i++;
                while (i < bytes.Length && IsSpace(bytes[i]))
                    i++;
                if (i < bytes.Length && bytes[i] is (byte)'"' or (byte)'\'')
                {
                    var quote = bytes[i];
                    var close = bytes[(i + 1)..].IndexOf(quote);
                    var valueEnd = close < 0 ? bytes.Length : i + 1 + close;
                    value = Encoding.ASCII.GetString(bytes[(i + 1)..valueEnd]);
                    i = Math.Min(valueEnd + 1, bytes.Length);
                }
                else
                {
                    var valueStart = i;
                    while (i < bytes.Length && !IsSpace(bytes[i]) && bytes[i] != '>')
                        i++;
                    value = Encoding.ASCII.GetString(bytes[valueStart..i]);
                }
            }
            if (name.Length > 0)
                attributes.Add((name, value));
        }
        end = Math.Min(i + 1, bytes.Length);
        return attributes;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';

    private static bool IsAsciiLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';
}
