using CxFeed.Core;
using CxFeed.Core.Content;

namespace CxFeed.Cli;

/// <summary>The folder of post pages that a verb reads (<c>CxFeed:Content:Path</c>, <c>--content</c>).</summary>
public static class ContentFolder
{
    /// <summary>The folder as a source; throws <see cref="SettingsException"/> naming the setting when it is not a folder.</summary>
    public static FolderSource Open(ContentOptions content, SiteOptions site)
    {
        if (!Directory.Exists(content.Path))
        {
            throw new SettingsException(
                [new Problem($"{ContentOptions.Section}:Path", $"'{content.Path}' is not a folder ({Path.GetFullPath(content.Path)})")]);
        }
        return new FolderSource(content.Path, site.BaseUri);
    }
}
