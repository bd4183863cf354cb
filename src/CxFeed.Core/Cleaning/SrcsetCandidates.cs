using System.Text;

namespace CxFeed.Core.Cleaning;

/// <summary>
/// Reads a srcset the way browsers do: a URL runs to whitespace (a trailing comma ends it), then
/// an optional descriptor runs to the next comma. Only width (<c>300w</c>), density
/// (<c>2x</c>) and height descriptors are kept; a candidate with any other is dropped.
/// </summary>
internal static class SrcsetCandidates
{
    public static IEnumerable<(string Url, string Descriptor)> Parse(string srcset)
    {
        var position = 0;
        while (position < srcset.Length)
        {
            while (position < srcset.Length && (char.IsWhiteSpace(srcset[position]) || srcset[position] == ','))
                position++;
            var urlStart = position;
            while (position < srcset.Length && !char.IsWhiteSpace(srcset[position]))
                position++;
            if (position == urlStart)
                yield break;
            var url = srcset[urlStart..position];
            var descriptor = "";
            if (url.EndsWith(','))
            {
                url = url.TrimEnd(',');
            }
            else
            {
                var descriptorStart = position;
                while (position < srcset.Length && srcset[position] != ',')
                    position++;
                descriptor = srcset[descriptorStart..position].Trim();
            }
            if (url.Length > 0 && IsDescriptor(descriptor))
                yield return (url, descriptor);
        }
    }

    /// <summary>
    /// Writes a candidate's URL so that it reads back whole: a URL that ends in commas (a
    /// control after them was dropped when it was judged, <c>a.jpg,\u0001</c>) would lose them to
    /// the next reading, which takes a trailing comma for the end of the candidate; they are
    /// written <c>%2C</c>, its percent-encoded form.
    /// </summary>
    public static void AppendUrl(StringBuilder set, string url)
    {
        var kept = url.AsSpan().TrimEnd(',');
        set.Append(kept);
        for (var i = kept.Length; i < url.Length; i++)
            set.Append("%2C");
    }

    /// <summary>
    /// The URL of the first candidate in a srcset this class wrote: its URLs hold no white space
    /// and never end in a comma (<see cref="AppendUrl"/>), but may hold one inside (<c>a,b.jpg</c>).
    /// </summary>
    public static string FirstUrl(string srcset)
    {
        var end = srcset.IndexOf(' ');
        var first = end < 0 ? srcset : srcset[..end];
        return first.EndsWith(',') ? first[..^1] : first;
    }

    private static bool IsDescriptor(string descriptor)
    {
        if (descriptor.Length == 0)
            return true;
        if (descriptor.Length < 2 || descriptor[^1] is not ('w' or 'x' or 'h'))
            return false;
        var number = descriptor.AsSpan(0, descriptor.Length - 1);
        var dots = 0;
        foreach (var c in number)
        {
            if (c == '.')
                dots++;
            else if (!char.IsAsciiDigit(c))
                return false;
        }
        return dots <= (descriptor[^1] == 'x' ? 1 : 0) && number.IndexOfAnyExcept('.') >= 0;
    }
}
