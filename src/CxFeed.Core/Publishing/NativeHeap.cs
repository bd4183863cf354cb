using System.Runtime.InteropServices;

namespace CxFeed.Core.Publishing;

/// <summary>
/// The C library's heap, which the compressors (zlib and brotli) allocate their state from: a
/// first build compresses every file twice, on every core, and glibc keeps what they freed in its
/// per-thread arenas, hundreds of megabytes at 10,000 posts that the process never uses again.
/// </summary>
public static class NativeHeap
{
    /// <summary>
    /// Gives the free pages of every arena back to the system (glibc's <c>malloc_trim</c>); does
    /// nothing where there is no such call (another C library, another system).
    /// </summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
            return;
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception failure) when (failure is EntryPointNotFoundException or DllNotFoundException)
        {
            // musl and others: nothing to trim this way.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
