using System.Runtime.InteropServices;

namespace CxFeed.Core.Publishing;

/// <summary>
/// Writes a publication as static files: each address as a file (<c>/feeds/posts.rss</c> →
/// <c>DIR/feeds/posts.rss</c>, an address ending in '/' → its <c>index.html</c>) with <c>.gz</c>
/// and <c>.br</c> siblings. The files go to a new sibling folder that is then swapped into place,
/// so a reader of DIR sees the old build or the new one, never half of one:
/// on Linux the two folders are exchanged by one <c>renameat2(RENAME_EXCHANGE)</c>, atomic; where
/// that call is missing, the old folder is renamed away and the new one renamed in, which leaves
/// a moment in which DIR does not exist. A file a reader already opened stays readable either way.
/// A build killed before its swap leaves its folder (<c>.DIR.building-PID</c>) beside DIR; the
/// next build removes those whose process is gone.
/// </summary>
public static class PublicationFolder
{
    /// <summary>The file that marks a folder as a build, so that a folder holding anything else is never replaced.</summary>
    public const string Marker = ".cxfeed-build";

    /// <summary>Writes the publication to <paramref name="folder"/>, replacing a previous build there. Reports files written.</summary>
    public static async Task WriteAsync(Publication publication, string folder, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"{folder}: cannot build into a file system root");
        if (Directory.Exists(target) && !IsBuild(target))
            throw new IOException($"{folder}: exists and is not a folder cxfeed build wrote (no {Marker} in it); choose a new or empty folder");
        if (File.Exists(target))
            throw new IOException($"{folder}: is a file");
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        var building = Path.Combine(parent, $".{name}.building-{Environment.ProcessId}");
        var old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        if (Directory.Exists(building))
            Directory.Delete(building, recursive: true);
        ClearAbandoned(parent, name);
        try
        {
            Directory.CreateDirectory(building);
            var written = 0;
            foreach (var file in publication.Files)
            {
                var path = Path.Combine(building, RelativePath(file.Address));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                foreach (var representation in file.Representations)
                    await File.WriteAllBytesAsync(path + representation.Extension, representation.Bytes, cancellationToken);
                progress?.Report(++written);
            }
            await File.WriteAllTextAsync(Path.Combine(building, Marker), $"cxfeed build\nversion {publication.Version}\n", cancellationToken);
            Swap(building, target, old);
        }
        finally
        {
            if (Directory.Exists(building))
                Directory.Delete(building, recursive: true);
            if (Directory.Exists(old))
                Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>The file an address is written to, below the build folder; an address that would leave it is refused.</summary>
    public static string RelativePath(string address)
    {
        var segments = address.Split('/');
        if (!address.StartsWith('/') || segments.Skip(1).SkipLast(1).Any(segment => segment is "" or "." or ".."))
            throw new ArgumentException($"'{address}' is not a file address", nameof(address));
        if (segments[^1] is "." or "..")
            throw new ArgumentException($"'{address}' is not a file address", nameof(address));
        var relative = string.Join(Path.DirectorySeparatorChar, segments.Skip(1));
        return address.EndsWith('/') ? relative + "index.html" : relative;
    }

    /// <summary>
    /// Deletes the building and old folders of <paramref name="name"/> left by builds whose process
    /// no longer runs (killed before they could clean up). A folder of a running process is
    /// another build under way and is left alone.
    /// </summary>
    private static void ClearAbandoned(string parent, string name)
    {
        foreach (var kind in (string[])["building", "old"])
        {
            var prefix = $".{name}.{kind}-";
            foreach (var folder in Directory.EnumerateDirectories(parent, prefix + "*"))
            {
                if (int.TryParse(Path.GetFileName(folder).AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                    && pid != Environment.ProcessId && !IsRunning(pid))
                    Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            // No process of that id.
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsBuild(string folder) =>
        File.Exists(Path.Combine(folder, Marker)) || !Directory.EnumerateFileSystemEntries(folder).Any();

    private static void Swap(string building, string target, string old)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(building, target);
            return;
        }
        if (OperatingSystem.IsLinux() && TryExchange(building, target))
        {
            // building now holds the old build; the finally block deletes it.
            return;
        }
        Directory.Move(target, old);
        Directory.Move(building, target);
    }

    /// <summary>Exchanges two folders atomically (Linux 3.15+, glibc 2.28+); false where the call is missing or refused.</summary>
    internal static bool TryExchange(string first, string second)
    {
        try
        {
            return RenameAt2(AtCurrentWorkingDirectory, first, AtCurrentWorkingDirectory, second, RenameExchange) == 0;
        }
        catch (Exception failure) when (failure is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    private const int AtCurrentWorkingDirectory = -100;
    private const uint RenameExchange = 2;

    // Paths marshal as UTF-8 on Unix, as the file system expects.
    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
