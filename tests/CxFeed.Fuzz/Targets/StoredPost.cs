using System.Runtime.InteropServices;
using CxFeed.Core.Content;
using CxFeed.Core.Content.WordPress;
using CxFeed.Core.Store;

namespace CxFeed.Fuzz.Targets;

/// <summary>
/// A post a WordPress source took, as the store keeps it: the page <see cref="StoredPage"/>
/// writes, read back by the page reader with the store's body selector, as every rebuild does.
/// </summary>
internal static class StoredPost
{
    private static readonly PostReader Reader = new(new ContentOptions { Source = ContentOptions.WordPressSourceName }, PageTarget.Site);

    public static void RequireReadBack(WordPressPost post)
    {
        var name = PostStore.PageName(post.Id);
        var page = new PostPage(name, post.Link, ImmutableCollectionsMarshal.AsImmutableArray(StoredPage.Render(post)));
        PageTarget.RequireReading(Reader.Read(page), name);
    }
}
