namespace CxFeed.Tests.Content;

/// <summary>A folder of its own under the system's temporary folder, deleted with everything in it when disposed.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cxfeed-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Writes a file at a path relative to the folder, creating the folders it needs.</summary>
    public string Write(string relativePath, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
