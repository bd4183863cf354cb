namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// A WordPress export read instead of the live blog: section <c>CxFeed:Content:Wxr</c>, used when
/// <c>CxFeed:Content:Source</c> is <c>wxr</c>.
/// </summary>
public sealed class WxrOptions : ISettings
{
    public static string Section => "CxFeed:Content:Wxr";

    /// <summary>The export file (Tools → Export), or a folder of the <c>*.xml</c> files a large export is split into; relative to the working directory.</summary>
    public string Path { get; init; } = "";

    public IEnumerable<Problem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
            yield return new Problem($"{Section}:Path", "must name a WordPress export file or a folder of export files");
        else if (File.Exists(Path))
            yield break;
        else if (!Directory.Exists(Path))
            yield return new Problem($"{Section}:Path", $"'{Path}' is neither a file nor a folder ({System.IO.Path.GetFullPath(Path)})");
        else if (WxrReader.FilesAt(Path).Count == 0)
            yield return new Problem($"{Section}:Path", $"the folder '{Path}' holds no *.xml export file");
    }
}
