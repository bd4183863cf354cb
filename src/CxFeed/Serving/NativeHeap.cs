using System.Runtime.InteropServices;

namespace CxFeed.Serving;

/// <summary>
/// The C library's heap (glibc's malloc), where native code allocates: brotli's and zlib's state
/// for every file compressed (hundreds of KB to a few MB each), SQLite's pages. Once a large block
/// has been freed, glibc raises its threshold for mapping large blocks apart and serves them from
/// its per-thread arenas instead, which keep freed memory for reuse: rebuilds that compress on
/// several threads then leave tens of MB resident that nothing uses, growing for minutes (the soak
/// measured 140 MiB of private memory beside a GC heap of 40 MiB). <see cref="GiveBack"/> fixes the
/// threshold at glibc's default (large blocks are mapped and unmapped on their own, so freeing them
/// gives them back) and returns what the arenas hold free. Called after a publication is saved, so
/// a first build, which compresses every file, still reuses its blocks. Elsewhere than glibc it does nothing.
/// </summary>
public static class NativeHeap
{
    /// <summary>glibc's <c>M_MMAP_THRESHOLD</c>: setting it turns the threshold's adjustment off.</summary>
    private const int MmapThreshold = -3;

    /// <summary>glibc's default threshold: blocks from 128 KiB up are mapped apart.</summary>
    private const int LargeBlock = 128 * 1024;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    public static void GiveBack()
    {
        if (_unavailable)
            return;
        try
        {
            _ = Mallopt(MmapThreshold, LargeBlock);
            _ = MallocTrim(0);
        }
        catch (Exception missing) when (missing is DllNotFoundException or EntryPointNotFoundException)
        {
            // musl and other C libraries: no such tuning, nothing to give back this way.
            _unavailable = true;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
