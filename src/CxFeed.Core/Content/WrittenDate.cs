using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CxFeed.Core.Content;

/// <summary>
/// Dates as people write them on a page, found anywhere in a text: "March 3, 2021", "Mar 3rd,
/// 2021", "3 mars 2021", "3. März 2021", "3 de marzo de 2021", "3 marca 2021", "2021年3月3日",
/// "03.03.2021", "2021/03/03", "16/03/2021" (a slashed date only when the day is over 12, so that
/// it cannot be read both ways), RFC 1123 ("Wed, 03 Mar 2021 10:00:00 GMT"). A time may follow
/// ("11:00 PM", "at 10:30 am", "um 10:00 Uhr", "10h30"), then a zone ("PST", "GMT+2", "+01:00");
/// without a zone the time is the site's wall-clock time (<see cref="DateText"/>).
/// Month names are those of English, French, German, Spanish, Italian, Portuguese, Dutch, the
/// Scandinavian languages, Polish, Czech, Russian and Turkish, full and abbreviated.
/// </summary>
internal static class WrittenDate
{
    /// <summary>The first date written in <paramref name="text"/>; false when there is none or it names no real day.</summary>
    public static bool TryFind(string text, TimeZoneInfo zone, out DateTimeOffset value) => TryFind(text, zone, out value, out _);

    /// <summary>The first date written in <paramref name="text"/> and the text that writes it.</summary>
    public static bool TryFind(string text, TimeZoneInfo zone, out DateTimeOffset value, out string written)
    {
        value = default;
        written = "";
        foreach (Match match in Pattern.Matches(text))
        {
            if (TryRead(match, zone, out value))
            {
                written = match.Value.Trim();
                return true;
            }
        }
        return false;
    }

    /// <summary>Where the first date written in <paramref name="text"/> starts, or -1.</summary>
    public static int IndexOf(string text)
    {
        foreach (Match match in Pattern.Matches(text))
        {
            if (TryRead(match, TimeZoneInfo.Utc, out _))
                return match.Index;
        }
        return -1;
    }

    /// <summary>Whether the first date written in <paramref name="text"/> gives a time of day, not only the day.</summary>
    public static bool HasTime(string text)
    {
        foreach (Match match in Pattern.Matches(text))
        {
            if (TryRead(match, TimeZoneInfo.Utc, out _))
                return match.Groups["hour"].Success;
        }
        return false;
    }

    /// <summary>Every date written in <paramref name="text"/>, in order, and whether it states its zone (an abbreviation or an offset after its time).</summary>
    public static IEnumerable<(DateTimeOffset Value, bool Zoned)> FindAll(string text, TimeZoneInfo zone)
    {
        foreach (Match match in Pattern.Matches(text))
        {
            if (TryRead(match, zone, out var value))
                yield return (value, match.Groups["zone"].Success || match.Groups["sign"].Success);
        }
    }

    /// <summary>Whether the first date written in <paramref name="text"/> states its zone.</summary>
    public static bool HasZone(string text) => FindAll(text, TimeZoneInfo.Utc).Select(date => date.Zoned).FirstOrDefault();

    private static bool TryRead(Match match, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        var g = match.Groups;
        var year = Number(g["year"]);
        int month, day;
        if (g["a"].Success)
        {
            // A slashed date: only a day over 12 says which number is the day.
            var (a, b) = (Number(g["a"]), Number(g["b"]));
            if (a > 12 && b <= 12)
                (day, month) = (a, b);
            else if (b > 12 && a <= 12)
                (month, day) = (a, b);
            else
                return false;
        }
        else
        {
            month = g["monthname"].Success ? Months[g["monthname"].Value.ToLowerInvariant()] : Number(g["month"]);
            day = Number(g["day"]);
        }
        if (year is < 1900 or > 2199 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        var (hour, minute, second) = (0, 0, 0);
        if (g["hour"].Success)
        {
            hour = Number(g["hour"]);
            minute = Number(g["minute"]);
            second = g["second"].Success ? Number(g["second"]) : 0;
            if (g["ampm"].Success)
            {
                if (hour is < 1 or > 12)
                    return false;
                var pm = char.ToLowerInvariant(g["ampm"].Value[0]) == 'p';
                hour = hour % 12 + (pm ? 12 : 0);
            }
            if (hour > 23 || minute > 59 || second > 59)
                return false;
        }
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        var offset = g["hour"].Success ? Offset(g, local) : null;
        value = offset is { } given ? new DateTimeOffset(local, given) : DateText.InZone(local, zone);
        return true;
    }

    /// <summary>The offset a zone abbreviation or a numeric offset ("GMT+2", "+0100") gives, if any.</summary>
    private static TimeSpan? Offset(GroupCollection g, DateTime local)
    {
        TimeSpan? offset = null;
        if (g["zone"].Success)
        {
            var zone = g["zone"].Value.ToUpperInvariant();
            offset = Zones.TryGetValue(zone, out var fixedOffset) ? fixedOffset : DateText.InZone(local, TimeZoneInfo.FindSystemTimeZoneById(RegionZones[zone])).Offset;
        }
        if (g["sign"].Success)
        {
            var digits = g["offset"].Value.Replace(":", "", StringComparison.Ordinal);
            var hours = int.Parse(digits.Length > 2 ? digits[..^2] : digits, CultureInfo.InvariantCulture);
            var minutes = digits.Length > 2 ? int.Parse(digits[^2..], CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
                return null;
            var numeric = new TimeSpan(hours, minutes, 0);
            offset = (offset ?? TimeSpan.Zero) + (g["sign"].Value == "-" ? -numeric : numeric);
        }
        return offset;
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    /// <summary>Zone abbreviations that name one offset in the pages that use them (CST is US Central, IST India Standard Time here).</summary>
    private static readonly FrozenDictionary<string, TimeSpan> Zones = new Dictionary<string, TimeSpan>
    {
        ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero, ["WET"] = TimeSpan.Zero,
        ["BST"] = TimeSpan.FromHours(1), ["CET"] = TimeSpan.FromHours(1), ["WEST"] = TimeSpan.FromHours(1),
        ["MEZ"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2), ["MESZ"] = TimeSpan.FromHours(2),
        ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3),
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4), ["CST"] = TimeSpan.FromHours(-6),
        ["CDT"] = TimeSpan.FromHours(-5), ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7), ["AKST"] = TimeSpan.FromHours(-9),
        ["AKDT"] = TimeSpan.FromHours(-8), ["HST"] = TimeSpan.FromHours(-10),
        ["IST"] = new TimeSpan(5, 30, 0), ["AEST"] = TimeSpan.FromHours(10), ["AEDT"] = TimeSpan.FromHours(11), ["JST"] = TimeSpan.FromHours(9),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The US zones news sites name without saying standard or daylight time ("7:38am ET"): the offset in force that day.</summary>
    private static readonly FrozenDictionary<string, string> RegionZones = new Dictionary<string, string>
    {
        ["ET"] = "America/New_York", ["CT"] = "America/Chicago", ["MT"] = "America/Denver", ["PT"] = "America/Los_Angeles",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Month names and their usual abbreviations, lower case, by language.</summary>
    private static readonly FrozenDictionary<string, int> Months = BuildMonths();

    private static FrozenDictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "stycznia", "ledna", "января", "ocak"],
            ["february", "feb", "février", "fevrier", "févr", "fevr", "fév", "fev", "februar", "febrero", "febbraio", "fevereiro", "februari", "lutego", "února", "февраля", "şubat", "subat"],
            ["march", "mar", "mars", "märz", "maerz", "mär", "marzo", "março", "marco", "maart", "mrt", "marts", "marca", "března", "марта", "mart"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "dubna", "апреля", "nisan"],
            ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "května", "мая", "mayıs", "mayis"],
            ["june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "czerwca", "června", "июня", "haziran"],
            ["july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "lipca", "července", "июля", "temmuz"],
            ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti", "sierpnia", "srpna", "августа", "ağustos", "agustos"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "sett", "setembro", "września", "září", "сентября", "eylül", "eylul"],
            ["october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out", "października", "října", "октября", "ekim"],
            ["november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopadu", "ноября", "kasım", "kasim"],
            ["december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic", "dicembre", "dezembro", "grudnia", "prosince", "декабря", "aralık", "aralik"],
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
                months[name] = i + 1;
        }
        return months.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every month name of <see cref="Months"/>, longest first, so that "mar" never takes the start of "marzo".</summary>
    private static readonly string MonthName =
        "(?<monthname>" + string.Join('|', Months.Keys.OrderByDescending(name => name.Length).ThenBy(name => name, StringComparer.Ordinal).Select(Regex.Escape)) + ")";

    private static readonly string ZoneName =
        "(?<zone>" + string.Join('|', Zones.Keys.Concat(RegionZones.Keys).OrderByDescending(name => name.Length).ThenBy(name => name, StringComparer.Ordinal)) + ")";

    private static readonly Regex Pattern = new(
        "(?:"
        // Month-first: "March 3, 2021", "Mar. 3rd 2021".
        + @"(?<![\p{L}])" + MonthName + @"(?![\p{L}])\.?\s+(?<day>[0-3]?[0-9])(?:st|nd|rd|th)?,?\s+(?<year>[12][0-9]{3})(?![0-9])"
        // Day-first: "3 mars 2021", "3. März 2021", "3 de marzo de 2021", "3rd of March, 2021", "Wed, 03 Mar 2021".
        + @"|(?<![0-9])(?<day>[0-3]?[0-9])(?:st|nd|rd|th|er|º|°)?\.?\s*(?:de\s+|of\s+)?(?<![\p{L}])" + MonthName + @"(?![\p{L}])\.?,?\s*(?:de\s+|del\s+)?(?<year>[12][0-9]{3})(?![0-9])"
        // Year-first numbers: "2021-03-03", "2021/03/03", "2021.03.03".
        + @"|(?<![0-9.])(?<year>[12][0-9]{3})(?<sep>[./-])(?<month>[01]?[0-9])\k<sep>(?<day>[0-3]?[0-9])(?![0-9])"
        // Day-first with dots: "03.03.2021", "3. 3. 2021".
        + @"|(?<![0-9.])(?<day>[0-3]?[0-9])\.\s?(?<month>[01]?[0-9])\.\s?(?<year>[12][0-9]{3})(?![0-9])"
        // Slashes: decided by a day over 12.
        + @"|(?<![0-9/])(?<a>[0-3]?[0-9])/(?<b>[0-3]?[0-9])/(?<year>[12][0-9]{3})(?![0-9])"
        // Chinese, Japanese, Korean: "2021年3月3日", "2021년 3월 3일".
        + @"|(?<year>[12][0-9]{3})\s*[年년]\s*(?<month>[01]?[0-9])\s*[月월]\s*(?<day>[0-3]?[0-9])\s*[日일]"
        + ")"
        // An optional time: "11:00 PM", "at 10:30 am", "um 10:00 Uhr", "à 10h30", "T10:00:00", CNN's "November 29, 2016: 3:33 AM ET".
        + @"(?:\s*(?:,\s*at|,|:|at|um|à|a\s+las|alle|às|om|kl\.?|@|-|–|\||T)?\s*(?<hour>[0-2]?[0-9])(?::|h)(?<minute>[0-5][0-9])(?::(?<second>[0-5][0-9]))?(?:\s*(?<ampm>[ap])\.?\s?m\.?(?![\p{L}]))?(?:\s*(?:uhr|h)(?![\p{L}]))?"
        // An optional zone: "PST", "GMT+2", "UTC-05:00", "+0100".
        + @"(?:\s*(?<![\p{L}])(?-i:" + ZoneName + @")(?![\p{L}]))?"
        + @"(?:\s*(?<sign>[+-])(?<offset>[0-9]{1,2}(?::?[0-9]{2})?)(?![0-9]))?)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
