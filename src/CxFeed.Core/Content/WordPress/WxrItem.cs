using System.Collections.Immutable;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// What reading an export gives, in file order: a published post (with the warnings about it), or
/// problems alone (an item that could not be used, a file that stopped reading). Problems name the
/// file and the post: <c>export.xml, post 4215</c>. <paramref name="LeftOut"/> is the id of a post
/// the export has but that could not be used (a store keeps its last good version).
/// </summary>
public sealed record WxrItem(WordPressPost? Post, ImmutableArray<Problem> Problems, long? LeftOut = null);

/// <summary>The reasons the export reader gives, in one place so that docs/sources.md can list them all.</summary>
internal static class WxrReasons
{
    public const string Doctype =
        "is refused: it declares a DTD (<!DOCTYPE>), which could define entities; a WordPress export never has one, and nothing of it is expanded or read";

    public const string NotAnExport = "is not a WordPress export: its root is not <rss> with a <channel>";

    public static string StoppedReading(string message, string where, int kept) =>
        $"stopped reading {where}: {message}; the {kept} post{(kept == 1 ? "" : "s")} before it in this file {(kept == 1 ? "is" : "are")} kept";

    public static string Unreadable(string error) => $"could not be read: {error}";

    public const string NoId = "has no usable <wp:post_id>";

    public static string BadLink(string value) => $"has no usable <link> '{value}' (not an absolute http(s) URL)";

    public static string BadDate(string date, string dateGmt) =>
        $"has no usable publication date (wp:post_date_gmt '{dateGmt}', wp:post_date '{date}')";

    public static string NoHome => "has no blog address for its shortlink: the export has no <wp:base_blog_url>, <link> or <wp:base_site_url>";

    public static string MissingThumbnail(string id) => $"names a featured image (attachment {id}) that is not in the export; published without one";

    public static string UnknownAuthor(string login) => $"has the author login '{login}', which no <wp:author> of the export names; the login is shown";
}
