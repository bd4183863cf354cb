using System.Runtime.InteropServices;
using CxFeed.Core;
using CxFeed.Core.Content;

namespace CxFeed.Fuzz.Targets;

/// <summary>
/// The page reader (<see cref="PostReader"/>) on the bytes of a page, as a folder source gives
/// them: the charset prescan and decoding, the metadata (canonical link, og and article tags,
/// JSON-LD, dates, authors, title) and the body. No exception escapes; a page that gives no post
/// says why; every problem names the page; a post has an absolute http(s) address and a more
/// marker inside its body.
/// </summary>
public sealed class PageTarget : FuzzTarget
{
    private const string PageName = "2024/05/a-post.html";

    private static readonly Uri Address = new("https://blog.example/2024/05/a-post/");

    private static readonly PostReader Reader = new(new ContentOptions(), Site);

    internal static SiteOptions Site => new() { Title = "A blog", BaseUrl = "https://blog.example/", TimeZone = "UTC" };

    public override string Name => "page";

    public override void Check(byte[] input) =>
        RequireReading(Reader.Read(new PostPage(PageName, Address, ImmutableCollectionsMarshal.AsImmutableArray(input))), PageName);

    /// <summary>What every reading of a page must be, whatever its bytes.</summary>
    internal static void RequireReading(PostReading reading, string name)
    {
        Require(reading.Post is not null || reading.Problems.Length > 0, "a page that gives no post says why");
        foreach (var problem in reading.Problems)
            Require(problem.Subject == name && problem.Reason.Length > 0, $"a problem names the page and says something: {problem}");
        if (reading.Post is not { } post)
            return;
        Require(post.CanonicalUrl.IsAbsoluteUri && post.CanonicalUrl.Scheme is "http" or "https", $"a post's address is absolute http(s): {post.CanonicalUrl}");
        Require(post.MoreMarker is null || (post.MoreMarker >= 0 && post.MoreMarker <= post.BodyHtml.Length), $"the more marker {post.MoreMarker} lies in the body of {post.BodyHtml.Length} characters");
    }
}
