using System.Collections.Immutable;
using CxFeed.Core;
using CxFeed.Core.Content;

namespace CxFeed.Tests.Content;

/// <summary>The seed blog's post pages in the repository, and the site settings they are read with.</summary>
public static class SeedPages
{
    public static readonly SiteOptions Site = new()
    {
        Title = "Heart of the Customer",
        BaseUrl = "https://www.heartofthecustomer.com/",
        Language = "en-US",
        TimeZone = "America/Chicago",
    };

    /// <summary><c>seeds/posts</c> of the checkout the tests were built from.</summary>
    public static string Folder { get; } = Path.Combine(Repository.Root, "seeds", "posts");

    public static async Task<ImmutableArray<PostPage>> ReadAsync()
    {
        var pages = ImmutableArray.CreateBuilder<PostPage>();
        await foreach (var page in new FolderSource(Folder, Site.BaseUri).ReadAsync())
            pages.Add(page);
        return pages.ToImmutable();
    }
}
