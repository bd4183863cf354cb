using System.Globalization;
using System.Text.RegularExpressions;

namespace CxFeed.Core;

/// <summary>The checks that option classes share when they validate their values.</summary>
public static partial class Settings
{
    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static bool IsLanguageTag(string? value)
    {
        if (string.IsNullOrEmpty(value) || !LanguageTag().IsMatch(value))
            return false;
        try
        {
            _ = CultureInfo.GetCultureInfo(value, predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    public static bool IsTimeZone(string? value) =>
        !string.IsNullOrEmpty(value) && TimeZoneInfo.TryFindSystemTimeZoneById(value, out _);

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
