using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CxFeed.Core.Publishing;

/// <summary>
/// A SHA-256 over a sequence of fields, each length-prefixed (a null marked apart from an empty
/// string), so that no two sequences serialise alike ("CX", "Strategy" is not "CXStrategy"). What
/// entry digests, snapshot versions and the keys of planned files are made of. The fields are
/// gathered in one buffer and hashed at <see cref="Finish"/>: a rebuild makes some 15,000 keys of
/// short fields, and one hash call per key costs far less than one per field.
/// </summary>
internal sealed class FieldHash : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1024);
    private int _length;

    public FieldHash Add(string? value)
    {
        if (value is null)
        {
            Reserve(1)[0] = 0xFF;
            _length += 1;
            return this;
        }
        var span = Reserve(Encoding.UTF8.GetMaxByteCount(value.Length) + 4);
        var written = Encoding.UTF8.GetBytes(value, span[4..]);
        BitConverter.TryWriteBytes(span[..4], written);
        _length += written + 4;
        return this;
    }

    public FieldHash Add(long value) => Add(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A date to the tick, with its offset (an offset changes how feeds write it).</summary>
    public FieldHash Add(DateTimeOffset? value) => Add(value?.ToString("O", CultureInfo.InvariantCulture));

    public FieldHash AddAll(IReadOnlyCollection<string> values)
    {
        Add(values.Count);
        foreach (var value in values)
            Add(value);
        return this;
    }

    /// <summary>Lower-case hex of the hash of the fields added since the last finish; then it starts again empty.</summary>
    public string Finish()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(_buffer.AsSpan(0, _length)));
        _length = 0;
        return hash;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Room for <paramref name="count"/> more bytes at the end, the buffer grown when it lacks it.</summary>
    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(2L * _buffer.Length, (long)_length + count)));
            _buffer.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }
        return _buffer.AsSpan(_length, count);
    }
}
