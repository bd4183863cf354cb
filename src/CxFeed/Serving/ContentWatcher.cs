using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;

namespace CxFeed.Serving;

/// <summary>
/// Notices that the content or the feed definitions may have changed: file system events from a
/// <see cref="FileSystemWatcher"/> per folder, and, for file systems that send none (network
/// mounts, some containers) or when the watch cannot be set up, a comparison of what the folders
/// hold with what the last build started from (the rebuilder's rescan, with <see cref="Stamp"/>
/// for the feed definitions). Changes coalesce into one pending signal.
/// </summary>
public sealed class ContentWatcher : IDisposable
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<FileSystemWatcher> _watchers = [];

    /// <summary>Watches every folder it can; <paramref name="unavailable"/> hears of each it cannot (missing, or out of inotify instances).</summary>
    public ContentWatcher(IEnumerable<string> folders, Action<string, string> unavailable)
    {
        foreach (var folder in folders)
        {
            FileSystemWatcher? watcher = null;
            try
            {
                watcher = new FileSystemWatcher(Path.GetFullPath(folder))
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                };
                watcher.Changed += (_, _) => Signal();
                watcher.Created += (_, _) => Signal();
                watcher.Deleted += (_, _) => Signal();
                watcher.Renamed += (_, _) => Signal();
                // An overflowed event queue lost changes: rebuild to be sure.
                watcher.Error += (_, _) => Signal();
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception failure) when (failure is ArgumentException or IOException or PlatformNotSupportedException or UnauthorizedAccessException)
            {
                watcher?.Dispose();
                unavailable(folder, failure.Message);
            }
        }
    }

    /// <summary>Marks a change as pending (one at most: many changes make one rebuild).</summary>
    public void Signal() => _pending.Writer.TryWrite(true);

    /// <summary>Waits until a change is pending and takes it.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _pending.Reader.ReadAsync(cancellationToken);

    /// <summary>Takes a pending change if there is one.</summary>
    public bool TryTake() => _pending.Reader.TryRead(out _);

    /// <summary>
    /// What the periodic rescan compares for the feed definitions: a hash of every file's relative
    /// path, length and last write time below the folders (a missing folder stamps as missing).
    /// Reads no file's content.
    /// </summary>
    public static string Stamp(IEnumerable<string> folders)
    {
        var text = new StringBuilder();
        foreach (var folder in folders)
        {
            text.Append(folder).Append('\n');
            var directory = new DirectoryInfo(folder);
            if (!directory.Exists)
            {
                text.Append("missing\n");
                continue;
            }
            var files = directory.EnumerateFiles("*", SearchOption.AllDirectories)
                .Select(file => (Path: Path.GetRelativePath(directory.FullName, file.FullName), file.Length, file.LastWriteTimeUtc.Ticks))
                .OrderBy(file => file.Path, StringComparer.Ordinal);
            foreach (var (path, length, ticks) in files)
                text.Append(path).Append('\t').Append(length).Append('\t').Append(ticks).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
            watcher.Dispose();
        _pending.Writer.TryComplete();
    }
}
