using System.Collections.Immutable;

namespace CxFeed.Core.Cleaning;

/// <summary>Makes post HTML safe and portable for any reader. (Contract; the cleaner issue implements it.)</summary>
public sealed class HtmlCleaner
{
    /// <summary>
    /// Cleans an HTML fragment, or a whole page (then its body), making every URL absolute against
    /// <paramref name="baseUrl"/>. The same input and base always give the same output.
    /// </summary>
    public CleanedHtml Clean(string html, Uri baseUrl) => throw new NotImplementedException();
}

/// <summary>The cleaned HTML (polyglot: well-formed XML inside one root, and HTML) and what had to be cut or could not be kept.</summary>
public sealed record CleanedHtml(string Html, ImmutableArray<string> Problems);
