using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CxFeed.Core.Publishing;

/// <summary>
/// A SHA-256 over a sequence of fields, each length-prefixed (a null marked apart from an empty
/// string), so that no two sequences serialise alike ("CX", "Strategy" is not "CXStrategy"). What
/// entry digests, snapshot versions and the keys of planned files are made of.
/// </summary>
internal sealed class FieldHash : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public FieldHash Add(string? value)
    {
        if (value is null)
        {
            _hash.AppendData([0xFF]);
            return this;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length) + 4);
        try
        {
            var length = Encoding.UTF8.GetBytes(value, buffer.AsSpan(4));
            BitConverter.TryWriteBytes(buffer.AsSpan(0, 4), length);
            _hash.AppendData(buffer, 0, length + 4);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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

    /// <summary>Lower-case hex of the hash so far; the hash starts again empty.</summary>
    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
