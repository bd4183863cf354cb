using System.Globalization;

namespace CxFeed.Core.Content;

/// <summary>An image as a page's metadata names it (URL as written, not yet resolved), with what it says of it.</summary>
internal sealed record ImageReference(string Url, int? Width = null, int? Height = null, string? MediaType = null, string? Alt = null)
{
    /// <summary>A width or height written as text: its leading digits, as browsers read <c>width="1200px"</c>; null unless positive.</summary>
    public static int? ParseDimension(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits]))
            digits++;
        return digits > 0 && int.TryParse(trimmed[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;
    }
}
