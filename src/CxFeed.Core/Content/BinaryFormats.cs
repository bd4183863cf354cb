using System.Collections.Immutable;

namespace CxFeed.Core.Content;

/// <summary>
/// Files that are not HTML whatever their name says, told by their first bytes, so that a PDF or
/// an image saved as <c>.html</c> is reported as what it is. Other binary files are caught later
/// by their NUL characters, and text without markup by having no element at all.
/// </summary>
internal static class BinaryFormats
{
    private static readonly ImmutableArray<(byte[] Signature, string Name)> Signatures =
    [
        ("%PDF-"u8.ToArray(), "a PDF document"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ("GIF87a"u8.ToArray(), "a GIF image"),
        ("GIF89a"u8.ToArray(), "a GIF image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([(byte)'P', (byte)'K', 0x03, 0x04], "a ZIP archive (or an Office document)"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Office document"),
    ];

    /// <summary>What the file is, as a phrase ("a PDF document"), or null when its first bytes are none of these.</summary>
    public static string? Identify(ReadOnlySpan<byte> bytes)
    {
        foreach (var (signature, name) in Signatures)
        {
            if (bytes.StartsWith(signature))
                return name;
        }
        return null;
    }
}
