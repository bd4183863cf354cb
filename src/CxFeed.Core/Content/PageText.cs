using System.Text;

namespace CxFeed.Core.Content;

/// <summary>
/// A page's bytes decoded as a browser would: a byte order mark first, else the charset its
/// <c>&lt;meta&gt;</c> declares (<see cref="CharsetDeclaration"/>), else UTF-8. Bytes that are not
/// valid in that encoding become U+FFFD and are counted, never thrown.
/// </summary>
/// <param name="Encoding">The encoding's web name, e.g. <c>utf-8</c>, <c>windows-1252</c>.</param>
/// <param name="InvalidSequences">How many byte sequences were not valid in the encoding and were replaced.</param>
/// <param name="FirstInvalidByte">The byte offset in the file of the first of them, or -1.</param>
/// <param name="UnsupportedLabel">The charset the page declares when none it declares can be used (unknown, or not ASCII-compatible); the page was then read as UTF-8.</param>
public sealed record PageText(string Text, string Encoding, int InvalidSequences, long FirstInvalidByte, string? UnsupportedLabel)
{
    public static PageText Decode(ReadOnlySpan<byte> bytes)
    {
        var (encoding, bomLength) = FromByteOrderMark(bytes);
        string? unsupported = null;
        if (encoding is null)
        {
            var labels = CharsetDeclaration.Find(bytes);
            encoding = labels.Select(EncodingLabels.Resolve).FirstOrDefault(resolved => resolved is not null);
            if (encoding is null && labels.Count > 0)
                unsupported = labels[0];
            encoding ??= System.Text.Encoding.UTF8;
        }
        var counter = new CountingDecoderFallback();
        var decoder = (Encoding)encoding.Clone();
        decoder.DecoderFallback = counter;
        // One pass (GetString would count characters first, calling the fallback twice per sequence).
        var body = bytes[bomLength..];
        var chars = new char[decoder.GetMaxCharCount(body.Length)];
        var text = new string(chars, 0, decoder.GetChars(body, chars));
        var firstInvalid = counter.Count > 0 ? counter.FirstIndex + bomLength : -1;
        return new PageText(text, encoding.WebName, counter.Count, firstInvalid, unsupported);
    }

    private static (Encoding? Encoding, int Length) FromByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 3),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
        _ => (null, 0),
    };

    /// <summary>Replaces each invalid byte sequence with U+FFFD, as <see cref="DecoderReplacementFallback"/> does, and counts them.</summary>
    private sealed class CountingDecoderFallback : DecoderFallback
    {
        public int Count { get; private set; }

        public long FirstIndex { get; private set; } = -1;

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private void Record(int index)
        {
            if (Count++ == 0)
                FirstIndex = index;
        }

        private sealed class Buffer(CountingDecoderFallback owner) : DecoderFallbackBuffer
        {
            private int _remaining;
            private bool _given;

            public override int Remaining => _remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Record(index);
                _remaining = 1;
                _given = false;
                return true;
            }

            public override char GetNextChar()
            {
                if (_remaining == 0)
                    return '\0';
                _remaining = 0;
                _given = true;
                return '\uFFFD';
            }

            public override bool MovePrevious()
            {
                if (!_given)
                    return false;
                _given = false;
                _remaining = 1;
                return true;
            }

            public override void Reset()
            {
                _remaining = 0;
                _given = false;
            }
        }
    }
}
