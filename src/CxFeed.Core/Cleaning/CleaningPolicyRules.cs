using CxFeed.Core.Html;

namespace CxFeed.Core.Cleaning;

/// <summary>
/// What no policy may say, whatever configuration asks: allowing an element or attribute that
/// runs script or loads another document, or a scheme that runs script, would reopen the hole
/// the cleaner closes.
/// </summary>
internal static class CleaningPolicyRules
{
    public static readonly IReadOnlySet<string> NeverAllowedElements = new HashSet<string>(
        ["script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg",
         "math", "base", "meta", "link", "title", "head", "form", "input", "button", "select", "option", "textarea",
         "noscript", "noembed", "noframes", "xmp", "plaintext", "listing", "portal", "fencedframe", "video", "audio",
         "source", "track", "canvas", "html", "body", "xml", "isindex", "keygen", "area", "map"],
        StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlySet<string> NeverAllowedAttributes = new HashSet<string>(
        ["style", "srcdoc", "formaction", "action", "background", "lowsrc", "dynsrc", "ping", "xmlns", "is", "slot",
         "popover", "popovertarget", "autofocus", "contenteditable", "target", "usemap", "data"],
        StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlySet<string> NeverAllowedSchemes = new HashSet<string>(
        ["javascript", "vbscript", "livescript", "data", "blob", "file", "filesystem"], StringComparer.OrdinalIgnoreCase);

    public const int MaxDepthCeiling = 4096;

    /// <summary>Each problem: the policy property it is about and what is wrong.</summary>
    public static IEnumerable<(string Property, string Reason)> Check(CleaningPolicy policy)
    {
        foreach (var element in policy.AllowedElements.Where(NeverAllowedElements.Contains).Order(StringComparer.Ordinal))
            yield return (nameof(policy.AllowedElements), $"'{element}' can run script, load another document or take input, and is never allowed");
        foreach (var (element, attributes) in policy.AllowedAttributes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (var attribute in attributes.Where(IsNeverAllowedAttribute))
                yield return (nameof(policy.AllowedAttributes), $"'{attribute}' on '{element}' can run script or load content, and is never allowed");
        }
        foreach (var (from, to) in policy.RenamedElements.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (NeverAllowedElements.Contains(to))
                yield return (nameof(policy.RenamedElements), $"'{from}' cannot become '{to}', which is never allowed");
        }
        foreach (var scheme in policy.UrlSchemes.Where(NeverAllowedSchemes.Contains).Order(StringComparer.Ordinal))
            yield return (nameof(policy.UrlSchemes), $"'{scheme}:' URLs can run script, and are never allowed");
        foreach (var selector in policy.ChromeSelectors)
        {
            if (!CssSelector.TryParse(selector, out _, out var error))
                yield return (nameof(policy.ChromeSelectors), error);
        }
        foreach (var conversion in policy.Conversions)
        {
            if (!CssSelector.TryParse(conversion.Selector, out _, out var error))
                yield return (nameof(policy.Conversions), error);
            if (NeverAllowedElements.Contains(conversion.Element))
                yield return (nameof(policy.Conversions), $"'{conversion.Selector}' cannot become '{conversion.Element}', which is never allowed");
        }
        if (policy.MaxDepth is < 1 or > MaxDepthCeiling)
            yield return (nameof(policy.MaxDepth), $"{policy.MaxDepth} is not between 1 and {MaxDepthCeiling}");
        if (policy.MaxInputChars < 1)
            yield return (nameof(policy.MaxInputChars), $"{policy.MaxInputChars} is not a positive number of characters");
    }

    private static bool IsNeverAllowedAttribute(string name) =>
        NeverAllowedAttributes.Contains(name)
        || name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
        || name.Contains(':');
}
