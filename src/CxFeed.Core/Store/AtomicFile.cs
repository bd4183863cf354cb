namespace CxFeed.Core.Store;

/// <summary>
/// Writes a file whole or not at all: the bytes go to a hidden temporary file beside it (a name
/// no source lists: a leading dot and no <c>.html</c> ending), flushed to disk, then renamed over
/// the target. A rename within a folder is atomic on every file system the store runs on, so a
/// reader (or a crash) sees either the previous bytes or the new ones, never half of them.
/// </summary>
public static class AtomicFile
{
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16_384, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                // On disk before the rename makes it visible: a power cut never leaves an empty file under the real name.
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Temporary files a crash left behind (they hold nothing the store still needs).</summary>
    public static void RemoveLeftovers(string folder)
    {
        if (!Directory.Exists(folder))
            return;
        foreach (var leftover in Directory.EnumerateFiles(folder, ".*.tmp"))
            TryDelete(leftover);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A leftover is removed at the next start.
        }
    }
}
