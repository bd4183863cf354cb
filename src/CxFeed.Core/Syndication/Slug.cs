using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CxFeed.Core.Syndication;

/// <summary>
/// The address form of a category, tag or author name, as WordPress makes it: accents dropped,
/// lower case, every run of other characters a single '-'. Names that differ only in case or
/// punctuation ("Journey Mapping", "journey mapping") have the same slug and are the same feed.
/// </summary>
public static class Slug
{
    public static string Of(string name)
    {
        var slug = new StringBuilder(name.Length);
        var pendingDash = false;
        // Normalising throws on a lone surrogate: drop what no feed may carry first.
        foreach (var c in XmlCharacters.Keep(name).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingDash && slug.Length > 0)
                    slug.Append('-');
                pendingDash = false;
                slug.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingDash = true;
            }
        }
        // A name of punctuation alone still needs an address of its own.
        return slug.Length > 0
            ? slug.ToString().Normalize(NormalizationForm.FormC)
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..12];
    }
}
