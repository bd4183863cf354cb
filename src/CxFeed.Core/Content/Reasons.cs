using System.Collections.Immutable;

namespace CxFeed.Core.Content;

/// <summary>
/// The reasons the reader gives in its problems, in one place so that docs/content.md can list
/// them all. The fatal ones leave the post out; the others keep it.
/// </summary>
internal static class Reasons
{
    // Fatal: the page gives no usable post.

    public static string Unreadable(string error) => $"could not be read: {error}";

    public static string NotHtml(string what) => $"is not HTML: {what}";

    public static string Unparsable(string message) => $"could not be parsed as HTML: {message}";

    public static string NoTitle => $"has no title: none of {Names(Precedence.Title)} gives one";

    public static string NoPublished => $"has no publication date: none of {Names(Precedence.Published)} gives one";

    public static string UnparsablePublished(string value, string source) => $"has an unparsable publication date '{value}' ({source})";

    public static string NoBody(IEnumerable<string> selectors) => $"has no body: nothing matches {string.Join(", ", selectors)}";

    public static string EmptyBody(string selector) => $"has an empty body: {selector} holds no text or media";

    public static string NoRunningText => "has no body: no post container (.entry-content, [itemprop=articleBody], article, main…) holds text, and no part of the page reads as running text";

    public static string NotAPost(string why) => $"is not a single post: {why}";

    public static string DuplicateId(string first, string id) => $"has the same id as {first} ({id})";

    public static string DuplicateCanonical(string first, Uri url) => $"has the same canonical URL as {first} ({url.AbsoluteUri})";

    // Warnings: the post is kept.

    public static string InvalidBytes(int count, string encoding, long firstOffset) =>
        (count == 1 ? $"has a byte sequence that is not valid {encoding}" : $"has {count} byte sequences that are not valid {encoding}")
        + $", replaced by U+FFFD (first at byte {firstOffset})";

    public static string UnsupportedCharset(string label) => $"declares the character encoding '{label}', which cannot be used; read as UTF-8";

    public static string TooDeep(int flattened, int depth) =>
        $"has elements nested more than {depth} deep: {flattened} of them were flattened to their text";

    public static string InvalidJsonLd(int block, string message) => $"ignored JSON-LD block {block}: not valid JSON ({message})";

    public static string IgnoredDate(string field, string value, string source) => $"ignored an unparsable {field} date '{value}' ({source})";

    public static string UpdatedBeforePublished(string updated, string source, string published) =>
        $"ignored the modification date '{updated}' ({source}): it is earlier than the publication date '{published}'";

    public static string PublishedAfterUpdate(string published, string source, string used, string usedSource) =>
        $"has a publication date '{published}' ({source}) later than its modification date: '{used}' ({usedSource}) is used";

    public static string DisagreeingDates(string chosen, string chosenSource, string other, string otherSource) =>
        $"has publication dates that disagree: '{chosen}' ({chosenSource}) is used, not '{other}' ({otherSource})";

    public static string IgnoredUrl(string field, string value, string source) => $"ignored the {field} '{value}' ({source}): not an http(s) URL";

    private static string Names<T>(ImmutableArray<Source<T>> sources) where T : class =>
        string.Join(", ", sources.Select(source => source.Name));
}
