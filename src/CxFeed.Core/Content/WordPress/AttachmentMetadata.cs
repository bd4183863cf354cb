using System.Buffers.Text;
using System.Text;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// The width and height in an attachment's <c>_wp_attachment_metadata</c>, which WordPress stores
/// PHP-serialized (<c>a:5:{s:5:"width";i:1200;s:6:"height";i:630;…}</c>). Read, never
/// unserialized: only the top-level integers <c>width</c> and <c>height</c> are taken, everything
/// else is stepped over by its declared length; objects, bad lengths, nesting deeper than
/// <see cref="MaxDepth"/> or anything malformed give no size rather than a guess.
/// </summary>
public static class AttachmentMetadata
{
    private const int MaxDepth = 16;

    /// <summary>The image's size, or nulls when the metadata does not give both as positive integers.</summary>
    public static (int? Width, int? Height) ReadSize(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized))
            return (null, null);
        var reader = new Reader(Encoding.UTF8.GetBytes(serialized));
        long? width = null, height = null;
        try
        {
            var count = reader.ArrayHeader();
            for (var i = 0; i < count; i++)
            {
                var key = reader.Key();
                if (key is "width" or "height" && reader.PeekIs((byte)'i'))
                {
                    var value = reader.Integer();
                    if (key == "width")
                        width = value;
                    else
                        height = value;
                }
                else
                {
                    reader.SkipValue(0);
                }
            }
        }
        catch (FormatException)
        {
            return (null, null);
        }
        return width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue ? ((int)width, (int)height) : (null, null);
    }

    /// <summary>A cursor over the serialized bytes (string lengths count UTF-8 bytes); every misstep throws <see cref="FormatException"/>.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public readonly bool PeekIs(byte type) => _position < _bytes.Length && _bytes[_position] == type;

        /// <summary><c>a:N:{</c>: the number of pairs.</summary>
        public long ArrayHeader()
        {
            Expect((byte)'a');
            Expect((byte)':');
            var count = Number((byte)':');
            Expect((byte)'{');
            return count >= 0 && count <= _bytes.Length ? count : throw new FormatException();
        }

        /// <summary>An array key: a string's text, or an integer's digits.</summary>
        public string Key()
        {
            if (PeekIs((byte)'i'))
                return Integer().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Encoding.UTF8.GetString(StringValue());
        }

        public long Integer()
        {
            Expect((byte)'i');
            Expect((byte)':');
            return Number((byte)';');
        }

        public void SkipValue(int depth)
        {
            if (depth > MaxDepth || _position >= _bytes.Length)
                throw new FormatException();
            switch (_bytes[_position])
            {
                case (byte)'s':
                    StringValue();
                    break;
                case (byte)'i' or (byte)'d' or (byte)'b':
                    _position += 2;
                    Through((byte)';');
                    break;
                case (byte)'N':
                    _position++;
                    Expect((byte)';');
                    break;
                case (byte)'a':
                    var count = ArrayHeader();
                    for (var i = 0; i < count * 2; i++)
                        SkipValue(depth + 1);
                    Expect((byte)'}');
                    break;
                default:
                    // Objects (O:, C:) and references are refused: metadata never needs them.
                    throw new FormatException();
            }
        }

        /// <summary><c>s:N:"…";</c>: the N bytes between the quotes.</summary>
        private ReadOnlySpan<byte> StringValue()
        {
            Expect((byte)'s');
            Expect((byte)':');
            var length = Number((byte)':');
            Expect((byte)'"');
            if (length < 0 || length > _bytes.Length - _position)
                throw new FormatException();
            var value = _bytes.Slice(_position, (int)length);
            _position += (int)length;
            Expect((byte)'"');
            Expect((byte)';');
            return value;
        }

        private long Number(byte terminator)
        {
            var end = _bytes[_position..].IndexOf(terminator);
            if (end < 1 || end > 20 || !Utf8Parser.TryParse(_bytes.Slice(_position, end), out long value, out var consumed) || consumed != end)
                throw new FormatException();
            _position += end + 1;
            return value;
        }

        private void Through(byte terminator)
        {
            var end = _bytes[Math.Min(_position, _bytes.Length)..].IndexOf(terminator);
            if (end < 0)
                throw new FormatException();
            _position += end + 1;
        }

        private void Expect(byte expected)
        {
            if (_position >= _bytes.Length || _bytes[_position] != expected)
                throw new FormatException();
            _position++;
        }
    }
}
