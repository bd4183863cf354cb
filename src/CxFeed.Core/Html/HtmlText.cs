using System.Text;

namespace CxFeed.Core.Html;

/// <summary>Text made safe to place in HTML as text or in a quoted attribute: only &amp;, &lt;, &gt; and &quot; change.</summary>
public static class HtmlText
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"") < 0)
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => null,
            } ?? (object)c);
        }
        return escaped.ToString();
    }
}
