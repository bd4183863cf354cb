using System.Buffers;
using System.Text;

namespace CxFeed.Core.Html;

/// <summary>Text made safe to place in HTML as text or in a quoted attribute: only &amp;, &lt;, &gt; and &quot; change.</summary>
public static class HtmlText
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"");

    public static string Escape(string text)
    {
        var rest = text.AsSpan();
        var next = rest.IndexOfAny(Special);
        if (next < 0)
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        while (next >= 0)
        {
            escaped.Append(rest[..next]).Append(rest[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&quot;",
            });
            rest = rest[(next + 1)..];
            next = rest.IndexOfAny(Special);
        }
        return escaped.Append(rest).ToString();
    }
}
