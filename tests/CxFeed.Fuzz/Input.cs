namespace CxFeed.Fuzz;

/// <summary>Where the inputs come from: afl's stream, or files and folders named for a replay.</summary>
internal static class Input
{
    public static byte[] Read(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The files named, and every file below the folders named, in ordinal order.</summary>
    public static IEnumerable<string> Files(IEnumerable<string> paths) =>
        paths.SelectMany<string, string>(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [path]);
}
