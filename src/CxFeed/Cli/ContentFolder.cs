using CxFeed.Core;
using CxFeed.Core.Content;
using CxFeed.Core.Store;

namespace CxFeed.Cli;

/// <summary>
/// The folder of post pages that a verb reads: <c>CxFeed:Content:Path</c> (<c>--content</c>) for
/// the folder source, the store's pages (<c>CxFeed:Content:StorePath</c>) for a live source, which
/// pulls into the store and is then read exactly as a folder.
/// </summary>
public static class ContentFolder
{
    /// <summary>The folder as a source; throws <see cref="SettingsException"/> naming the setting when it is not a folder.</summary>
    public static FolderSource Open(ContentOptions content, SiteOptions site)
    {
        if (content.UsesStore)
        {
            var store = new PostStore(content.StorePath);
            try
            {
                store.Open();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new SettingsException([new Problem($"{ContentOptions.Section}:StorePath", $"'{content.StorePath}' cannot be used as the store ({error.Message})")]);
            }
            return new FolderSource(store.PostsPath, site.BaseUri) { Setting = $"{ContentOptions.Section}:StorePath" };
        }
        if (!Directory.Exists(content.Path))
        {
            throw new SettingsException(
                [new Problem($"{ContentOptions.Section}:Path", $"'{content.Path}' is not a folder ({Path.GetFullPath(content.Path)})")]);
        }
        return new FolderSource(content.Path, site.BaseUri);
    }
}
