using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace CxFeed.Core.Publishing;

/// <summary>
/// A pack of the publication store mapped read-only into memory, so that its files are served
/// without being copied: the kernel reads a page from disk when it is first touched and may drop
/// it again under memory pressure (it is clean), which is what keeps a large publication's rarely
/// asked files out of resident memory. A pack is never written once mapped; it may be unlinked
/// (the mapping stays valid) and is unmapped only when nothing refers to it any more: every slice
/// handed out holds the pack, and an in-flight response holds its slice.
/// </summary>
public sealed unsafe class MappedPack
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;

    private MappedPack(string path, MemoryMappedFile file, MemoryMappedViewAccessor view, long length)
    {
        Path = path;
        _file = file;
        _view = view;
        Length = length;
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        _start = start + view.PointerOffset;
    }

    /// <summary>The pack's file (it may have been unlinked since).</summary>
    public string Path { get; }

    public long Length { get; }

    /// <summary>Maps a whole pack file read-only.</summary>
    public static MappedPack Open(string path)
    {
        var length = new FileInfo(path).Length;
        if (length == 0)
            return new MappedPack(path, null!, null!, 0);
        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        try
        {
            var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            return new MappedPack(path, file, view, length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The bytes at <paramref name="offset"/>, as memory that keeps this pack mapped while it is held.</summary>
    public ReadOnlyMemory<byte> Slice(long offset, int length)
    {
        if (offset < 0 || length < 0 || offset + length > Length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"{offset}+{length} is outside {Path} ({Length} bytes)");
        return length == 0 ? ReadOnlyMemory<byte>.Empty : new Part(this, _start + offset, length).Memory;
    }

    ~MappedPack()
    {
        // Unreachable: no slice and no response holds it. The view's own handle then unmaps it.
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file.Dispose();
        }
    }

    /// <summary>One file's bytes in the pack; holds the pack so that it stays mapped.</summary>
    private sealed class Part(MappedPack pack, byte* start, int length) : MemoryManager<byte>
    {
        // Read by nothing: its only job is to keep the pack reachable while this slice is.
        private readonly MappedPack _pack = pack;

        public override Span<byte> GetSpan() => new(start, length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(start + elementIndex, default, this);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing) => GC.KeepAlive(_pack);
    }
}
