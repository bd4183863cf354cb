using CxFeed.Core.Publishing;

namespace CxFeed.Tests.Publishing;

public class PageBufferTests
{
    private static byte[] Bytes(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7))];

    [Theory]
    [InlineData(10_000, 10_000)]
    [InlineData(10_000, 9_000)]
    [InlineData(10_000, 5_000)]
    [InlineData(10_000, 700_000)]
    [InlineData(0, 1)]
    [InlineData(100, 0)]
    public void The_page_is_exactly_the_bytes_written_however_good_the_guess(int expected, int written)
    {
        var bytes = Bytes(written);
        using var buffer = new PageBuffer(expected);

        foreach (var chunk in bytes.Chunk(3_001))
            buffer.Write(chunk);

        Assert.Equal(written, buffer.Length);
        Assert.Equal(bytes, buffer.ToMemory().ToArray());
    }

    [Fact]
    public void A_good_guess_hands_out_the_buffer_itself_without_a_copy()
    {
        using var buffer = new PageBuffer(10_000);
        buffer.Write(Bytes(9_500));

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(buffer.ToMemory(), out var segment));
        Assert.Equal(10_000, segment.Array!.Length);
        Assert.Equal(9_500, segment.Count);
    }
}
