using System.Buffers;

namespace CxFeed.Core.Publishing;

/// <summary>
/// A write-only stream for one rendered page. It starts with one block of the length the page is
/// expected to have and hands that block out as the page when it was big enough and not much too
/// big, so a 100 MB feed costs 100 MB and not the several hundred megabytes a MemoryStream's
/// doubling and final copy would. When the guess was short, the rest goes into pooled blocks and
/// the page is copied once into an array of its exact length.
/// </summary>
public sealed class PageBuffer(int expectedLength) : Stream
{
    private const int OverflowBlockSize = 256 * 1024;

    private readonly byte[] _first = GC.AllocateUninitializedArray<byte>(Math.Max(expectedLength, 4096));
    private readonly List<byte[]> _overflow = [];
    private int _usedInLast;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var block = _overflow.Count == 0 ? _first : _overflow[^1];
            if (_usedInLast == block.Length)
            {
                _overflow.Add(block = ArrayPool<byte>.Shared.Rent(OverflowBlockSize));
                _usedInLast = 0;
            }
            var count = Math.Min(buffer.Length, block.Length - _usedInLast);
            buffer[..count].CopyTo(block.AsSpan(_usedInLast));
            _usedInLast += count;
            _length += count;
            buffer = buffer[count..];
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>
    /// The bytes written: the first block itself when they all fit in it and it is at most an
    /// eighth too big (the page keeps it alive), else one exact copy.
    /// </summary>
    public ReadOnlyMemory<byte> ToMemory()
    {
        if (_overflow.Count == 0 && _first.Length - _length <= _first.Length / 8)
            return _first.AsMemory(0, (int)_length);
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)_length));
        var at = 0;
        foreach (var block in _overflow.Prepend(_first))
        {
            var count = (int)Math.Min(block.Length, _length - at);
            block.AsSpan(0, count).CopyTo(bytes.AsSpan(at));
            at += count;
        }
        return bytes;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        foreach (var block in _overflow)
            ArrayPool<byte>.Shared.Return(block);
        _overflow.Clear();
        base.Dispose(disposing);
    }
}
