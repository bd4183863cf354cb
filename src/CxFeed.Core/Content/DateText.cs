using System.Globalization;
using System.Text.RegularExpressions;

namespace CxFeed.Core.Content;

/// <summary>
/// Reads the dates pages write (ISO 8601 / RFC 3339 and HTML's date strings: <c>2021-06-08</c>,
/// <c>2021-06-08T08:30</c>, <c>2021-06-08 08:30:00.5-05:00</c>, <c>…Z</c>, <c>…+0000</c>). A date
/// with an offset keeps its instant and offset. A date without one is a wall-clock time in the
/// site's time zone: when that time happens twice (clocks going back) the first, daylight-time one
/// is meant; when it never happens (clocks going forward) it is moved forward by the gap, as a
/// clock that was not changed would read it (02:30 on a spring-forward night is 03:30 daylight time).
/// A value that is not ISO-shaped at all is read as people write dates (<see cref="WrittenDate"/>):
/// "January 18, 2017 11:00 PM PST", "3. März 2021", RFC 1123. One that is ISO-shaped but names no
/// real instant ("2021-02-30", an hour of 24, an offset of +25:00) is unparsable.
/// </summary>
internal static partial class DateText
{
    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        var match = Iso8601().Match(text.Trim());
        if (!match.Success)
            return WrittenDate.TryFind(text, zone, out value);
        var g = match.Groups;
        var hasTime = g["hour"].Success;
        var fraction = g["fraction"].Success ? g["fraction"].Value.PadRight(7, '0')[..7] : "0";
        if (!TryDateTime(
                Number(g["year"]), Number(g["month"]), Number(g["day"]),
                hasTime ? Number(g["hour"]) : 0, hasTime ? Number(g["minute"]) : 0, g["second"].Success ? Number(g["second"]) : 0,
                long.Parse(fraction, CultureInfo.InvariantCulture),
                out var local))
        {
            return false;
        }
        var offset = g["zone"].Success ? Offset(g["zone"].Value) : null;
        if (g["zone"].Success && offset is null)
            return false;
        try
        {
            value = offset is { } given ? new DateTimeOffset(local, given) : InZone(local, zone);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // The instant falls outside what DateTimeOffset holds (year 1 or 9999 near midnight).
            return false;
        }
    }

    /// <summary>Whether <paramref name="text"/> gives a time of day without saying its zone, so that the site's zone was assumed.</summary>
    public static bool IsZoneless(string text)
    {
        var match = Iso8601().Match(text.Trim());
        return match.Success ? match.Groups["hour"].Success && !match.Groups["zone"].Success : WrittenDate.HasTime(text) && !WrittenDate.HasZone(text);
    }

    /// <summary>A wall-clock time in <paramref name="zone"/>, as the summary above says.</summary>
    internal static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        if (zone.IsInvalidTime(local))
        {
            // The offset in force just before the gap: a day earlier, as no zone changes twice in a day.
            var before = new DateTimeOffset(local, zone.GetUtcOffset(local.AddDays(-1)));
            return TimeZoneInfo.ConvertTime(before, zone);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static bool TryDateTime(int year, int month, int day, int hour, int minute, int second, long ticks, out DateTime value)
    {
        value = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        return true;
    }

    private static TimeSpan? Offset(string zone)
    {
        if (zone is "Z" or "z")
            return TimeSpan.Zero;
        var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
            return null;
        var offset = new TimeSpan(hours, minutes, 0);
        return zone[0] == '-' ? -offset : offset;
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})(?:[Tt ](?<hour>[0-9]{2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:[.,](?<fraction>[0-9]{1,9}))?)?)?[ ]*(?<zone>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Iso8601();
}
